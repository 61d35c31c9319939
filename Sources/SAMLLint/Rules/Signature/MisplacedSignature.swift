import SAMLXML

/// A signature that is not where the SAML schema puts it: a direct child of the element it signs,
/// right after that element's Issuer.
public struct MisplacedSignature: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "signature/misplaced",
        title: "Misplaced Signature",
        category: .signature,
        severity: .info,
        rationale: """
            The SAML schema puts `ds:Signature` inside the element it signs, immediately after its \
            `saml:Issuer`. A signature elsewhere (deeper in the element, after the assertions, beside \
            the element) still covers the same content, but schema-validating SPs (ruby-saml, OpenSAML) \
            reject the message, and a moved signature is how wrapping attacks start. A note by default: \
            several libraries and test suites place it last, and the content is still covered.
            """,
        message: "the signature is not where the SAML schema puts it",
        triggering: [
            Example(SignedExamples.validAssertionSigned.replacingOccurrences(of: "<saml:Issuer>https://idp.example.com/saml</saml:Issuer><ds:Signature", with: "<saml:Issuer>https://idp.example.com/saml</saml:Issuer><saml:Extra xmlns:saml=\"urn:example:other\"/>↓<ds:Signature")),
        ],
        nonTriggering: [
            Example(SignedExamples.validAssertionSigned),
            Example(SignedExamples.validResponseSigned),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        guard message.carriesAssertionSignatures else { return }
        for signature in message.signatures(context: context).signatures {
            guard signature.facts.references.count == 1, let target = signature.facts.references[0].target,
                let parent = signature.element.parent
            else { continue }
            if parent != target {
                guard signature.element.isDescendant(ofOrSameAs: target) || target.isDescendant(ofOrSameAs: parent) else { continue }
                report(
                    "the Signature at \(signature.element.readablePath) is not a direct child of the element it signs (\(target.readablePath))",
                    signature, &findings)
                continue
            }
            let siblings = target.children
            guard let index = siblings.firstIndex(of: signature.element) else { continue }
            let hasIssuer = siblings.first?.isElement("Issuer", namespace: XMLNamespaces.assertion) == true
            let expected = hasIssuer ? 1 : 0
            if index != expected {
                report(
                    "the Signature is element \(index + 1) of \(target.readablePath); the schema puts it \(hasIssuer ? "right after the Issuer" : "first")",
                    signature, &findings)
            }
        }
    }

    private func report(_ text: String, _ signature: SignatureAnalysis.Checked, _ findings: inout FindingEmitter) {
        findings.report(
            text, at: signature.element,
            evidence: [Evidence(value: signature.element.readablePath, classifiedAs: "signature position")],
            fix: Fix("Have the IdP (or the code that builds the message) place ds:Signature as the signed element's child right after its Issuer."))
    }
}
