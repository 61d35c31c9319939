/// No signature covers the assertion the application reads.
public struct UnsignedAssertion: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "signature/unsigned-assertion",
        title: "Unsigned Assertion",
        category: .signature,
        severity: .error,
        rationale: """
            The SP must only accept an assertion whose content is covered by the IdP's signature: the \
            assertion's own enveloped signature, or the Response's. Without one, anybody who can post to \
            the ACS URL can log in as anybody.
            """,
        message: "no signature covers the assertion that is read",
        triggering: [
            Example(ExampleSAML.response().replacingOccurrences(of: "<saml:Assertion", with: "↓<saml:Assertion")),
            Example("↓" + ExampleSAML.assertion()),
        ],
        nonTriggering: [
            Example(SignedExamples.validAssertionSigned, configuration: SignedExamples.trustIdP),
            Example(SignedExamples.validResponseSigned, configuration: SignedExamples.trustIdP),
            Example(ExampleSAML.response(nameID: nil).replacingOccurrences(of: "<saml:Assertion", with: "<saml:Other")
                .replacingOccurrences(of: "</saml:Assertion>", with: "</saml:Other>")),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        guard message.carriesAssertionSignatures else { return }
        let analysis = message.signatures(context: context)
        guard let read = analysis.readAssertion, !analysis.readAssertionHasCoveringSignature else { return }
        findings.report(
            "no signature covers the assertion that is read (\(read.attribute("ID") ?? "no ID")): neither its own nor the Response's",
            at: read,
            evidence: [Evidence(value: read.attribute("ID") ?? "", classifiedAs: "unsigned assertion")],
            fix: Fix("Have the IdP sign the assertion (or the whole Response); an SP must reject unsigned assertions.",
                     adminStep: "In the IdP's SAML application settings, enable 'Sign assertion' (or 'Sign response and assertion')."))
    }
}
