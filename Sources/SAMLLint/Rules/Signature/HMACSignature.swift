/// A symmetric (HMAC) signature method.
public struct HMACSignature: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "signature/hmac",
        title: "HMAC Signature",
        category: .signature,
        severity: .error,
        rationale: """
            An HMAC "signature" is a shared-secret MAC: it proves nothing about the IdP, and a verifier that \
            accepts it with a public key as the secret can be forged by anyone (key confusion). SAML \
            signatures must be asymmetric (RSA or ECDSA); HMAC is refused.
            """,
        message: "the signature uses HMAC",
        triggering: [
            Example(SignedExamples.mark(SignedExamples.hmac, "<ds:Signature")),
        ],
        nonTriggering: [
            Example(SignedExamples.validAssertionSigned),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        let (policy, signatures) = message.policySignatures(context: context)
        for signature in signatures where policy.isHMAC(signature.facts.signatureMethod) {
            findings.report(
                "the signature uses a symmetric MAC (\(signature.facts.signatureMethod ?? "")): refused",
                at: signature.element,
                evidence: [Evidence(value: signature.facts.signatureMethod ?? "", classifiedAs: "HMAC SignatureMethod")],
                fix: Fix("Reject the message; the IdP must sign with its private key (RSA-SHA256 or ECDSA-SHA256)."))
        }
    }
}
