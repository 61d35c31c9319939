import Foundation

/// The time the assertion rules compare against, and the allowed clock skew.
///
/// `context.now` when given; under `--now auto` (nil) the message's own IssueInstant (the
/// Response's, else the assertion's), so a captured assertion that is merely old is not reported
/// as expired. The skew is `sp.clockSkew` (seconds, default 180).
struct AssertionClock {
    let now: Date
    let skew: TimeInterval
    /// Whether `now` came from the message itself (`--now auto`).
    let fromMessage: Bool

    init?(_ message: SAMLMessage, assertion: Assertion? = nil, context: LintContext) {
        skew = context.configuration.sp?.clockSkew ?? 180
        if let now = context.now {
            self.now = now
            fromMessage = false
            return
        }
        let instant = message.response?.issueInstant ?? assertion?.issueInstant ?? message.assertions.first?.issueInstant
        guard let instant, let date = ISO8601.parse(instant.trimmed) else { return nil }
        now = date
        fromMessage = true
    }

    var described: String {
        fromMessage ? "the message's IssueInstant \(ISO8601.format(now))" : "now (\(ISO8601.format(now)))"
    }
}
