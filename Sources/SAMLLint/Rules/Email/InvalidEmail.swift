/// The profile's email is not a usable address (bad syntax), so nothing can be verified.
public struct InvalidEmail: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "email/invalid",
        title: "Invalid Email",
        category: .email,
        severity: .warning,
        rationale: """
            An email that is not a plain `local@domain` address (no `@`, whitespace inside, dots at the \
            edges, an IP literal, a domain that is not a valid host name or IDN) cannot be checked \
            against the organization's domains; the SSO service refuses it or stores garbage. Forms \
            that parsers read differently are reported by `email/parser-confusion` instead.
            """,
        message: "email EMAIL is not a usable address: REASON",
        triggering: [
            Example(EmailExamples.emailAttribute("jane.doe"), configuration: EmailExamples.strict),
            Example(EmailExamples.emailAttribute("jane@exa_mple.com"), configuration: EmailExamples.strict),
            Example(EmailExamples.emailAttribute("jane.@example.com"), configuration: EmailExamples.strict),
            Example(EmailExamples.emailAttribute("jane@[192.0.2.1]"), configuration: EmailExamples.strict),
        ],
        nonTriggering: [
            Example(EmailExamples.emailAttribute("jane.doe@example.com"), configuration: EmailExamples.strict),
            Example(EmailExamples.emailAttribute("jane.doe")),
            Example(EmailExamples.emailAttribute("user@evil.com@example.com"), configuration: EmailExamples.strict),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        guard let facts = EmailTrustFacts.of(message, context: context), facts.evaluation.verdict == .invalid,
            let problem = facts.evaluation.problem, !problem.isParserConfusion
        else { return }
        findings.report(
            "email '\(facts.email)' is not a usable address: \(problem.message)",
            at: facts.sourceNode, attribute: facts.sourceAttribute, field: "email",
            evidence: [facts.evidence("invalid:\(problem.kind.rawValue)")],
            fix: Fix("Map the email field to the directory attribute that holds the user's mailbox address (mail), and fix the value in the directory."))
    }
}
