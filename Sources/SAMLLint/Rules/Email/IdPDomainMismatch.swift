import Foundation

/// The email's domain is not the IdP's own domain (from the Issuer URL), for self-hosted IdPs.
public struct IdPDomainMismatch: Rule {
    public init() {}
    public static let idpHostListPath = "email/idp-host-domains.txt"
    public static let description = RuleDescription(
        id: "email/idp-domain-mismatch",
        title: "Email Domain Differs From IdP Domain",
        category: .email,
        severity: .info,
        rationale: """
            A self-hosted IdP (`https://sso.example.com/...`) normally asserts users of its own \
            organization. An email at another registrable domain is worth a look: a partner, a \
            subsidiary, or an administrator who typed someone else's address. Multi-tenant IdPs \
            (Okta, Entra ID, Google, ... listed in `rules/email/idp-host-domains.txt`) are skipped.
            """,
        message: "email domain DOMAIN differs from the IdP's domain",
        triggering: [
            Example(EmailExamples.emailAttribute("jane@other.org", issuer: "https://sso.example.com/idp"), configuration: EmailExamples.relaxed),
        ],
        nonTriggering: [
            Example(EmailExamples.emailAttribute("jane@example.com", issuer: "https://sso.example.com/idp"), configuration: EmailExamples.strict),
            Example(EmailExamples.emailAttribute("jane@other.org", issuer: "http://www.okta.com/exk1a2b3c4"), configuration: EmailExamples.relaxed),
            Example(EmailExamples.emailAttribute("jane@other.org", issuer: "urn:acme:idp"), configuration: EmailExamples.relaxed),
            Example(EmailExamples.emailAttribute("jane@other.org", issuer: "https://sso.example.com/idp")),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        // A look-alike is email/lookalike-domain's (stronger) finding.
        guard let facts = EmailTrustFacts.of(message, context: context), let address = facts.evaluation.address,
            facts.evaluation.lookalike == nil,
            let issuer = facts.assertion.issuer ?? message.issuer,
            let host = URL(string: issuer)?.host, case let .success(issuerDomain) = DomainName.normalize(host)
        else { return }
        let emailSite = Self.registrable(address.domain.ascii)
        let idpSite = Self.registrable(issuerDomain.ascii)
        guard emailSite != idpSite else { return }
        guard !context.ruleData.lineList(Self.idpHostListPath).contains(idpSite) else { return }
        findings.report(
            "email domain \(address.domain.ascii) differs from the domain of the IdP that asserted it (\(idpSite), from Issuer \(issuer)): check that this IdP may speak for \(emailSite)",
            at: facts.sourceNode, attribute: facts.sourceAttribute, field: "email",
            evidence: [facts.evidence("email-domain:\(emailSite)"), Evidence(value: issuer, classifiedAs: "idp-domain:\(idpSite)", source: "Issuer")],
            fix: Fix("If \(emailSite) belongs to the organization, list it in organization.domains; otherwise find out why this IdP asserts addresses there."))
    }

    /// The registrable domain (public suffix + 1), or the last two labels without the list.
    static func registrable(_ ascii: String) -> String {
        if let list = PublicSuffixList.shared, let site = list.registrableDomain(ascii) { return site }
        return ascii.split(separator: ".").suffix(2).joined(separator: ".")
    }
}
