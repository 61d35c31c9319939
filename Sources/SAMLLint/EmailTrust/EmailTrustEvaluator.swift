/// Decides, for one email, whether it can be trusted under the organization's policy:
///
/// 1. no email: `missing`; not a usable address, or a parser-confusion form: `invalid`;
/// 2. no organization domains: `not-checked`;
/// 3. the ASCII domain equals an organization domain, or lies under one when subdomains are allowed
///    (and the extra labels do not mix scripts): `verified`;
/// 4. anything else: `outside-organization` under the strict policy, `unverifiable` when profiles
///    outside the organization are allowed. Look-alikes always land here.
public struct EmailTrustEvaluator: Sendable {
    public let policy: EmailTrustPolicy
    public let detector: LookalikeDetector
    let freeMail: Set<String>
    let memo: EvaluationMemo

    public init(policy: EmailTrustPolicy, skeleton: ConfusableSkeleton, freeMail: Set<String>) {
        self.init(policy: policy, skeleton: skeleton, freeMail: freeMail, memo: EvaluationMemo())
    }

    init(policy: EmailTrustPolicy, skeleton: ConfusableSkeleton, freeMail: Set<String>, memo: EvaluationMemo) {
        self.policy = policy
        self.detector = LookalikeDetector(skeleton: skeleton)
        self.freeMail = freeMail
        self.memo = memo
    }

    /// The evaluator of a lint context, made once per context.
    public static func of(_ context: LintContext) -> EmailTrustEvaluator {
        shared(context).value
    }

    /// The context's evaluator in its box: a rule that only asks whether a policy is configured
    /// reads that without copying the evaluator (every email-trust rule asks, on every message).
    static func shared(_ context: LintContext) -> Boxed<EmailTrustEvaluator> {
        context.memo.emailTrust { EmailTrustEvaluator(context: context) }
    }

    /// The evaluator of a lint context; evaluations are shared by everything that asks within it.
    public init(context: LintContext) {
        let policy = EmailTrustPolicy.from(context)
        self.init(
            policy: policy, skeleton: ConfusableSkeleton.from(context.ruleData),
            freeMail: context.ruleData.lineList(EmailTrustPolicy.freeMailListPath),
            memo: context.ruleData.cached("email.memo:" + policy.cacheKey) { _ in EvaluationMemo() })
    }

    /// The profile with the `emailTrust` verdict of the message's email claim (`EmailClaim`) filled in
    /// (the linter calls this before rules run).
    /// Without organization domains it stays nil: the report's summary says once that email trust
    /// was not checked.
    public static func annotate(_ profile: Profile, assertion: Assertion, context: LintContext) -> Profile {
        let shared = EmailTrustEvaluator.shared(context)
        guard shared.value.policy.isConfigured else { return profile }
        let evaluator = shared.value
        let claim = EmailClaim.resolve(profile: profile, assertion: assertion, context: context)
        var profile = profile
        var summary = evaluator.evaluate(claim.value).summary
        if claim.notInProfile, let attribute = claim.attribute {
            summary.reasons.insert("judged the '\(attribute)' attribute, which the profile mapping did not take as the email", at: 0)
        }
        profile.emailTrust = summary
        return profile
    }

    public func evaluate(_ email: String?) -> EmailTrustEvaluation {
        // Over-long values are refused by the parser at once; only plausible ones are remembered.
        guard let email, email.utf8.count <= 1024 else { return compute(email) }
        return memo.value(for: email) { compute(email) }
    }

    func compute(_ email: String?) -> EmailTrustEvaluation {
        guard let email, !email.trimmed.isEmpty else {
            var result = EmailTrustEvaluation(verdict: .missing, input: email)
            result.reasons = ["the profile has no email"]
            return result
        }
        var result = EmailTrustEvaluation(verdict: .invalid, input: email)
        let address: EmailAddress
        switch EmailAddressParser.parse(email) {
        case let .failure(problem):
            result.problem = problem
            result.reasons = [(problem.isParserConfusion ? "parser confusion: " : "invalid address: ") + problem.message]
            return result
        case let .success(parsed):
            address = parsed
        }
        result.address = address
        result.isFreeMail = freeMail.contains(address.domain.ascii)
        if address.domain.wasMapped {
            result.reasons.append("domain normalized to \(address.domain.ascii) (UTS #46)")
        }
        guard policy.isConfigured else {
            result.verdict = .notChecked
            result.reasons.append("no organization domains configured")
            return result
        }
        let organizationDomains = policy.usableDomains
        if let match = policy.match(address.domain) {
            if let mixed = detector.mixedScript(match.subdomainLabels[...], domain: address.domain) {
                result.lookalike = mixed
                result.reasons.append("look-alike: \(mixed.detail)")
            } else {
                result.verdict = .verified
                result.organizationDomain = match.organization.ascii
                result.reasons.append(
                    match.subdomainLabels.isEmpty
                        ? "\(address.domain.ascii) is an organization domain"
                        : "\(address.domain.ascii) is under the organization domain \(match.organization.ascii) (subdomains allowed)")
                return result
            }
        } else if let lookalike = detector.match(address.domain, organizationDomains: organizationDomains, written: address.writtenDomain) {
            result.lookalike = lookalike
            result.reasons.append("look-alike: \(lookalike.detail)")
        }
        explainOutside(address.domain, organizationDomains: organizationDomains, into: &result)
        result.verdict = policy.allowProfilesOutsideOrganization ? .unverifiable : .outsideOrganization
        result.reasons.append(
            policy.allowProfilesOutsideOrganization
                ? "outside the organization's domains, allowed by allowProfilesOutsideOrganization: the email proves nothing"
                : "outside the organization's domains: the login is rejected")
        return result
    }

    /// Adds what makes an outside domain notable: under an organization domain with subdomains off,
    /// an organization domain embedded in it, a free-mail provider, unusable organization domains.
    private func explainOutside(_ domain: DomainName, organizationDomains: [DomainName], into result: inout EmailTrustEvaluation) {
        if let parent = organizationDomains.first(where: { domain.isStrictlyUnder($0) }), !policy.allowSubdomains {
            result.subdomainOf = parent.ascii
            result.reasons.append("\(domain.ascii) is a subdomain of \(parent.ascii), and subdomains are not allowed (subdomains: exact)")
        }
        if let embedded = organizationDomains.first(where: { ("." + domain.ascii + ".").contains("." + $0.ascii + ".") && !domain.isSame(asOrUnder: $0) }) {
            result.embeddedOrganizationDomain = embedded.ascii
            result.reasons.append("contains the organization domain \(embedded.ascii), but the domain is \(domain.ascii)")
        }
        if result.isFreeMail { result.reasons.append("\(domain.ascii) is a free-mail provider") }
        if let suffix = policy.domains.first(where: { $0.isPublicSuffix && $0.name.map { domain.isSame(asOrUnder: $0) } == true }) {
            result.reasons.append("the organization domain '\(suffix.configured)' is a public suffix and cannot verify anything")
        }
        if let freeMail = policy.domains.first(where: { $0.isFreeMail && !$0.isPublicSuffix && $0.name.map { domain.isSame(asOrUnder: $0) } == true }) {
            result.reasons.append("the organization domain '\(freeMail.configured)' is a free-mail provider and cannot verify anything")
        }
    }
}
