/// The email uses plus-addressing (`user+tag@domain`): the same mailbox under many addresses.
public struct PlusAddressing: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "email/plus-addressing",
        title: "Plus-Addressed Email",
        category: .email,
        severity: .info,
        rationale: """
            `jane+sso@example.com` reaches `jane@example.com` at most providers, but is a different \
            string: an application that keys accounts on the email creates a second account, and \
            uniqueness checks on emails can be sidestepped. Worth knowing, rarely wrong.
            """,
        message: "email EMAIL uses plus-addressing (tag TAG)",
        triggering: [
            Example(EmailExamples.emailAttribute("jane+sso@example.com"), configuration: EmailExamples.strict),
        ],
        nonTriggering: [
            Example(EmailExamples.emailAttribute("jane@example.com"), configuration: EmailExamples.strict),
            Example(EmailExamples.emailAttribute("+jane@example.com"), configuration: EmailExamples.strict),
            Example(EmailExamples.emailAttribute("jane+sso@example.com")),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        guard let facts = EmailTrustFacts.of(message, context: context), let address = facts.evaluation.address,
            let tag = address.plusTag
        else { return }
        let base = String(address.localPart.prefix { $0 != "+" })
        findings.report(
            "email '\(facts.email)' uses plus-addressing (tag '\(tag)'): the mailbox is \(base)@\(address.domain.ascii), under another string",
            at: facts.sourceNode, attribute: facts.sourceAttribute, field: "email",
            evidence: [facts.evidence("plus-addressed")],
            fix: Fix("Key accounts on the IdP's user id, not the email; if emails must be unique, compare them without the +tag."))
    }
}
