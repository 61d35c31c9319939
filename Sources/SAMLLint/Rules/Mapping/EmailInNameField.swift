/// A first, last or display name attribute that carries email addresses.
public struct EmailInNameField: Rule {
    public init() {}
    static let surname = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname"
    static let emailClaim = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"
    public static let description = RuleDescription(
        id: "mapping/email-in-name-field",
        title: "Email In Name Field",
        category: .mapping,
        severity: .error,
        rationale: """
            When the IdP maps the mail field to the surname (or given or display name) claim, every user \
            gets their address as a name: greetings, directories and audit logs show `jane.doe@example.com`, \
            and the real surname is lost. The values show it even when the names look right.
            """,
        message: "attribute NAME promises FIELD but holds emails",
        triggering: [
            Example(ExampleSAML.response(attributes: [
                .init(emailClaim, ["Doe"]), .init("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname", ["Jane"]),
                .marked(surname, ["jane.doe@example.com"]),
            ])),
            Example(ExampleSAML.response(attributes: [.init("email", ["jane@example.com"]), .marked("firstName", ["jane@example.com"])])),
            Example(ExampleSAML.response(attributes: [.marked("displayName", ["jürgen.müller@bücher.de"])])),
        ],
        nonTriggering: [
            Example(ExampleSAML.response(attributes: [.init(surname, ["Doe"]), .init(emailClaim, ["jane.doe@example.com"])])),
            Example(ExampleSAML.response(attributes: [.init("lastName", ["O'Brien-Smith"]), .init("displayName", ["Дмитрий Иванов"])])),
            Example(ExampleSAML.response(attributes: [.init("mail", ["jane@example.com"])])),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        for assertion in message.assertions {
            let analysis = AssertionAnalysis.of(assertion, context: context)
            for attribute in analysis.attributes {
                guard let field = attribute.field, field.isName, let found = analysis.confidentLabel(attribute),
                    [.email, .upn, .guestUPN, .scopedID].contains(found.label)
                else { continue }
                findings.report(
                    "attribute '\(attribute.name)' promises the \(MappingFixes.fieldWords(field)) but holds \(found.label.plural)",
                    at: attribute.attribute.element, attribute: attribute.name, field: field.rawValue,
                    evidence: attribute.evidence(where: \.isAddressLike),
                    fix: MappingFixes.misplaced(attribute, field: field, holds: found.label, analysis: analysis))
            }
        }
    }
}
