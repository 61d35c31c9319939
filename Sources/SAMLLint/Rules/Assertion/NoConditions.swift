/// An assertion without Conditions.
public struct NoConditions: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "assertion/no-conditions",
        title: "No Conditions",
        category: .assertion,
        severity: .warning,
        rationale: """
            Without Conditions an assertion has no validity window and no audience: it is accepted \
            by any SP that trusts the IdP, forever. Web SSO profiles require an AudienceRestriction.
            """,
        message: "the assertion has no Conditions",
        triggering: [
            Example(ExampleSAML.assertion().replacingOccurrences(of: #"<saml:Conditions NotBefore="2026-01-01T09:59:00Z" NotOnOrAfter="2026-01-01T10:05:00Z">"#, with: "")
                .replacingOccurrences(of: "<saml:AudienceRestriction><saml:Audience>https://sp.example.com</saml:Audience></saml:AudienceRestriction>", with: "")
                .replacingOccurrences(of: "</saml:Conditions>", with: "")
                .replacingOccurrences(of: "<saml:Assertion ", with: "↓<saml:Assertion ")),
        ],
        nonTriggering: [
            Example(ExampleSAML.assertion()),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        for assertion in message.assertions where assertion.conditions == nil {
            findings.report(
                "the assertion\(assertion.id.map { " '\($0)'" } ?? "") has no Conditions (no validity window, no audience)",
                at: assertion.element,
                fix: Fix("Configure the IdP to include Conditions with NotBefore/NotOnOrAfter and an AudienceRestriction for this SP."))
        }
    }
}
