/// The email's domain imitates an organization domain (confusable characters, digit for letter),
/// or mixes Latin, Greek, Cyrillic or Armenian letters in one label.
public struct LookalikeDomain: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "email/lookalike-domain",
        title: "Look-alike Email Domain",
        category: .email,
        severity: .error,
        rationale: """
            `exаmple.com` with a Cyrillic `а`, `examp1e.com`, `rnicrosoft.com`: a domain that reads \
            like the organization's but is someone else's. It is never verified, but a human reviewing \
            accounts (or an application comparing display forms) is fooled. Compared through a \
            skeleton (accents dropped, confusables from `rules/email/confusables.tsv` replaced).
            """,
        message: "email domain DOMAIN looks like the organization domain ORG",
        triggering: [
            Example(EmailExamples.emailAttribute("jane@examp1e.com"), configuration: EmailExamples.strict),
            Example(EmailExamples.emailAttribute("jane@exаmple.com"), configuration: EmailExamples.relaxed),
            Example(EmailExamples.emailAttribute("jane@xn--exmple-cua.com"), configuration: EmailExamples.strict),
            Example(EmailExamples.emailAttribute("jane@mail.exаmple.com"), configuration: EmailExamples.subdomains),
        ],
        nonTriggering: [
            Example(EmailExamples.emailAttribute("jane@example.com"), configuration: EmailExamples.strict),
            Example(EmailExamples.emailAttribute("jane@example.org"), configuration: EmailExamples.strict),
            Example(EmailExamples.emailAttribute("jane@examp1e.com")),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        guard let facts = EmailTrustFacts.of(message, context: context), let lookalike = facts.evaluation.lookalike,
            let address = facts.evaluation.address
        else { return }
        let shown = lookalike.domain == address.domain.ascii ? "'\(lookalike.domain)'" : "'\(lookalike.domain)' (\(address.domain.ascii))"
        let text: String
        if let organization = lookalike.organizationDomain {
            text = "email domain \(shown) looks like the organization domain \(organization): \(lookalike.detail)"
        } else {
            text = "email domain \(shown) is a look-alike: \(lookalike.detail)"
        }
        findings.report(
            text, at: facts.sourceNode, attribute: facts.sourceAttribute, field: "email",
            evidence: [facts.evidence("lookalike:\(lookalike.kind.rawValue)")],
            fix: Fix("Treat this account as outside the organization and investigate who created it at the IdP; never merge it with the organization's account of the same name."))
    }
}
