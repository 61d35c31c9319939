/// Conditions without an AudienceRestriction.
public struct NoAudience: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "assertion/no-audience",
        title: "No Audience",
        category: .assertion,
        severity: .warning,
        rationale: """
            The AudienceRestriction names the SP the assertion is for. Without it an assertion \
            issued to one SP can be replayed at another that trusts the same IdP.
            """,
        message: "the Conditions have no AudienceRestriction",
        triggering: [
            Example(ExampleSAML.assertion().replacingOccurrences(of: "<saml:AudienceRestriction><saml:Audience>https://sp.example.com</saml:Audience></saml:AudienceRestriction>", with: "")
                .replacingOccurrences(of: "<saml:Conditions", with: "↓<saml:Conditions")),
        ],
        nonTriggering: [
            Example(ExampleSAML.assertion()),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        for assertion in message.assertions {
            guard let conditions = assertion.conditions, conditions.audiences.isEmpty else { continue }
            findings.report(
                "the Conditions have no Audience: the assertion is not bound to an SP",
                at: conditions.element,
                fix: Fix("Set the SP's entityID as the audience (\"Audience URI\" / \"SP Entity ID\") in the IdP's application settings."))
        }
    }
}
