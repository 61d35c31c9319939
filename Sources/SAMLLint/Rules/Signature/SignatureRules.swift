/// The `signature/*` family: presence, validity, coverage (wrapping) and algorithms of XML signatures,
/// decryption of EncryptedAssertion, and the metadata aggregate signature.
public enum SignatureRules {
    public static let all: [any Rule.Type] = [
        UnsignedAssertion.self, InvalidSignature.self, UntrustedKey.self, SignatureWrapping.self, DuplicateID.self,
        SHA1Signature.self, HMACSignature.self, DisallowedTransform.self, WeakKey.self, NoTrustedKey.self,
        DecryptionFailed.self, RSA15KeyTransport.self, MetadataSignatureInvalid.self, MisplacedSignature.self,
    ]
}
