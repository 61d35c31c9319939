import Foundation

/// What every rule may read besides the message: the configuration, the rule data from `rules/`
/// and the clock. Rules never read the system clock; `now` is a parameter.
public struct LintContext: Sendable {
    public let configuration: Configuration
    public let ruleData: RuleData
    /// The time rules compare validity against. `nil` means "use the message's own IssueInstant"
    /// (`--now auto`), for rules that can.
    public let now: Date?

    public init(configuration: Configuration = Configuration(), ruleData: RuleData = .builtIn, now: Date? = Date()) {
        self.configuration = configuration
        self.ruleData = ruleData
        self.now = now
    }
}
