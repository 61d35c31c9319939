import SAMLXML

/// The linter's one hook for the signature work, run once per message before any rule: decrypt
/// EncryptedAssertion with the SP key (the Assertion takes its place in the tree, so every rule lints
/// it like any other), then verify the signatures and work out what they cover.
enum MessagePreparation {
    static func prepare(_ message: inout SAMLMessage, context: LintContext, maxBytes: Int) {
        guard message.carriesAssertionSignatures else { return }
        if message.kind == .response, !message.encryptedAssertions.isEmpty, let key = context.spPrivateKey {
            // Signatures over the encrypted form (the Response's) are verified before the tree changes.
            let before = SignatureAnalysis(message: message, context: context)
            message.decryptions = AssertionDecryptor(privateKeyPEM: key).decryptAll(in: message.document, maxBytes: maxBytes)
            message.memo.assertions = nil  // the decrypted assertions are in the tree now
            message.signatureAnalysis = SignatureAnalysis(message: message, context: context, verified: before.signatures)
        } else {
            message.signatureAnalysis = SignatureAnalysis(message: message, context: context)
        }
    }
}
