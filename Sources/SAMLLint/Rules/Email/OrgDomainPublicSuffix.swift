/// An organization domain is a public suffix (`co.uk`, `github.io`): it cannot stand for one
/// organization, and is never used to verify an email.
public struct OrgDomainPublicSuffix: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "email/org-domain-public-suffix",
        title: "Organization Domain Is A Public Suffix",
        category: .email,
        severity: .error,
        rationale: """
            Anyone can register a name under a public suffix, so `co.uk` (or `github.io`, `com`) in \
            `organization.domains` would, with subdomains allowed, verify every address in the UK. \
            samllint ignores such an entry when verifying and says so. The list is Debian's \
            `publicsuffix` package (`/usr/share/publicsuffix/public_suffix_list.dat`), read at run time.
            """,
        message: "organization domain DOMAIN is a public suffix: it is ignored when verifying emails",
        triggering: [
            Example("↓" + EmailExamples.emailAttribute("jane@acme.co.uk", marked: false), configuration: EmailExamples.domains("co.uk", extra: "  subdomains: allow\n")),
            Example("↓" + EmailExamples.emailAttribute("jane@example.com", marked: false), configuration: EmailExamples.domains("example.com, github.io")),
        ],
        nonTriggering: [
            Example(EmailExamples.emailAttribute("jane@acme.co.uk"), configuration: EmailExamples.domains("acme.co.uk")),
            Example(EmailExamples.emailAttribute("jane@acme.co.uk")),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        guard let facts = EmailTrustFacts.of(message, context: context) else { return }
        for domain in facts.policy.domains where domain.isPublicSuffix {
            findings.report(
                "organization domain '\(domain.configured)' is a public suffix: anyone can register under it, so it is ignored when verifying emails",
                at: message.root, field: "email",
                evidence: [Evidence(value: domain.configured, classifiedAs: "public-suffix", source: "organization.domains")],
                fix: Fix(
                    "List the organization's registered domain (for example acme.\(domain.name?.ascii ?? domain.configured)) instead of the public suffix.",
                    configuration: "organization:\n  domains: [acme.\(domain.name?.ascii ?? domain.configured)]"))
        }
    }
}
