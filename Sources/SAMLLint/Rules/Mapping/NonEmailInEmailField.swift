/// An email attribute whose values are not addresses: a name, an id, a GUID, a DN, a placeholder.
public struct NonEmailInEmailField: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "mapping/non-email-in-email-field",
        title: "Non-Email In Email Field",
        category: .mapping,
        severity: .error,
        rationale: """
            The email is how most applications find, link and notify an account. A surname, an object id \
            or `N/A` in the email claim cannot be delivered to, breaks account linking and, when the \
            application derives the organization from the domain, lets the profile escape the domain policy.
            """,
        message: "attribute NAME promises the email but holds KIND",
        triggering: [
            Example(ExampleSAML.response(attributes: [
                .marked("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", ["Doe"]),
                .init("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname", ["jane.doe@example.com"]),
            ])),
            Example(ExampleSAML.response(attributes: [.marked("email", ["3f2504e0-4f89-11d3-9a0c-0305e82c3301"])])),
            Example(ExampleSAML.response(attributes: [.marked("urn:oid:0.9.2342.19200300.100.1.3", ["N/A"], friendlyName: "mail")])),
        ],
        nonTriggering: [
            Example(ExampleSAML.response(attributes: [.init("email", ["jane.doe@example.com"])])),
            Example(ExampleSAML.response(attributes: [.init("mail", ["李娜@例子.中国"])])),
            Example(ExampleSAML.response(attributes: [.init("email", [""])])),
        ])

    static let reported: Set<ValueLabel> = [
        .placeholder, .guid, .numericID, .opaqueID, .dn, .url, .phone, .boolean, .date, .groupList, .initials,
        .givenName, .familyName, .fullName, .personName, .text,
    ]

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        for assertion in message.assertions {
            let analysis = AssertionAnalysis.of(assertion, context: context)
            for attribute in analysis.attributes(for: .email) {
                let filled = attribute.filled
                guard !filled.isEmpty, filled.allSatisfy({ Self.reported.contains($0.class.label) && !$0.value.contains("@") }),
                    let found = attribute.dominant
                else { continue }
                findings.report(
                    "attribute '\(attribute.name)' promises the email but holds \(found.label.plural), not addresses",
                    at: attribute.attribute.element, attribute: attribute.name, field: "email",
                    evidence: attribute.evidence(),
                    fix: MappingFixes.misplaced(attribute, field: .email, holds: found.label, analysis: analysis))
            }
        }
    }
}
