/// RSA-SHA1 signature method or SHA-1 digest.
public struct SHA1Signature: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "signature/sha1",
        title: "SHA-1 In Signature",
        category: .signature,
        severity: .info,
        rationale: """
            SHA-1 is deprecated for signatures (collisions are practical since 2017). A SAML signature made \
            today should use RSA-SHA256 (or stronger) with a SHA-256 digest. Still common in older IdPs and \
            not forgeable in practice for SAML, so this is a note by default; the `strict` ruleset makes it \
            a warning. Algorithms are listed in `rules/signature-algorithms.yml`.
            """,
        message: "the signature uses SHA-1",
        triggering: [
            Example(SignedExamples.mark(SignedExamples.sha1, "<ds:Signature")),
        ],
        nonTriggering: [
            Example(SignedExamples.validAssertionSigned),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        let (policy, signatures) = message.policySignatures(context: context)
        for signature in signatures {
            var uses: [Evidence] = []
            if policy.isSHA1(signatureMethod: signature.facts.signatureMethod), let method = signature.facts.signatureMethod {
                uses.append(Evidence(value: method, classifiedAs: "SignatureMethod"))
            }
            for reference in signature.facts.references where policy.isSHA1(digest: reference.digestMethod) {
                uses.append(Evidence(value: reference.digestMethod ?? "", classifiedAs: "DigestMethod"))
            }
            guard !uses.isEmpty else { continue }
            findings.report(
                "the signature uses SHA-1 (\(uses.compactMap(\.classifiedAs).joined(separator: " and ")))",
                at: signature.element, evidence: uses,
                fix: Fix("Have the IdP sign with RSA-SHA256 and a SHA-256 digest.",
                         adminStep: "In the IdP's SAML application settings, set the signature algorithm to RSA-SHA256 and the digest to SHA256."))
        }
    }
}
