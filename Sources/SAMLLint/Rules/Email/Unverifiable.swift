/// Relaxed policy: the email is outside the organization's domains and accepted, so it proves nothing.
public struct Unverifiable: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "email/unverifiable",
        title: "Unverifiable Email",
        category: .email,
        severity: .warning,
        rationale: """
            With `allowProfilesOutsideOrganization: true` the SSO service accepts emails at any domain: \
            the IdP administrator can type any address, including one that belongs to a user of \
            another organization. Applications that look users up by email then hand that account \
            over (cross-tenant account takeover). Key the user on the organization or connection id \
            plus the IdP's user id, never on the email.
            """,
        message: "email EMAIL is outside the organization's domains and cannot be trusted: key the user on the organization or connection id, never the email",
        triggering: [
            Example(EmailExamples.emailAttribute("jane@gmail.com"), configuration: EmailExamples.relaxed),
            Example(EmailExamples.emailAttribute("ceo@examp1e.com"), configuration: EmailExamples.relaxed),
        ],
        nonTriggering: [
            Example(EmailExamples.emailAttribute("jane@example.com"), configuration: EmailExamples.relaxed),
            Example(EmailExamples.emailAttribute("jane@gmail.com"), configuration: EmailExamples.strict),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        guard let facts = EmailTrustFacts.of(message, context: context), facts.evaluation.verdict == .unverifiable,
            let address = facts.evaluation.address
        else { return }
        findings.report(
            "email '\(facts.email)' (domain \(address.domain.ascii)) is outside the organization's domains (\(facts.organizationDomainList)) and is accepted only because allowProfilesOutsideOrganization is set: it proves nothing. Key the user on the organization or connection id (with the IdP's user id), never on the email",
            at: facts.sourceNode, attribute: facts.sourceAttribute, field: "email",
            evidence: [facts.evidence("unverifiable")],
            fix: Fix(
                "In the application, identify the user by organization or connection id plus the IdP's stable user id; never look an account up by this email. If the organization owns \(address.domain.ascii), add it to organization.domains."))
    }
}
