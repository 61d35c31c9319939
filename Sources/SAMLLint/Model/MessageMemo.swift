import SAMLXML

/// Values several rules need from one message, computed on first use. A message is linted on one
/// thread, so no lock is needed.
final class MessageMemo: @unchecked Sendable {
    var certificates: [MetadataCertificate]?
    /// `SAMLMessage.assertions`; cleared when decryption changes the tree.
    var assertions: [Assertion]?
}
