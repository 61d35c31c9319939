/// An organization domain is a free-mail provider: anyone can get an address there.
public struct OrgDomainFreeMail: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "email/org-domain-free-mail",
        title: "Organization Domain Is Free Mail",
        category: .email,
        severity: .error,
        rationale: """
            With `gmail.com` (or outlook.com, yahoo.com, ...) among `organization.domains`, every \
            address at that provider would count as verified, although anyone can create one in a \
            minute. samllint ignores such an entry when verifying and says so. The list is \
            `rules/lists/free-mail-domains.txt`.
            """,
        message: "organization domain DOMAIN is a free-mail provider: it is ignored when verifying emails",
        triggering: [
            Example("↓" + EmailExamples.emailAttribute("jane@gmail.com", marked: false), configuration: EmailExamples.domains("example.com, gmail.com")),
        ],
        nonTriggering: [
            Example(EmailExamples.emailAttribute("jane@example.com"), configuration: EmailExamples.strict),
            Example(EmailExamples.emailAttribute("jane@gmail.com")),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        guard let facts = EmailTrustFacts.of(message, context: context) else { return }
        for domain in facts.policy.domains where domain.isFreeMail {
            findings.report(
                "organization domain '\(domain.configured)' is a free-mail provider: anyone can get an address there, so it is ignored when verifying emails",
                at: message.root, field: "email",
                evidence: [Evidence(value: domain.configured, classifiedAs: "free-mail", source: "organization.domains")],
                fix: Fix("Remove \(domain.configured) from organization.domains; users with such addresses are outside the organization (allowProfilesOutsideOrganization, keyed on the connection id)."))
        }
    }
}
