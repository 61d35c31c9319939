/// The organization's domain policy, normalised once: each configured domain in ASCII form, with
/// what is wrong with it (not a domain, a public suffix, a free-mail provider).
public struct EmailTrustPolicy: Sendable {
    public static let freeMailListPath = "lists/free-mail-domains.txt"

    /// One entry of `organization.domains`.
    public struct OrganizationDomain: Sendable, Equatable {
        /// As written in the configuration or on the command line.
        public var configured: String
        public var name: DomainName?
        /// Why it is not a domain, when it is not.
        public var problem: String?
        /// A public suffix (`co.uk`, `github.io`): anyone can register under it.
        public var isPublicSuffix: Bool
        /// A free-mail provider (`gmail.com`): anyone can get an address there.
        public var isFreeMail: Bool
        /// Whether emails may be verified against it: a domain, neither a public suffix nor a
        /// free-mail provider (anyone can get an address under those, so they prove no membership).
        public var isUsable: Bool { name != nil && !isPublicSuffix && !isFreeMail }
    }

    public var domains: [OrganizationDomain]
    /// The configuration this policy was built from, as a cache key.
    let cacheKey: String
    public var allowProfilesOutsideOrganization: Bool
    public var allowSubdomains: Bool
    /// Whether any organization domain is configured; without one, email rules stay silent.
    public var isConfigured: Bool { !domains.isEmpty }
    /// Whether public suffixes could be checked (Debian's list was found).
    public var publicSuffixesChecked: Bool

    public var usableDomains: [DomainName] { domains.filter(\.isUsable).compactMap(\.name) }

    public init(
        organization: Configuration.Organization?, freeMail: Set<String>, publicSuffixes: PublicSuffixList?
    ) {
        cacheKey = Self.cacheKey(organization)
        allowProfilesOutsideOrganization = organization?.allowProfilesOutsideOrganization ?? false
        allowSubdomains = organization?.allowSubdomains ?? false
        publicSuffixesChecked = publicSuffixes != nil
        var seen = Set<String>()
        domains = (organization?.domains ?? []).compactMap { configured -> OrganizationDomain? in
            var text = configured.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.hasPrefix("@") { text.removeFirst() }
            guard !text.isEmpty, seen.insert(text.lowercased()).inserted else { return nil }
            switch DomainName.normalize(text) {
            case let .success(name):
                return OrganizationDomain(
                    configured: configured, name: name, problem: nil,
                    isPublicSuffix: publicSuffixes?.isPublicSuffix(name.ascii) ?? (name.labels.count < 2),
                    isFreeMail: freeMail.contains(name.ascii))
            case let .failure(problem):
                return OrganizationDomain(
                    configured: configured, name: nil, problem: problem.description, isPublicSuffix: false,
                    isFreeMail: false)
            }
        }
    }

    /// The policy of a lint context (built once per organization and rule data).
    public static func from(_ context: LintContext) -> EmailTrustPolicy {
        let organization = context.configuration.organization
        return context.ruleData.cached("email.policy:" + cacheKey(organization)) { data in
            EmailTrustPolicy(
                organization: organization, freeMail: data.lineList(freeMailListPath),
                publicSuffixes: (organization?.domains.isEmpty ?? true) ? nil : PublicSuffixList.shared)
        }
    }

    /// What the summary says once about the policy itself: entries that are not domains, and a
    /// missing public suffix list.
    public var notes: [String] {
        var notes = domains.compactMap { domain in
            domain.problem.map { "organization domain '\(domain.configured)' is ignored: \($0)" }
        }
        if isConfigured, !publicSuffixesChecked, let missing = PublicSuffixList.loadError { notes.append(missing) }
        return notes
    }

    /// Identifies a policy's configuration in rule-data caches.
    static func cacheKey(_ organization: Configuration.Organization?) -> String {
        organization.map {
            "\($0.domains.joined(separator: "\u{1}"))|\($0.allowProfilesOutsideOrganization)|\($0.allowSubdomains)"
        } ?? "none"
    }

    /// The usable organization domain `domain` belongs to under this policy (equal, or under it when
    /// subdomains are allowed), and the labels above it.
    public func match(_ domain: DomainName) -> (organization: DomainName, subdomainLabels: [Substring])? {
        for organization in usableDomains {
            if domain.ascii == organization.ascii { return (organization, []) }
        }
        guard allowSubdomains else { return nil }
        // The longest organization domain wins (`eu.example.com` before `example.com`).
        for organization in usableDomains.sorted(by: { $0.ascii.count > $1.ascii.count }) where domain.isStrictlyUnder(organization) {
            let count = organization.labels.count
            let unicodeLabels = domain.unicode.split(separator: ".", omittingEmptySubsequences: false)
            return (organization, Array(unicodeLabels.dropLast(count)))
        }
        return nil
    }
}
