import SAMLXML

/// What the `email/*` rules read about one message: the policy, the message's email claim and its
/// evaluation, and where the email came from (the Attribute or the NameID). Nil when no organization
/// domains are configured (the rules stay silent; the summary says so once) or there is no profile.
public struct EmailTrustFacts: Sendable {
    public let policy: EmailTrustPolicy
    public let evaluator: EmailTrustEvaluator
    public let claim: EmailClaim
    public let evaluation: EmailTrustEvaluation
    public let assertion: Assertion
    public let profile: Profile
    /// The element the email was read from, for the finding's location.
    public let sourceNode: XMLNode?
    /// The Attribute Name the email came from; nil for the NameID.
    public var sourceAttribute: String? { claim.attribute }

    public static func of(_ message: SAMLMessage, context: LintContext) -> EmailTrustFacts? {
        let shared = EmailTrustEvaluator.shared(context)
        guard shared.value.policy.isConfigured, let profile = message.profile, let assertion = message.assertions.first else {
            return nil
        }
        let evaluator = shared.value
        let claim = EmailClaim.resolve(profile: profile, assertion: assertion, context: context)
        var node: XMLNode?
        if let attribute = claim.attribute {
            node = assertion.attributes.first { $0.name == attribute }?.element
        } else if claim.value != nil {
            node = assertion.nameID?.element
        }
        return EmailTrustFacts(
            policy: evaluator.policy, evaluator: evaluator, claim: claim, evaluation: evaluator.evaluate(claim.value),
            assertion: assertion, profile: profile, sourceNode: node ?? assertion.subject ?? assertion.element)
    }

    /// The email as received, for messages and evidence (cut after 200 characters: hostile values
    /// can be megabytes).
    public var email: String {
        let value = claim.value ?? ""
        return value.utf8.count > 200 ? value.prefix(200) + "…" : value
    }

    /// Evidence naming the email, what it was classified as, and where it came from.
    public func evidence(_ classifiedAs: String) -> Evidence {
        Evidence(value: email, classifiedAs: classifiedAs, source: claim.attribute ?? (claim.value == nil ? nil : "NameID"))
    }

    /// The organization domains as the policy lists them, for messages.
    public var organizationDomainList: String {
        policy.domains.map(\.configured).joined(separator: ", ")
    }
}
