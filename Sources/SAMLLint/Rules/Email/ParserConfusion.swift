/// The email uses a form that different parsers read differently; it is never trusted.
public struct ParserConfusion: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "email/parser-confusion",
        title: "Email Parser Confusion",
        category: .email,
        severity: .error,
        rationale: """
            `user@evil.com@example.com`, `"user@evil.com"@example.com`, `user%example.com@evil.com`, \
            `user(comment)@example.com`, `@relay:user@example.com`, `Name <user@example.com>`, a \
            full-width `＠` or an invisible character: one component reads the domain as example.com \
            and verifies it, another delivers (or matches accounts) elsewhere. Such a value is \
            `invalid`, whatever domain it seems to have.
            """,
        message: "email EMAIL is a form parsers disagree on: REASON",
        triggering: [
            Example(EmailExamples.emailAttribute("user@evil.com@example.com"), configuration: EmailExamples.strict),
            Example(EmailExamples.emailAttribute("\"user@evil.com\"@example.com"), configuration: EmailExamples.strict),
            Example(EmailExamples.emailAttribute("user%evil.com@example.com"), configuration: EmailExamples.strict),
            Example(EmailExamples.emailAttribute("user(x)@example.com"), configuration: EmailExamples.strict),
            Example(EmailExamples.emailAttribute("@evil.com,@relay.example.com:user@example.com"), configuration: EmailExamples.strict),
            Example(EmailExamples.emailAttribute("Jane &lt;jane@example.com&gt;"), configuration: EmailExamples.strict),
        ],
        nonTriggering: [
            Example(EmailExamples.emailAttribute("user@example.com"), configuration: EmailExamples.strict),
            Example(EmailExamples.emailAttribute("user@evil.com@example.com")),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        guard let facts = EmailTrustFacts.of(message, context: context), facts.evaluation.verdict == .invalid,
            let problem = facts.evaluation.problem, problem.isParserConfusion
        else { return }
        findings.report(
            "email '\(facts.email)' is a form parsers disagree on, so it is never trusted: \(problem.message)",
            at: facts.sourceNode, attribute: facts.sourceAttribute, field: "email",
            evidence: [facts.evidence("parser-confusion:\(problem.kind.rawValue)")],
            fix: Fix("Send the user's plain mailbox address (local@domain, no quotes, comments, routes or display name). If the IdP lets users edit this value, stop using it as the email."))
    }
}
