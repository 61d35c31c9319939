import Foundation
import SAMLXML

/// A Response or Assertion IssueInstant in the future.
public struct IssueInstantFuture: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "assertion/issue-instant-future",
        title: "IssueInstant In The Future",
        category: .assertion,
        severity: .error,
        rationale: """
            An IssueInstant later than now (beyond `sp.clockSkew`) means the IdP's clock is ahead; \
            SPs reject such messages. Under `--now auto` the assertion is compared with the \
            Response that carries it.
            """,
        message: "the IssueInstant is in the future",
        triggering: [
            Example(ExampleSAML.response(), now: "2026-01-01T09:00:00Z"),
            Example(ExampleSAML.response().replacingOccurrences(of: "<saml:Assertion xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_a1\" Version=\"2.0\" IssueInstant=\"2026-01-01T10:00:00Z\"", with: "↓<saml:Assertion xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_a1\" Version=\"2.0\" IssueInstant=\"2026-01-01T10:30:00Z\"")),
        ],
        nonTriggering: [
            Example(ExampleSAML.response()),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        var items: [(XMLNode, String?)] = []
        if let response = message.response, context.now != nil { items.append((response.element, response.issueInstant)) }
        for assertion in message.assertions { items.append((assertion.element, assertion.issueInstant)) }
        guard let clock = AssertionClock(message, context: context) else { return }
        for (element, value) in items {
            guard let value, let date = ISO8601.parse(value.trimmed), date > clock.now.addingTimeInterval(clock.skew) else { continue }
            findings.report(
                "the \(element.localName) IssueInstant \(value) is after \(clock.described), beyond the \(Int(clock.skew)) s skew",
                at: element, evidence: [Evidence(value: value, classifiedAs: "IssueInstant")],
                fix: Fix("Synchronize the IdP's clock (NTP)."))
        }
    }
}
