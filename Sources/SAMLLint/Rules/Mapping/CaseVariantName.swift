/// An attribute Name that matches the configured mapping or a catalog URI/OID only with another capitalisation.
public struct CaseVariantName: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "mapping/case-variant-name",
        title: "Case Variant Name",
        category: .mapping,
        severity: .warning,
        rationale: """
            Attribute Names are compared byte for byte by most SAML libraries. `Email` where the connection \
            maps `email`, or `…/claims/EmailAddress` for `…/claims/emailaddress`, silently leaves the field \
            empty in a case-sensitive SP (samllint matches case-insensitively so it can say so).
            """,
        message: "attribute NAME differs from EXPECTED only by case",
        triggering: [
            Example(ExampleSAML.response(attributes: [.marked("Email", ["jane@example.com"])]), configuration: "mapping:\n  email: [email]\n"),
            Example(ExampleSAML.response(attributes: [.marked("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/EmailAddress", ["jane@example.com"])])),
        ],
        nonTriggering: [
            Example(ExampleSAML.response(attributes: [.init("email", ["jane@example.com"])]), configuration: "mapping:\n  email: [email]\n"),
            Example(ExampleSAML.response(attributes: [.init("Email", ["jane@example.com"])])),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        let configured = context.configuration.mapping
        for assertion in message.assertions {
            let analysis = AssertionAnalysis.of(assertion, context: context)
            // The Names present, read only to check configured spellings.
            let names = configured.isEmpty ? [] : Set(analysis.attributes.map(\.name))
            for attribute in analysis.attributes {
                var expected: (String, String)?
                for (field, list) in configured.sorted(by: { $0.key < $1.key }) {
                    if let hit = list.first(where: { $0 != attribute.name && $0.lowercased() == attribute.name.lowercased() }), !names.contains(hit) {
                        expected = (hit, field)
                        break
                    }
                }
                if expected == nil, configured.isEmpty || attribute.configured == false, let match = analysis.catalog.lookup(attribute.name), match.caseVariant {
                    expected = (match.alias, match.field.rawValue)
                }
                guard let (spelling, field) = expected else { continue }
                findings.report(
                    "attribute '\(attribute.name)' differs from '\(spelling)' only by case; a case-sensitive SP will not find the \(field)",
                    at: attribute.attribute.element, attribute: attribute.name, field: field,
                    evidence: [Evidence(value: attribute.name, classifiedAs: "case variant of \(spelling)", confidence: 1)],
                    fix: Fix("Rename the attribute at the IdP to '\(spelling)' (or change the SP mapping to '\(attribute.name)').", mapping: [field: attribute.name]))
            }
        }
    }
}
