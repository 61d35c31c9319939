/// Strict policy: the profile's email is outside the organization's domains, so the login is rejected.
public struct OutsideOrganization: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "email/outside-organization",
        title: "Email Outside Organization",
        category: .email,
        severity: .error,
        rationale: """
            By default an SSO service rejects a profile whose email domain is not one of the \
            organization's domains (`organization.domains`; subdomains only with `subdomains: allow`). \
            The domain is compared after normalisation (case, trailing dot, IDN in ASCII form), so \
            `user@example.com.evil.com`, `user@sub.example.com` (exact policy) and look-alikes such as \
            `examp1e.com` are all outside.
            """,
        message: "email EMAIL is outside the organization's domains: the login is rejected",
        triggering: [
            Example(EmailExamples.emailAttribute("jane@example.com.evil.com"), configuration: EmailExamples.strict),
            Example(EmailExamples.emailAttribute("jane@sub.example.com"), configuration: EmailExamples.strict),
            Example(ExampleSAML.response(nameID: "jane@gmail.com", nameIDMarked: true), configuration: EmailExamples.strict),
        ],
        nonTriggering: [
            Example(EmailExamples.emailAttribute("Jane@EXAMPLE.com."), configuration: EmailExamples.strict),
            Example(EmailExamples.emailAttribute("jane@sub.example.com"), configuration: EmailExamples.subdomains),
            Example(EmailExamples.emailAttribute("jane@gmail.com"), configuration: EmailExamples.relaxed),
            Example(EmailExamples.emailAttribute("jane@gmail.com")),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        guard let facts = EmailTrustFacts.of(message, context: context), facts.evaluation.verdict == .outsideOrganization,
            let address = facts.evaluation.address
        else { return }
        let why = facts.evaluation.reasons.filter { !$0.hasPrefix("outside the organization") }
        findings.report(
            "email '\(facts.email)' (domain \(address.domain.ascii)) is outside the organization's domains (\(facts.organizationDomainList)): the login is rejected"
                + (why.isEmpty ? "" : "; " + why.joined(separator: "; ")),
            at: facts.sourceNode, attribute: facts.sourceAttribute, field: "email",
            evidence: [facts.evidence("outside-organization")],
            fix: Fix(
                "If the organization owns \(address.domain.ascii), add it to organization.domains; otherwise have the IdP send the user's address at an organization domain. Only if outside users are intended, allow them and key users on the organization or connection id, never the email.",
                configuration: "organization:\n  allowProfilesOutsideOrganization: true"))
    }
}
