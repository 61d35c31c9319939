import SAMLXML

/// What the `email/*` rules read about one message: the policy, the evaluation of the profile's
/// email, and where that email came from (the Attribute or the NameID). Nil when no organization
/// domains are configured (the rules stay silent; the summary says so once) or there is no profile.
public struct EmailTrustFacts: Sendable {
    public let policy: EmailTrustPolicy
    public let evaluator: EmailTrustEvaluator
    public let evaluation: EmailTrustEvaluation
    public let assertion: Assertion
    public let profile: Profile
    /// The element the email was read from, for the finding's location.
    public let sourceNode: XMLNode?
    /// The Attribute Name the email came from, or `NameID`.
    public let sourceAttribute: String?

    public static func of(_ message: SAMLMessage, context: LintContext) -> EmailTrustFacts? {
        let evaluator = EmailTrustEvaluator(context: context)
        guard evaluator.policy.isConfigured, let profile = message.profile, let assertion = message.assertions.first else {
            return nil
        }
        let source = profile.sources["email"]?.attribute
        var node: XMLNode?
        if source == "NameID" {
            node = assertion.nameID?.element
        } else if let source {
            node = assertion.attributes.first { $0.name == source }?.element
        }
        return EmailTrustFacts(
            policy: evaluator.policy, evaluator: evaluator, evaluation: evaluator.evaluate(profile.email),
            assertion: assertion, profile: profile, sourceNode: node ?? assertion.subject ?? assertion.element,
            sourceAttribute: source == "NameID" ? nil : source)
    }

    /// The email as received, for evidence.
    public var email: String { profile.email ?? "" }

    /// Evidence naming the email, what it was classified as, and where it came from.
    public func evidence(_ classifiedAs: String) -> Evidence {
        Evidence(value: email, classifiedAs: classifiedAs, source: profile.sources["email"]?.attribute)
    }

    /// The organization domains as the policy lists them, for messages.
    public var organizationDomainList: String {
        policy.domains.map(\.configured).joined(separator: ", ")
    }
}
