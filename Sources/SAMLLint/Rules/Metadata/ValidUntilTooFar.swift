import Foundation
import SAMLXML

/// A validUntil further ahead than the configured maximum.
public struct ValidUntilTooFar: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "metadata/valid-until-too-far",
        title: "validUntil Too Far Ahead",
        category: .metadata,
        severity: .warning,
        rationale: """
            validUntil bounds how long a stolen or revoked key stays trusted through stale metadata. \
            Federations sign aggregates for days or weeks; a validUntil years away makes it \
            meaningless. The limit is `metadata.validUntilMaxDays` (365 by default).
            """,
        message: "validUntil is more than N days ahead",
        triggering: [
            Example(ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.good))
                .replacingOccurrences(of: "<md:EntityDescriptor ", with: "↓<md:EntityDescriptor validUntil=\"2036-01-01T00:00:00Z\" ")),
        ],
        nonTriggering: [
            Example(ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.good))
                .replacingOccurrences(of: "<md:EntityDescriptor ", with: "<md:EntityDescriptor validUntil=\"2026-01-15T00:00:00Z\" ")),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        guard let now = context.now else { return }
        let maxDays = context.ruleData.threshold("metadata.validUntilMaxDays", default: 365)
        let limit = now.addingTimeInterval(maxDays * 86_400)
        for item in MetadataValidity.items(in: message) {
            guard let date = ISO8601.parse(item.validUntil), date > limit else { continue }
            let days = Int(date.timeIntervalSince(now) / 86_400)
            findings.report(
                "\(MetadataValidity.name(item)) is valid until \(item.validUntil), \(days) days ahead (at most \(Int(maxDays)) expected)",
                at: item.element, entityID: item.entityID,
                evidence: [Evidence(value: item.validUntil, classifiedAs: "validUntil")],
                fix: Fix("Publish metadata with a validUntil of days or weeks and refresh it automatically.", configuration: "metadata.validUntilMaxDays in rules/thresholds.yml"))
        }
    }
}
