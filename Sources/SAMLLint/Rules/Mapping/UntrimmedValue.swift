/// A value with leading or trailing whitespace (spaces, tabs, line breaks, no-break spaces).
public struct UntrimmedValue: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "mapping/untrimmed-value",
        title: "Untrimmed Value",
        category: .mapping,
        severity: .warning,
        rationale: """
            `" jane@example.com"` and `"jane@example.com"` are different strings to most applications: \
            a user can get a second account, a domain check can fail, an allow-list can be bypassed. \
            Pretty-printing the XML is a common cause. Values should be sent trimmed.
            """,
        message: "attribute NAME has a value with leading or trailing whitespace",
        triggering: [
            Example(ExampleSAML.response(attributes: [.marked("email", [" jane.doe@example.com"])])),
            Example(ExampleSAML.response(attributes: [.marked("lastName", ["Doe\n        "])])),
        ],
        nonTriggering: [
            Example(ExampleSAML.response(attributes: [.init("email", ["jane.doe@example.com"])])),
            Example(ExampleSAML.response(attributes: [.init("lastName", ["   "])])),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        for assertion in message.assertions {
            // Values read once by the model say whether an element needs a closer look.
            for attribute in assertion.attributes where attribute.values.contains(where: \.mayHaveWhitespaceAtEnds) {
                for value in attribute.valueElements where value.nestedElements.isEmpty {
                    let text = value.text
                    guard let first = text.first, let last = text.last else { continue }
                    guard first.isWhitespace || last.isWhitespace else { continue }
                    guard !text.allSatisfy({ $0.isWhitespace }) else { continue }  // empty-attribute-value's job
                    findings.report(
                        "attribute '\(attribute.name)' has a value with leading or trailing whitespace",
                        at: attribute.element, attribute: attribute.name,
                        evidence: [Evidence(value: text, classifiedAs: "untrimmed")],
                        fix: Fix("Trim the value at the IdP (a transformation such as Trim() or strip()), or stop pretty-printing the assertion."))
                    break
                }
            }
        }
    }
}
