import Foundation
import SAMLXML

/// What every rule may read besides the message: the configuration, the rule data from `rules/`
/// and the clock. Rules never read the system clock; `now` is a parameter.
public struct LintContext: Sendable {
    public let configuration: Configuration
    public let ruleData: RuleData
    /// The time rules compare validity against. `nil` means "use the message's own IssueInstant"
    /// (`--now auto`), for rules that can.
    public let now: Date?
    /// The IdP metadata assertions are checked against (`--metadata`, `idp.metadata`), if any.
    public let metadata: MetadataTrust?
    /// Trusted certificates, SP key and metadata trust anchors for the `signature/*` rules.
    public var signature = SignatureSettings()
    /// The compiled SAML schemas when `--schema` was given.
    public let schemas: SAMLSchemas?
    /// What is derived once from the configuration and rule data (shared by copies of the context).
    public let memo = ContextMemo()

    public init(
        configuration: Configuration = Configuration(), ruleData: RuleData = .builtIn, now: Date? = Date(),
        metadata: MetadataTrust? = nil, schemas: SAMLSchemas? = nil
    ) {
        self.schemas = schemas
        self.configuration = configuration
        self.ruleData = ruleData
        self.now = now
        self.metadata = metadata
    }
}
