/// An AttributeValue that is empty or only whitespace (and not explicitly `xsi:nil`).
public struct EmptyAttributeValue: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "mapping/empty-attribute-value",
        title: "Empty Attribute Value",
        category: .mapping,
        severity: .warning,
        rationale: """
            An empty value usually means the IdP maps the claim to a directory field that is blank for \
            this user. The SP then stores an empty email or name, or overwrites a good one. When the \
            value is truly absent, omit the Attribute or mark the value `xsi:nil="true"`.
            """,
        message: "attribute NAME has an empty value",
        triggering: [
            Example(ExampleSAML.response(attributes: [.marked("firstName", [""])])),
            Example(ExampleSAML.response(attributes: [.marked("lastName", ["   "])])),
        ],
        nonTriggering: [
            Example(ExampleSAML.response(attributes: [.init("firstName", ["Jane"])])),
            Example(ExampleSAML.response(attributes: [.init("manager", [])])),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        for assertion in message.assertions {
            // Values read once by the model say whether an element needs a closer look.
            for attribute in assertion.attributes where attribute.values.isEmpty || attribute.values.contains(where: \.mayHaveWhitespaceAtEnds) {
                for value in attribute.valueElements where !value.isNil && value.nestedElements.isEmpty {
                    let text = value.text
                    guard text.allSatisfy({ $0.isWhitespace }) else { continue }
                    let what = text.isEmpty ? "an empty value" : "a value that is only whitespace"
                    findings.report(
                        "attribute '\(attribute.name)' has \(what)", at: attribute.element, attribute: attribute.name,
                        evidence: [Evidence(value: text, classifiedAs: "empty")],
                        fix: Fix("Map '\(attribute.name)' to a directory field that is filled for every user, or omit it when there is no value."))
                    break
                }
            }
        }
    }
}
