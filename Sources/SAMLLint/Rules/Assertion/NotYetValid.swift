import Foundation
import SAMLXML

/// An assertion whose Conditions NotBefore is still in the future.
public struct NotYetValid: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "assertion/not-yet-valid",
        title: "Assertion Not Yet Valid",
        category: .assertion,
        severity: .error,
        rationale: """
            An SP refuses an assertion before its Conditions NotBefore (beyond `sp.clockSkew`). It \
            usually means the IdP's clock runs ahead: logins then fail at random depending on which \
            SP server answers.
            """,
        message: "the assertion is not valid before NotBefore",
        triggering: [
            Example(ExampleSAML.response().replacingOccurrences(of: "NotBefore=\"2026-01-01T09:59:00Z\"", with: "NotBefore=\"2026-01-01T10:30:00Z\"")
                .replacingOccurrences(of: "<saml:Conditions", with: "↓<saml:Conditions")),
        ],
        nonTriggering: [
            Example(ExampleSAML.response()),
            Example(ExampleSAML.response().replacingOccurrences(of: "NotBefore=\"2026-01-01T09:59:00Z\"", with: "NotBefore=\"2026-01-01T10:02:00Z\"")),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        for assertion in message.assertions {
            guard let clock = AssertionClock(message, assertion: assertion, context: context),
                let conditions = assertion.conditions, let value = conditions.notBefore,
                let date = ISO8601.parse(value.trimmed), date > clock.now.addingTimeInterval(clock.skew)
            else { continue }
            findings.report(
                "the Conditions NotBefore \(value) is after \(clock.described), beyond the \(Int(clock.skew)) s skew",
                at: conditions.element, evidence: [Evidence(value: value, classifiedAs: "NotBefore")],
                fix: Fix("Synchronize the IdP's clock (NTP); raise sp.clockSkew only as a stopgap.", configuration: "sp:\n  clockSkew: 300"))
        }
    }
}
