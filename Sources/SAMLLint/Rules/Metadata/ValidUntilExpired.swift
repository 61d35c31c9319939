import Foundation
import SAMLXML

/// Metadata whose validUntil has passed.
public struct ValidUntilExpired: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "metadata/valid-until-expired",
        title: "Metadata Expired (validUntil)",
        category: .metadata,
        severity: .error,
        rationale: """
            Metadata past its validUntil must be discarded by the consumer (SAML metadata §2.2.1): \
            Shibboleth, SimpleSAMLphp and pyFF drop it, and logins with every entity in it stop. \
            Skipped under `--now auto`.
            """,
        message: "validUntil is in the past",
        triggering: [
            Example(ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.good))
                .replacingOccurrences(of: "<md:EntityDescriptor ", with: "↓<md:EntityDescriptor validUntil=\"2025-12-01T00:00:00Z\" ")),
            Example("↓<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" Name=\"urn:example:federation\" validUntil=\"2025-01-01T00:00:00Z\">\n" + ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.good)) + "\n</md:EntitiesDescriptor>"),
        ],
        nonTriggering: [
            Example(ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.good))
                .replacingOccurrences(of: "<md:EntityDescriptor ", with: "<md:EntityDescriptor validUntil=\"2026-02-01T00:00:00Z\" ")),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        guard let now = context.now else { return }
        for item in MetadataValidity.items(in: message) {
            guard let date = ISO8601.parse(item.validUntil), date < now else { continue }
            findings.report(
                "\(MetadataValidity.name(item)) expired: validUntil \(item.validUntil) is in the past",
                at: item.element, entityID: item.entityID,
                evidence: [Evidence(value: item.validUntil, classifiedAs: "validUntil")],
                fix: Fix("Fetch fresh metadata from its publisher (or re-sign it with a new validUntil); automate the refresh."))
        }
    }
}
