/// A name attribute carrying an LDAP distinguished name (`CN=Jane Doe,OU=Staff,DC=example,DC=com`).
public struct DNInNameField: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "mapping/dn-in-name-field",
        title: "DN In Name Field",
        category: .mapping,
        severity: .error,
        rationale: """
            An IdP that maps `distinguishedName` (or `manager`, `memberOf`) to a name claim sends the \
            directory path of the entry. Applications then show `CN=Doe\\, Jane,OU=Staff,...` as the \
            user's name. The name is in the DN's first component; the directory has it in its own field.
            """,
        message: "attribute NAME promises FIELD but holds LDAP DNs",
        triggering: [
            Example(ExampleSAML.response(attributes: [.marked("displayName", ["CN=Jane Doe,OU=Staff,DC=example,DC=com"])])),
            Example(ExampleSAML.response(attributes: [.marked("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname", ["uid=jdoe,ou=people,dc=example,dc=org"])])),
        ],
        nonTriggering: [
            Example(ExampleSAML.response(attributes: [.init("displayName", ["Jane Doe"])])),
            Example(ExampleSAML.response(attributes: [.init("memberOf", ["CN=Admins,OU=Groups,DC=example,DC=com"])])),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        for assertion in message.assertions {
            let analysis = AssertionAnalysis.of(assertion, context: context)
            for attribute in analysis.attributes {
                guard let field = attribute.field, field.isName, let found = analysis.confidentLabel(attribute), found.label == .dn else { continue }
                findings.report(
                    "attribute '\(attribute.name)' promises the \(MappingFixes.fieldWords(field)) but holds LDAP DNs",
                    at: attribute.attribute.element, attribute: attribute.name, field: field.rawValue,
                    evidence: attribute.evidence { $0 == .dn },
                    fix: MappingFixes.misplaced(attribute, field: field, holds: .dn, analysis: analysis))
            }
        }
    }
}
