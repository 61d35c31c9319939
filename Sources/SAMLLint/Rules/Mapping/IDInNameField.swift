/// A name attribute carrying a GUID, numeric or opaque id.
public struct IDInNameField: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "mapping/id-in-name-field",
        title: "Id In Name Field",
        category: .mapping,
        severity: .error,
        rationale: """
            An object id, employee number or Okta user id in a name claim means the IdP maps the wrong \
            directory field. Users see `3f2504e0-…` as their name. Ids are recognised by their shape \
            (GUIDs, digits, letter-digit tokens); names in any script are never taken for ids.
            """,
        message: "attribute NAME promises FIELD but holds ids",
        triggering: [
            Example(ExampleSAML.response(attributes: [.marked("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname", ["3f2504e0-4f89-11d3-9a0c-0305e82c3301"])])),
            Example(ExampleSAML.response(attributes: [.marked("lastName", ["00u1a2b3c4D5e6F7g8h9"])])),
            Example(ExampleSAML.response(attributes: [.marked("displayName", ["104729"])])),
        ],
        nonTriggering: [
            Example(ExampleSAML.response(attributes: [.init("firstName", ["José"]), .init("lastName", ["Nguyễn"]), .init("displayName", ["أحمد علي"])])),
            Example(ExampleSAML.response(attributes: [.init("objectid", ["3f2504e0-4f89-11d3-9a0c-0305e82c3301"])])),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        for assertion in message.assertions {
            let analysis = AssertionAnalysis.of(assertion, context: context)
            for attribute in analysis.attributes {
                guard let field = attribute.field, field.isName, let found = analysis.confidentLabel(attribute), found.label.isIdentifier else { continue }
                findings.report(
                    "attribute '\(attribute.name)' promises the \(MappingFixes.fieldWords(field)) but holds \(found.label.plural)",
                    at: attribute.attribute.element, attribute: attribute.name, field: field.rawValue,
                    evidence: attribute.evidence(where: \.isIdentifier),
                    fix: MappingFixes.misplaced(attribute, field: field, holds: found.label, analysis: analysis))
            }
        }
    }
}
