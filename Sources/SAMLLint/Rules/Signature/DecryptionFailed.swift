/// An EncryptedAssertion that the SP key does not decrypt.
public struct DecryptionFailed: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "signature/decryption-failed",
        title: "Decryption Failed",
        category: .signature,
        severity: .error,
        rationale: """
            With `--sp-key` (or `sp.privateKey`), each EncryptedAssertion is decrypted and linted like any \
            other assertion. When that fails (wrong key, unsupported algorithm, content that is not one \
            Assertion), the assertion is not linted and the SP would fail the login.
            """,
        message: "the EncryptedAssertion cannot be decrypted with the SP key",
        triggering: [
            Example(
                ExampleSAML.response(nameID: nil).replacingOccurrences(
                    of: "</samlp:Response>",
                    with: "↓<saml:EncryptedAssertion><xenc:EncryptedData xmlns:xenc=\"http://www.w3.org/2001/04/xmlenc#\"/></saml:EncryptedAssertion>\n</samlp:Response>"),
                configuration: "sp:\n  privateKey: \"-----BEGIN PRIVATE KEY-----\\nAAAA\\n-----END PRIVATE KEY-----\\n\""),
        ],
        nonTriggering: [
            Example(ExampleSAML.response()),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        let remaining = message.encryptedAssertions
        var index = 0
        for outcome in message.decryptions {
            guard let failure = outcome.failure else { continue }
            let node = index < remaining.count ? remaining[index] : nil
            index += 1
            findings.report(
                "cannot decrypt the EncryptedAssertion: \(failure.description)", at: node,
                evidence: [Evidence(value: outcome.keyTransport ?? "?", classifiedAs: "key transport"),
                           Evidence(value: outcome.dataAlgorithm ?? "?", classifiedAs: "data encryption")],
                fix: Fix("Pass the SP private key whose certificate the IdP encrypts to (the SP metadata's encryption KeyDescriptor)."))
        }
    }
}
