/// An assertion without a Subject NameID (and without an EncryptedID standing in for it).
public struct NameIDMissing: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "assertion/nameid-missing",
        title: "NameID Missing",
        category: .assertion,
        severity: .warning,
        rationale: """
            The NameID is the subject identifier most SPs key users on. Without it, the SP must fall \
            back to an attribute, and many libraries reject the assertion outright.
            """,
        message: "the assertion has no Subject/NameID",
        triggering: [
            Example("↓" + ExampleSAML.assertion(nameID: nil)),
        ],
        nonTriggering: [
            Example(ExampleSAML.assertion()),
            Example(ExampleSAML.assertion(nameID: "AAdzZWNyZXQx", nameIDFormat: ExampleSAML.persistentFormat)),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        for assertion in message.assertions where assertion.nameID == nil && !assertion.hasEncryptedID {
            findings.report(
                "the assertion has no Subject/NameID", at: assertion.subject ?? assertion.element, field: "id",
                fix: Fix("Configure a Name ID (persistent or emailAddress format) for this application at the IdP."))
        }
    }
}
