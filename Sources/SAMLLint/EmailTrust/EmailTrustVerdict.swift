/// Whether a profile's email can be trusted under the organization's domain policy.
public enum EmailTrustVerdict: String, Sendable, Codable, CaseIterable {
    /// The domain is an organization domain (or under one, where subdomains are allowed).
    case verified
    /// Outside the organization under the strict policy: the SSO service rejects the login.
    case outsideOrganization = "outside-organization"
    /// Outside the organization, but the policy allows it: the email proves nothing.
    case unverifiable
    /// The profile has no email.
    case missing
    /// Not a usable address (bad syntax, or a form parsers disagree on).
    case invalid
    /// No organization domains are configured.
    case notChecked = "not-checked"
}

/// The full result of evaluating one email: the verdict and everything the rules report on.
public struct EmailTrustEvaluation: Sendable {
    public var verdict: EmailTrustVerdict
    /// The value evaluated, as received.
    public var input: String?
    /// The parsed address, when it parsed.
    public var address: EmailAddress?
    /// Why it did not parse.
    public var problem: EmailAddressProblem?
    /// The organization domain the email belongs to (`verified`).
    public var organizationDomain: String?
    /// A domain that imitates an organization domain, or mixes scripts.
    public var lookalike: LookalikeDetector.Match?
    /// An organization domain found inside the domain but not as its suffix (`example.com.evil.com`).
    public var embeddedOrganizationDomain: String?
    /// Under an organization domain, but subdomains are not allowed.
    public var subdomainOf: String?
    /// The email's domain is a free-mail provider.
    public var isFreeMail = false
    /// Why, in words.
    public var reasons: [String] = []

    public init(verdict: EmailTrustVerdict, input: String?) {
        self.verdict = verdict
        self.input = input
    }

    /// The form the profile carries in the report.
    public var summary: EmailTrustSummary {
        EmailTrustSummary(verdict: verdict.rawValue, domain: address?.domain.ascii, reasons: reasons)
    }
}
