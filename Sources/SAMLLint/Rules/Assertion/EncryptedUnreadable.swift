import Foundation

/// An EncryptedAssertion that cannot be linted without the SP's private key.
public struct EncryptedUnreadable: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "assertion/encrypted-unreadable",
        title: "Encrypted Assertion Not Linted",
        category: .assertion,
        severity: .info,
        rationale: """
            An EncryptedAssertion can only be read with the SP's private key. Without `--sp-key`, its \
            attributes, subject and conditions are not checked; this note says so instead of \
            pretending the message is clean.
            """,
        message: "encrypted assertion not linted: pass the SP key with --sp-key to decrypt it",
        triggering: [
            Example(ExampleSAML.response(nameID: nil).replacingOccurrences(
                of: "</samlp:Response>",
                with: "↓<saml:EncryptedAssertion><xenc:EncryptedData xmlns:xenc=\"http://www.w3.org/2001/04/xmlenc#\"/></saml:EncryptedAssertion>\n</samlp:Response>")),
        ],
        nonTriggering: [
            Example(ExampleSAML.response()),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        for encrypted in message.encryptedAssertions {
            findings.report(
                "encrypted assertion not linted: pass the SP private key with --sp-key to decrypt and lint it",
                at: encrypted)
        }
    }
}
