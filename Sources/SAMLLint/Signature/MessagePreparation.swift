import SAMLXML

/// The linter's one hook for the signature work, run once per message before any rule: decrypt
/// EncryptedAssertion with the SP key (the Assertion takes its place in the tree, so every rule lints
/// it like any other), then verify the signatures and work out what they cover.
enum MessagePreparation {
    static func prepare(_ message: inout SAMLMessage, context: LintContext, maxBytes: Int) {
        if message.kind == .response, !message.encryptedAssertions.isEmpty, let key = context.spPrivateKey {
            message.decryptions = AssertionDecryptor(privateKeyPEM: key).decryptAll(in: message.document, maxBytes: maxBytes)
        }
        if message.carriesAssertionSignatures {
            message.signatureAnalysis = SignatureAnalysis(message: message, context: context)
        }
    }
}
