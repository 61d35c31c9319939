import SAMLXML

/// An AudienceRestriction that does not name the SP's entityID.
public struct AudienceMismatch: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "assertion/audience-mismatch",
        title: "Audience Mismatch",
        category: .assertion,
        severity: .error,
        rationale: """
            Every AudienceRestriction must contain the SP's entityID (`sp.entityID` or \
            `--sp-entity-id`), compared byte for byte: a trailing slash or http/https difference is \
            enough for the SP to refuse the login.
            """,
        message: "the AudienceRestriction does not contain the SP's entityID",
        triggering: [
            Example(ExampleSAML.assertion().replacingOccurrences(of: "<saml:AudienceRestriction>", with: "↓<saml:AudienceRestriction>"),
                configuration: "sp:\n  entityID: https://sp.example.com/"),
        ],
        nonTriggering: [
            Example(ExampleSAML.assertion(), configuration: "sp:\n  entityID: https://sp.example.com"),
            Example(ExampleSAML.assertion()),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        guard let expected = context.configuration.sp?.entityID, !expected.isEmpty else { return }
        for assertion in message.assertions {
            guard let conditions = assertion.conditions else { continue }
            for restriction in conditions.element.children("AudienceRestriction", namespace: XMLNamespaces.assertion) {
                let audiences = restriction.children("Audience", namespace: XMLNamespaces.assertion).map { $0.textContent.trimmed }
                guard !audiences.contains(expected) else { continue }
                let near = audiences.first { $0.lowercased().trimmingSlash == expected.lowercased().trimmingSlash }
                findings.report(
                    "the AudienceRestriction names \(audiences.map { "'\($0)'" }.joined(separator: ", ")), not the SP's entityID '\(expected)'\(near != nil ? " (differs only by case or a trailing slash)" : "")",
                    at: restriction,
                    evidence: audiences.map { Evidence(value: $0, classifiedAs: "Audience") } + [Evidence(value: expected, classifiedAs: "sp.entityID")],
                    fix: Fix("Set the IdP's Audience / SP Entity ID for this application to exactly '\(expected)'."))
            }
        }
    }
}

extension String {
    var trimmingSlash: Substring {
        var text = Substring(self)
        while text.hasSuffix("/") { text = text.dropLast() }
        return text
    }
}
