import SAMLXML

/// A Response Destination that is no AssertionConsumerService in the given metadata.
public struct DestinationUnknown: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "assertion/destination-unknown",
        title: "Destination Not In Metadata",
        category: .assertion,
        severity: .warning,
        rationale: """
            When the metadata given with `--metadata` also describes SPs (an aggregate, or the SP's \
            own metadata beside the IdP's), a Response Destination that matches none of their \
            AssertionConsumerService Locations was sent somewhere the federation does not know.
            """,
        message: "the Response Destination is no AssertionConsumerService in the metadata",
        triggering: [
            Example(ExampleSAML.response().replacingOccurrences(of: "Destination=\"https://sp.example.com/acs\"", with: "Destination=\"https://sp.example.com/old-acs\"")
                .replacingOccurrences(of: "<samlp:Response", with: "↓<samlp:Response"),
                configuration: "idp:\n  metadata: fixtures/metadata/idp-and-sp.xml"),
        ],
        nonTriggering: [
            Example(ExampleSAML.response(), configuration: "idp:\n  metadata: fixtures/metadata/idp-and-sp.xml"),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        guard let trust = context.metadata, !trust.assertionConsumerLocations.isEmpty,
            let response = message.response, let destination = response.destination?.trimmed, !destination.isEmpty,
            !trust.assertionConsumerLocations.contains(destination)
        else { return }
        findings.report(
            "the Response Destination '\(destination)' is no AssertionConsumerService Location in the metadata",
            at: response.element,
            evidence: [Evidence(value: destination, classifiedAs: "Destination")] + trust.assertionConsumerLocations.prefix(3).map { Evidence(value: $0, classifiedAs: "metadata ACS") },
            fix: Fix("Publish the ACS URL in the SP's metadata, or fix the ACS URL configured at the IdP."))
    }
}
