/// A transform or canonicalization method outside the allow-list.
public struct DisallowedTransform: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "signature/disallowed-transform",
        title: "Disallowed Transform",
        category: .signature,
        severity: .error,
        rationale: """
            XPath, XSLT, XPointer and other transforms let a signature cover something other than the \
            element it names (or run code in the verifier). A SAML signature needs only the enveloped \
            transform and canonicalization (exclusive c14n, or c14n 1.0/1.1, with or without comments); \
            anything else is refused. The list is in `rules/signature-algorithms.yml`.
            """,
        message: "the signature uses a transform outside the allow-list",
        triggering: [
            Example(SignedExamples.mark(SignedExamples.xpathTransform, "<ds:Signature")),
        ],
        nonTriggering: [
            Example(SignedExamples.validAssertionSigned),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        let (policy, signatures) = message.policySignatures(context: context)
        for signature in signatures {
            let refused = SignaturePolicyFacts.disallowedTransforms(signature.facts, policy)
            guard !refused.isEmpty else { continue }
            findings.report(
                "the signature uses \(refused.count == 1 ? "a transform" : "transforms") outside the allow-list: \(refused.joined(separator: ", "))",
                at: signature.element,
                evidence: refused.map { Evidence(value: $0, classifiedAs: "refused transform") },
                fix: Fix("Reject the message; a SAML signature uses only the enveloped-signature transform and exclusive canonicalization."))
        }
    }
}
