/// No attribute (and no NameID, where its Format says so) carries the email, a user id, or a name.
public struct MissingField: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "mapping/missing-field",
        title: "Missing Field",
        category: .mapping,
        severity: .info,
        rationale: """
            An application needs a stable id, an email and a name to provision an account. When the \
            assertion carries none of the names the catalog knows and no value that looks like the field, \
            the application falls back to empty or transient values. The NameID counts for the email in \
            emailAddress format and for the id in persistent or unspecified format.
            """,
        message: "no attribute carries FIELD",
        triggering: [
            Example(ExampleSAML.response(nameIDFormat: ExampleSAML.transientFormat, attributes: [.init("firstName", ["Jane"])])),
            Example(ExampleSAML.response(nameID: "_8f3a2b", nameIDFormat: ExampleSAML.transientFormat, attributes: [.init("email", ["jane@example.com"])])),
        ],
        nonTriggering: [
            Example(ExampleSAML.response(nameIDFormat: ExampleSAML.persistentFormat, attributes: [
                .init("email", ["jane@example.com"]), .init("displayName", ["Jane Doe"]),
            ])),
            Example(ExampleSAML.response(attributes: [.init("cn", ["Jane Doe"])])),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        for assertion in message.assertions where assertion.subject != nil || !assertion.attributes.isEmpty {
            guard !assertion.hasEncryptedID, assertion.encryptedAttributes.isEmpty else { continue }
            let analysis = AssertionAnalysis.of(assertion, context: context)
            let nameID = assertion.nameID
            let nameIDValue = nameID?.value.trimmed ?? ""
            func carried(_ fields: [ProfileField], labels: Set<ValueLabel>) -> Bool {
                analysis.attributes.contains { attribute in
                    !attribute.filled.isEmpty
                        && (attribute.field.map(fields.contains) ?? false || attribute.filled.contains { labels.contains($0.class.label) })
                }
            }
            var missing: [(ProfileField, String)] = []
            let emailByNameID = !nameIDValue.isEmpty
                && (nameID?.knownFormat == .emailAddress || analysis.classifier.classify(nameIDValue).label == .email)
            if !emailByNameID, !carried([.email], labels: [.email]) {
                missing.append((.email, "no attribute carries an email and the NameID is not an address"))
            }
            let idByNameID = !nameIDValue.isEmpty && [.persistent, .unspecified, .emailAddress].contains(nameID?.knownFormat)
            if !idByNameID, !carried([.id, .username, .upn], labels: [.guid]) {
                missing.append((.id, "no attribute carries a user id and the NameID is \(nameID == nil ? "absent" : "not persistent")"))
            }
            if !carried([.firstName, .lastName, .displayName], labels: [.fullName]) {
                missing.append((.displayName, "no attribute carries a name (given, family or display)"))
            }
            for (field, text) in missing {
                findings.report(
                    text, at: assertion.attributeStatements.first ?? assertion.element, field: field.rawValue,
                    evidence: [Evidence(value: analysis.attributes.map(\.name).prefix(10).joined(separator: ", "), classifiedAs: "attribute names present")],
                    fix: Fix("Add an attribute for the \(MappingFixes.fieldWords(field)) at the IdP, e.g. '\(analysis.catalog.suggestedAlias(for: field, like: analysis.attributes.first?.name ?? "") ?? field.rawValue)'."))
            }
        }
    }
}
