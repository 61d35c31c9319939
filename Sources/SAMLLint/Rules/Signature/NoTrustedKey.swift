/// Nothing to verify signatures against.
public struct NoTrustedKey: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "signature/no-trusted-key",
        title: "No Trusted Key",
        category: .signature,
        severity: .info,
        rationale: """
            Without the IdP's signing certificate (`--metadata`, `--idp-cert`, or `idp.certificates`), \
            samllint can tell whether a signed message is intact (with the certificate it carries) and \
            whether the signature covers what is read, but not who signed it.
            """,
        message: "no trusted IdP certificate: signatures only checked for integrity",
        triggering: [
            Example(SignedExamples.mark(SignedExamples.validAssertionSigned, "<ds:Signature")),
        ],
        nonTriggering: [
            Example(SignedExamples.validAssertionSigned, configuration: SignedExamples.trustIdP),
            Example(ExampleSAML.response()),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        guard message.kind == .response || message.kind == .assertion else { return }
        let analysis = message.signatures(context: context)
        guard !analysis.hasTrustedKeys, let first = analysis.signatures.first else { return }
        findings.report(
            "no trusted IdP certificate given: \(analysis.signatures.count) signature(s) checked only against the certificate in the message, which proves integrity, not origin",
            at: first.element,
            fix: Fix("Pass the IdP metadata with --metadata (or its certificate with --idp-cert) to verify who signed.",
                     configuration: "idp:\n  metadata: idp-metadata.xml"))
    }
}
