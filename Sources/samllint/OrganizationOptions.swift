import ArgumentParser
import SAMLLint

/// The organization's domain policy from the command line, merged over `organization:` in the
/// configuration (a flag given wins; `--org-domain` replaces the configured list).
struct OrganizationOptions: ParsableArguments {
    @Option(name: .customLong("org-domain"), help: "An organization domain emails are verified against (repeatable; replaces organization.domains).")
    var orgDomains: [String] = []

    @Flag(
        name: .customLong("allow-profiles-outside-organization"), inversion: .prefixedNo,
        help: "Accept profiles whose email is outside the organization's domains (their email is then unverifiable).")
    var allowOutside: Bool?

    @Option(help: "Whether subdomains of an organization domain are verified too. (default: exact, or organization.subdomains)")
    var subdomains: SubdomainPolicy?

    enum SubdomainPolicy: String, ExpressibleByArgument, CaseIterable {
        case exact, allow
    }

    /// `configuration` with these options applied.
    func apply(to configuration: Configuration) -> Configuration {
        guard !orgDomains.isEmpty || allowOutside != nil || subdomains != nil else { return configuration }
        var configuration = configuration
        var organization = configuration.organization ?? Configuration.Organization()
        if !orgDomains.isEmpty { organization.domains = orgDomains }
        if let allowOutside { organization.allowProfilesOutsideOrganization = allowOutside }
        if let subdomains { organization.allowSubdomains = subdomains == .allow }
        configuration.organization = organization
        return configuration
    }
}
