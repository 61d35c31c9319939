/// The signing key is too small.
public struct WeakKey: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "signature/weak-key",
        title: "Weak Signing Key",
        category: .signature,
        severity: .info,
        rationale: """
            RSA keys under 2048 bits (EC under 256) are below current recommendations; under 1024 bits they \
            can be factored by a determined attacker, and the finding is an error. Sizes are in \
            `rules/signature-algorithms.yml`. The key measured is the trusted certificate that verified \
            the signature, else the KeyInfo certificate.
            """,
        message: "the signing key is smaller than recommended",
        triggering: [
            Example(SignedExamples.mark(SignedExamples.weakKey, "<ds:Signature")),
        ],
        nonTriggering: [
            Example(SignedExamples.validAssertionSigned),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        let (policy, signatures) = message.policySignatures(context: context)
        for signature in signatures {
            guard let key = signature.keyFacts, let sizes = policy.keySizes[key.keyType.rawValue.lowercased()],
                key.bits < sizes.recommended
            else { continue }
            findings.report(
                "the \(key.keyType.rawValue) signing key has \(key.bits) bits (recommended: at least \(sizes.recommended))",
                at: signature.element,
                evidence: [Evidence(value: "\(key.bits)", classifiedAs: "\(key.keyType.rawValue) key bits")],
                fix: Fix("Have the IdP sign with a new key of at least \(sizes.recommended) bits and publish its certificate in the metadata."),
                severity: key.bits < sizes.minimum ? .error : nil)
        }
    }
}
