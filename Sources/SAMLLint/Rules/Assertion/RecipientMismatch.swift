import SAMLXML

/// A bearer SubjectConfirmationData Recipient that is none of the SP's ACS URLs.
public struct RecipientMismatch: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "assertion/recipient-mismatch",
        title: "Recipient Mismatch",
        category: .assertion,
        severity: .error,
        rationale: """
            The bearer SubjectConfirmationData Recipient must be the ACS URL the assertion was \
            delivered to (`sp.acsURLs` or `--acs-url`). A mismatch usually means the IdP is \
            configured with another environment's URL (staging vs production).
            """,
        message: "the Recipient is none of the SP's ACS URLs",
        triggering: [
            Example(ExampleSAML.assertion().replacingOccurrences(of: "<saml:SubjectConfirmationData", with: "↓<saml:SubjectConfirmationData"),
                configuration: "sp:\n  acsURLs: [https://sp.example.com/saml/acs]"),
        ],
        nonTriggering: [
            Example(ExampleSAML.assertion(), configuration: "sp:\n  acsURLs: [https://sp.example.com/acs]"),
            Example(ExampleSAML.assertion()),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        guard let acs = context.configuration.sp?.acsURLs, !acs.isEmpty else { return }
        for assertion in message.assertions {
            for confirmation in assertion.subjectConfirmations where confirmation.method?.trimmed == SubjectConfirmationMissing.bearer {
                guard let data = confirmation.data, let recipient = confirmation.recipient?.trimmed, !acs.contains(recipient) else { continue }
                findings.report(
                    "the Recipient '\(recipient)' is none of the SP's ACS URLs (\(acs.joined(separator: ", ")))",
                    at: data,
                    evidence: [Evidence(value: recipient, classifiedAs: "Recipient")] + acs.map { Evidence(value: $0, classifiedAs: "sp.acsURLs") },
                    fix: Fix("Set the IdP's ACS (Reply/Recipient) URL for this application to the SP's ACS URL."))
            }
        }
    }
}
