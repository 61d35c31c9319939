import SAMLXML

/// Two EntityDescriptors with the same entityID in one aggregate.
public struct DuplicateEntityID: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "metadata/duplicate-entity-id",
        title: "Duplicate entityID",
        category: .metadata,
        severity: .error,
        rationale: """
            An entityID names one entity. When an aggregate holds two, consumers keep the first, the \
            last, or drop both, so which keys and endpoints are trusted depends on the software.
            """,
        message: "the entityID already appears earlier in the aggregate",
        triggering: [
            Example("<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" Name=\"urn:example:federation\" validUntil=\"2026-01-10T00:00:00Z\">\n" + ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.good)) + "\n↓" + ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.good)) + "\n</md:EntitiesDescriptor>"),
        ],
        nonTriggering: [
            Example("<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" Name=\"urn:example:federation\" validUntil=\"2026-01-10T00:00:00Z\">\n" + ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.good)) + "\n" + ExampleSAML.idpMetadata(entityID: "https://idp2.example.com/saml", keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.good)) + "\n</md:EntitiesDescriptor>"),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        if let aggregate = message.aggregate {
            guard let earlier = aggregate.duplicateOfLine, message.kind == .entityDescriptor else { return }
            report(EntityDescriptor(message.root), earlierLine: earlier, findings: &findings)
            return
        }
        guard message.kind == .entitiesDescriptor else { return }
        var seen: [String: Int] = [:]
        for entity in message.entities {
            guard let entityID = entity.entityID else { continue }
            if let earlier = seen[entityID] {
                report(entity, earlierLine: earlier, findings: &findings)
            } else {
                seen[entityID] = entity.element.line
            }
        }
    }

    private func report(_ entity: EntityDescriptor, earlierLine: Int, findings: inout FindingEmitter) {
        let entityID = entity.entityID ?? ""
        findings.report(
            "the entityID '\(entityID)' already appears at line \(earlierLine)",
            at: entity.element, entityID: entityID,
            evidence: [Evidence(value: entityID, classifiedAs: "entityID")],
            fix: Fix("Keep one EntityDescriptor per entityID; merge the roles or remove the stale copy."))
    }
}
