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
            // The address wrapped: a display name with it, a mailto: URI, two addresses in one value.
            Example(ExampleSAML.response(attributes: [.marked("email", ["Jane Doe &lt;jane.doe@example.com&gt;"])])),  // XML text
            Example(ExampleSAML.response(attributes: [.marked("mail", ["mailto:jane.doe@example.com"])])),
            Example(ExampleSAML.response(attributes: [.marked("email", ["jane.doe@example.com; jd@example.org"])])),
        ],
        nonTriggering: [
            Example(ExampleSAML.response(attributes: [.init("email", ["jane.doe@example.com"])])),
            // Two addresses as two values: mapping/multi-valued-single-field says it, not this rule.
            Example(ExampleSAML.response(attributes: [.init("email", ["jane.doe@example.com", "jd@example.org"])])),
            Example(ExampleSAML.response(attributes: [.init("mail", ["李娜@例子.中国"])])),
            Example(ExampleSAML.response(attributes: [.init("email", [""])])),
        ])

    static let reported: Set<ValueLabel> = [
        .placeholder, .guid, .numericID, .opaqueID, .dn, .url, .phone, .boolean, .date, .groupList, .initials,
        .givenName, .familyName, .fullName, .personName, .text,
    ]

    /// The one wrapped-address form every value has (`Jane Doe <jane@example.com>`, `mailto:`, a list).
    static func embeddedForm(_ values: [String], analysis: AssertionAnalysis) -> EmbeddedAddress? {
        let isAddress = { (text: String) in analysis.classifier.classify(text).label.isAddressLike }
        guard let first = values.first, let form = EmbeddedAddress.form(of: first, isAddress: isAddress) else { return nil }
        return values.dropFirst().allSatisfy({ EmbeddedAddress.form(of: $0, isAddress: isAddress) == form }) ? form : nil
    }

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        for assertion in message.assertions {
            let analysis = AssertionAnalysis.of(assertion, context: context)
            for attribute in analysis.attributes(for: .email) {
                let filled = attribute.filled
                guard !filled.isEmpty else { continue }
                if let form = Self.embeddedForm(filled.map(\.value), analysis: analysis) {
                    findings.report(
                        "attribute '\(attribute.name)' promises the email but holds \(form.plural), not bare addresses",
                        at: attribute.attribute.element, attribute: attribute.name, field: "email",
                        evidence: filled.prefix(3).map { Evidence(value: $0.value, classifiedAs: "\(form)", confidence: 0.95) },
                        fix: Fix("Send the address alone in '\(attribute.name)' (the directory's mail field, not a formatted or combined value): applications compare and deliver to the bare address."))
                    continue
                }
                guard filled.allSatisfy({ Self.reported.contains($0.class.label) && !$0.value.contains("@") }),
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
