/// An attribute whose Name and FriendlyName promise different fields (`urn:oid:2.5.4.4` "mail").
public struct FriendlyNameMismatch: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "mapping/friendlyname-mismatch",
        title: "FriendlyName Mismatch",
        category: .mapping,
        severity: .warning,
        rationale: """
            SPs match on Name, people read FriendlyName. `Name="urn:oid:2.5.4.4"` (sn, the surname) with \
            `FriendlyName="mail"` means whoever configured the release picked the wrong OID, or the wrong \
            label: one of the two lies, and the values tell which.
            """,
        message: "attribute NAME is FIELD by its Name but FIELD by its FriendlyName",
        triggering: [
            Example(ExampleSAML.response(attributes: [.marked("urn:oid:2.5.4.4", ["jane.doe@example.com"], friendlyName: "mail")])),
            Example(ExampleSAML.response(attributes: [.marked("urn:oid:2.5.4.42", ["Doe"], friendlyName: "sn")])),
        ],
        nonTriggering: [
            Example(ExampleSAML.response(attributes: [.init("urn:oid:2.5.4.4", ["Doe"], friendlyName: "sn")])),
            Example(ExampleSAML.response(attributes: [.init("urn:oid:2.5.4.3", ["Jane Doe"], friendlyName: "displayName")])),
        ])

    /// Login, UPN and id overlap in practice (`uid` FriendlyName on an ePPN): not a contradiction.
    static let identifiers: Set<ProfileField> = [.id, .username, .upn]

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        for assertion in message.assertions {
            let analysis = AssertionAnalysis.of(assertion, context: context)
            for attribute in analysis.attributes {
                guard let friendly = attribute.attribute.friendlyName, let byName = analysis.catalog.lookup(attribute.name),
                    let byFriendly = analysis.catalog.lookup(friendly), byName.field != byFriendly.field,
                    !byName.fuzzy, !byFriendly.fuzzy, !(Self.identifiers.contains(byName.field) && Self.identifiers.contains(byFriendly.field))
                else { continue }
                let values = attribute.filled
                let fitsFriendly = values.contains { MappingFixes.fits($0.class.label, byFriendly.field) }
                let fitsName = values.contains { MappingFixes.fits($0.class.label, byName.field) }
                let verdict = fitsFriendly && !fitsName
                    ? "the values are \(values[0].class.label.plural): the Name is wrong; use '\(analysis.catalog.suggestedAlias(for: byFriendly.field, like: attribute.name) ?? byFriendly.alias)'"
                    : fitsName && !fitsFriendly ? "the values are \(values[0].class.label.plural): the FriendlyName is wrong" : "check which of the two is meant"
                findings.report(
                    "attribute '\(attribute.name)' is the \(MappingFixes.fieldWords(byName.field)) by its Name but the \(MappingFixes.fieldWords(byFriendly.field)) by its FriendlyName '\(friendly)'",
                    at: attribute.attribute.element, attribute: attribute.name, field: byName.field.rawValue,
                    evidence: [Evidence(value: friendly, classifiedAs: "FriendlyName of \(byFriendly.field.rawValue)", confidence: 1)] + attribute.evidence(),
                    fix: Fix("Make Name and FriendlyName agree: \(verdict)."))
            }
        }
    }
}
