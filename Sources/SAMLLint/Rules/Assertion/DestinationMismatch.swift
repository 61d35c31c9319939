import SAMLXML

/// A Response Destination that is none of the SP's ACS URLs.
public struct DestinationMismatch: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "assertion/destination-mismatch",
        title: "Destination Mismatch",
        category: .assertion,
        severity: .error,
        rationale: """
            A signed Response's Destination must be the ACS URL that received it (`sp.acsURLs` or \
            `--acs-url`); SPs refuse others to stop a Response for one SP being replayed at another.
            """,
        message: "the Response Destination is none of the SP's ACS URLs",
        triggering: [
            Example(ExampleSAML.response().replacingOccurrences(of: "<samlp:Response", with: "↓<samlp:Response"),
                configuration: "sp:\n  acsURLs: [https://sp.example.com/saml/acs]"),
        ],
        nonTriggering: [
            Example(ExampleSAML.response(), configuration: "sp:\n  acsURLs: [https://sp.example.com/acs]"),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        guard let acs = context.configuration.sp?.acsURLs, !acs.isEmpty,
            let response = message.response, let destination = response.destination?.trimmed, !acs.contains(destination)
        else { return }
        findings.report(
            "the Response Destination '\(destination)' is none of the SP's ACS URLs (\(acs.joined(separator: ", ")))",
            at: response.element,
            evidence: [Evidence(value: destination, classifiedAs: "Destination")] + acs.map { Evidence(value: $0, classifiedAs: "sp.acsURLs") },
            fix: Fix("Set the IdP's ACS URL for this application to the SP's ACS URL."))
    }
}
