import Foundation
import SAMLXML

/// An assertion whose Conditions or bearer SubjectConfirmationData NotOnOrAfter has passed.
public struct Expired: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "assertion/expired",
        title: "Assertion Expired",
        category: .assertion,
        severity: .error,
        rationale: """
            An SP must refuse an assertion at or after its NotOnOrAfter (Conditions and the bearer \
            SubjectConfirmationData), allowing `sp.clockSkew` seconds (180 by default). Under \
            `--now auto` the message's own IssueInstant is the clock, so a captured assertion that is \
            merely old is not reported, but one issued already expired is.
            """,
        message: "the assertion expired at NotOnOrAfter",
        triggering: [
            Example(ExampleSAML.response().replacingOccurrences(of: "<saml:Conditions", with: "↓<saml:Conditions"), now: "2026-01-01T11:00:00Z"),
            Example(ExampleSAML.response().replacingOccurrences(of: "NotOnOrAfter=\"2026-01-01T10:05:00Z\">", with: "NotOnOrAfter=\"2026-01-01T09:00:00Z\">")
                .replacingOccurrences(of: "<saml:Conditions", with: "↓<saml:Conditions")),
        ],
        nonTriggering: [
            Example(ExampleSAML.response()),
            Example(ExampleSAML.response(), now: "2026-01-01T10:06:00Z"),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        for assertion in message.assertions {
            guard let clock = AssertionClock(message, assertion: assertion, context: context) else { continue }
            var checks: [(XMLNode, String)] = []
            if let conditions = assertion.conditions, let value = conditions.notOnOrAfter { checks.append((conditions.element, value)) }
            for confirmation in assertion.subjectConfirmations {
                if let data = confirmation.data, let value = confirmation.notOnOrAfter { checks.append((data, value)) }
            }
            for (element, value) in checks {
                guard let date = ISO8601.parse(value.trimmed), date.addingTimeInterval(clock.skew) <= clock.now else { continue }
                findings.report(
                    "the \(element.localName) NotOnOrAfter \(value) is past \(clock.described), beyond the \(Int(clock.skew)) s skew",
                    at: element, evidence: [Evidence(value: value, classifiedAs: "NotOnOrAfter")],
                    fix: Fix(clock.fromMessage
                        ? "The IdP issued an assertion that was already expired: check the IdP's clock and assertion lifetime."
                        : "Capture a fresh assertion, or pin the clock with --now auto to judge it at its IssueInstant."))
            }
        }
    }
}
