/// A mapped attribute carrying a placeholder (`N/A`, `null`, `changeme`, `${user.email}`).
public struct PlaceholderValue: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "mapping/placeholder-value",
        title: "Placeholder Value",
        category: .mapping,
        severity: .warning,
        rationale: """
            `N/A`, `null`, `unknown`, `changeme` or an unfilled template (`${user.email}`) is what an IdP \
            sends when the directory field is blank or the expression is wrong. The application stores it \
            as the user's name or email, and every such user shares the same value.
            """,
        message: "attribute NAME holds the placeholder VALUE",
        triggering: [
            Example(ExampleSAML.response(attributes: [.marked("lastName", ["N/A"])])),
            Example(ExampleSAML.response(attributes: [.marked("email", ["${user.email}"])])),
            Example(ExampleSAML.response(attributes: [.marked("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname", ["null"])])),
            // `nil` as software writes it, even though `Nil` is a name.
            Example(ExampleSAML.response(attributes: [.marked("firstName", ["nil"]), .init("lastName", ["Puig"])])),
        ],
        nonTriggering: [
            Example(ExampleSAML.response(attributes: [.init("lastName", ["Na"]), .init("firstName", ["Tess"])])),
            Example(ExampleSAML.response(attributes: [.init("displayName", ["山田 太郎"])])),
            // A placeholder word that is also a name (`Nil`: Catalan given name), written as a name, in a name field.
            Example(ExampleSAML.response(attributes: [.init("firstName", ["Nil"]), .init("lastName", ["Puig"])])),
        ])

    /// Fields where a placeholder is never a real value (a login or id of `test` is a test account).
    static let fields: Set<ProfileField> = [.email, .firstName, .lastName, .displayName, .department, .title, .phone]
    /// Fields where a placeholder word may be a person's name (rules/lexicons/value-patterns.yml placeholderNames).
    static let nameFields: Set<ProfileField> = [.firstName, .lastName, .displayName]

    /// `Nil`, as a name is written (capital, then lower case), and listed; `nil`, `NIL` stay placeholders.
    static func isWrittenAsName(_ value: String, among names: Set<String>) -> Bool {
        let text = value.trimmed
        guard let first = text.first, first.isUppercase, text.dropFirst().allSatisfy({ !$0.isUppercase }) else { return false }
        return names.contains(text.lowercased())
    }

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        for assertion in message.assertions {
            let analysis = AssertionAnalysis.of(assertion, context: context)
            for attribute in analysis.attributes where attribute.field.map(Self.fields.contains) ?? false {
                let filled = attribute.filled
                let names = Self.nameFields.contains(attribute.field!) ? analysis.classifier.patterns.placeholderNames : []
                let placeholders = filled.filter { $0.class.label == .placeholder && !Self.isWrittenAsName($0.value, among: names) }
                guard !placeholders.isEmpty, Double(placeholders.count) / Double(filled.count) >= analysis.minShare else { continue }
                let field = attribute.field!
                findings.report(
                    "attribute '\(attribute.name)' holds the placeholder '\(placeholders[0].value)' instead of a \(MappingFixes.fieldWords(field))",
                    at: attribute.attribute.element, attribute: attribute.name, field: field.rawValue,
                    evidence: attribute.evidence { $0 == .placeholder },
                    fix: Fix("Fill the directory field behind '\(attribute.name)' for this user, fix the IdP expression that produced '\(placeholders[0].value)', or omit the attribute when there is no value."))
            }
        }
    }
}
