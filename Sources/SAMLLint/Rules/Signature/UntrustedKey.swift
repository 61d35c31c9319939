/// The certificate in a signature's KeyInfo is not among the trusted IdP certificates.
public struct UntrustedKey: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "signature/untrusted-key",
        title: "Untrusted Key In KeyInfo",
        category: .signature,
        severity: .warning,
        rationale: """
            An SP that verifies with the certificate found in the message's KeyInfo accepts anything an \
            attacker signs with their own key. The KeyInfo certificate is only compared with the trusted \
            ones; when it differs, either the IdP rotated its key (update the trusted certificate) or \
            someone else signed.
            """,
        message: "the KeyInfo certificate is not among the trusted IdP certificates",
        triggering: [
            Example(SignedExamples.mark(SignedExamples.attackerSigned, "<ds:Signature"), configuration: SignedExamples.trustIdP),
        ],
        nonTriggering: [
            Example(SignedExamples.validAssertionSigned, configuration: SignedExamples.trustIdP),
            Example(SignedExamples.attackerSigned),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        guard message.carriesAssertionSignatures else { return }
        for signature in message.signatures(context: context).signatures where signature.keyInfoTrusted == false {
            findings.report(
                "the certificate in the signature's KeyInfo is not one of the \(context.trustedSigningCertificates.count) trusted IdP signing certificate(s)",
                at: signature.element,
                evidence: [Evidence(value: "\(signature.facts.keyInfoCertificates.count) KeyInfo certificate(s)", classifiedAs: "untrusted certificate")],
                fix: Fix("Verify only with the IdP metadata's certificates; if the IdP rotated its key, update --metadata or --idp-cert."))
        }
    }
}
