import Foundation

/// The email comes from a UPN or eduPersonPrincipalName, or is an Entra ID guest UPN (`#EXT#`).
public struct EmailFromUPN: Rule {
    public init() {}
    public static let namesPath = "email/upn-attribute-names.txt"
    public static let description = RuleDescription(
        id: "email/upn-as-email",
        title: "UPN Used As Email",
        category: .email,
        severity: .warning,
        rationale: """
            A userPrincipalName or eduPersonPrincipalName looks like an email but is a login name: its \
            suffix is whatever the directory administrator set, no mailbox stands behind it, and an \
            Entra ID guest's UPN (`jane_gmail.com#EXT#@tenant.onmicrosoft.com`) carries the tenant's \
            domain for someone from elsewhere. Verifying its domain says nothing about the person's \
            mailbox. (`mapping/upn-as-email` covers a UPN sitting in the wrong attribute; this rule is \
            about trusting it.)
            """,
        message: "the email comes from a UPN or eduPersonPrincipalName, not a mailbox",
        triggering: [
            Example(ExampleSAML.response(
                nameID: "u-1", nameIDFormat: ExampleSAML.persistentFormat,
                attributes: [.marked("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn", ["jane@example.com"])]),
                configuration: EmailExamples.strict + "\nmapping:\n  email: [http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn]\n"),
            Example(EmailExamples.emailAttribute("jane_gmail.com#EXT#@example.com"), configuration: EmailExamples.strict),
        ],
        nonTriggering: [
            Example(EmailExamples.emailAttribute("jane@example.com"), configuration: EmailExamples.strict),
            Example(EmailExamples.emailAttribute("jane_gmail.com#EXT#@example.com")),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        guard let facts = EmailTrustFacts.of(message, context: context), !facts.email.isEmpty else { return }
        if facts.email.range(of: "#EXT#", options: .caseInsensitive) != nil {
            findings.report(
                "email '\(facts.email)' is an Entra ID guest UPN (#EXT#): the person is a guest from another organization, whatever its domain says",
                at: facts.sourceNode, attribute: facts.sourceAttribute, field: "email",
                evidence: [facts.evidence("guest-upn")],
                fix: Fix("Send the guest's mail attribute (user.mail) as the email, and treat guests as outside the organization."))
            return
        }
        guard let source = facts.sourceAttribute,
            context.ruleData.lineList(Self.namesPath).contains(source.lowercased())
        else { return }
        findings.report(
            "the email '\(facts.email)' comes from '\(source)', a UPN or eduPersonPrincipalName: a login name, not a verified mailbox",
            at: facts.sourceNode, attribute: source, field: "email",
            evidence: [facts.evidence("upn")],
            fix: Fix(
                "Map the email field to the mail attribute (user.mail, urn:oid:0.9.2342.19200300.100.1.3) instead of the UPN.",
                configuration: "mapping:\n  email: [mail]"))
    }
}
