import Foundation

/// A single-valued field (email, id, names) sent with several different values.
public struct MultiValuedSingleField: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "mapping/multi-valued-single-field",
        title: "Multi-Valued Single Field",
        category: .mapping,
        severity: .warning,
        rationale: """
            A profile has one email, one id, one given name. With several values the SP keeps the first, \
            the last or a joined string, depending on the library, and the account it links to can change \
            from one login to the next (`mail` is multi-valued in LDAP; the IdP should release the primary one).
            """,
        message: "attribute NAME carries N values for the single-valued FIELD",
        triggering: [
            Example(ExampleSAML.response(attributes: [.marked("email", ["jane@example.com", "j.doe@example.org"])])),
            Example(ExampleSAML.response(attributes: [.marked("urn:oid:2.5.4.42", ["Jane", "Janet"], friendlyName: "givenName")])),
        ],
        nonTriggering: [
            Example(ExampleSAML.response(attributes: [.init("groups", ["admins", "staff"])])),
            Example(ExampleSAML.response(attributes: [.init("email", ["jane@example.com", "Jane@Example.com"])])),
        ])

    static func isLatin(_ text: String) -> Bool {
        text.unicodeScalars.filter { CharacterSets.letters.contains($0) }.allSatisfy { $0.value < 0x0250 }
    }

    static let fields: Set<ProfileField> = [.id, .email, .firstName, .lastName, .displayName, .upn, .username]

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        for assertion in message.assertions {
            let analysis = AssertionAnalysis.of(assertion, context: context)
            for attribute in analysis.attributes {
                guard let field = attribute.field, Self.fields.contains(field), analysis.catalog.isSingleValued(field) else { continue }
                var distinct: [String] = []
                for item in attribute.filled where !distinct.contains(where: { $0.lowercased() == item.value.lowercased() }) {
                    distinct.append(item.value)
                }
                guard distinct.count >= 2 else { continue }
                // eIDAS and others send a name in Latin script and in the native script: one name, two spellings.
                if field.isName, distinct.count == 2, distinct.filter(Self.isLatin).count == 1 { continue }
                findings.report(
                    "attribute '\(attribute.name)' carries \(distinct.count) different values for the single-valued \(MappingFixes.fieldWords(field))",
                    at: attribute.attribute.element, attribute: attribute.name, field: field.rawValue,
                    evidence: attribute.evidence(),
                    fix: Fix("Release one value in '\(attribute.name)' (the primary one); send the others in a separate attribute if the SP needs them."))
            }
        }
    }
}
