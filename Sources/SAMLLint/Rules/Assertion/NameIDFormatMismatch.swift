/// The NameID claims the emailAddress format but its value is not an email address.
public struct NameIDFormatMismatch: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "assertion/nameid-format-mismatch",
        title: "NameID Format Mismatch",
        category: .assertion,
        severity: .warning,
        rationale: """
            SPs trust the Format: with `emailAddress` they use the value as an email. An IdP that sends \
            a username, an object id or a UPN-like login under that Format gives the SP a wrong email \
            (and sometimes someone else's).
            """,
        message: "NameID has the emailAddress Format but its value is not an email address",
        triggering: [
            Example(ExampleSAML.assertion(nameID: "jdoe", nameIDMarked: true)),
            Example(ExampleSAML.assertion(nameID: "3f2a1c9e-8d7b-4e6f-a5c4-b3d2e1f0a9b8", nameIDMarked: true)),
        ],
        nonTriggering: [
            Example(ExampleSAML.assertion(nameID: "jane.doe@example.com")),
            Example(ExampleSAML.assertion(nameID: "jdoe", nameIDFormat: ExampleSAML.persistentFormat)),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        for assertion in message.assertions {
            guard let nameID = assertion.nameID, nameID.knownFormat == .emailAddress else { continue }
            let value = nameID.value.trimmed
            guard !EmailSyntax.isPlausibleAddress(value) else { continue }
            findings.report(
                "NameID has the emailAddress Format but its value '\(value)' is not an email address",
                at: nameID.element, field: "email",
                evidence: [Evidence(value: value, classifiedAs: "not-email")],
                fix: Fix("Either send the user's email as the NameID, or declare the Format that matches the value (persistent or unspecified)."))
        }
    }
}
