import Foundation

/// The few facts about an X.509 certificate that metadata rules need. Decoded from DER by
/// `CertificateDecoder` without building a full certificate object (see docs/metadata.md).
public struct CertificateFacts: Sendable, Equatable {
    /// Start and end of the validity period (UTCTime or GeneralizedTime, UTC).
    public var notBefore: Date
    public var notAfter: Date
    /// Dotted OID of the certificate's own signature algorithm (`1.2.840.113549.1.1.11`).
    public var signatureAlgorithmOID: String
    /// Dotted OID of the subject public key algorithm (`1.2.840.113549.1.1.1` for RSA).
    public var publicKeyAlgorithmOID: String
    /// Bit length of the RSA modulus, for RSA keys.
    public var rsaModulusBits: Int?
    /// Dotted OID of the named curve, for EC keys.
    public var ecCurveOID: String?

    public init(
        notBefore: Date, notAfter: Date, signatureAlgorithmOID: String, publicKeyAlgorithmOID: String,
        rsaModulusBits: Int? = nil, ecCurveOID: String? = nil
    ) {
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.signatureAlgorithmOID = signatureAlgorithmOID
        self.publicKeyAlgorithmOID = publicKeyAlgorithmOID
        self.rsaModulusBits = rsaModulusBits
        self.ecCurveOID = ecCurveOID
    }

    /// Readable name of the signature algorithm (`sha256WithRSAEncryption`), or the OID.
    public var signatureAlgorithmName: String { X509Names.name(ofOID: signatureAlgorithmOID) }
    /// Readable name of the key algorithm (`rsaEncryption`, `id-ecPublicKey`), or the OID.
    public var publicKeyAlgorithmName: String { X509Names.name(ofOID: publicKeyAlgorithmOID) }
    /// Readable name of the curve (`prime256v1`), or the OID.
    public var ecCurveName: String? { ecCurveOID.map(X509Names.name(ofOID:)) }

    /// Whether the certificate is signed with a SHA-1 (or MD5/MD2) based algorithm.
    public var usesSHA1OrWorseSignature: Bool { X509Names.sha1OrWorseSignatures.contains(signatureAlgorithmOID) }

    /// A short description for evidence: `RSA 2048 bits, sha256WithRSAEncryption, valid 2020-01-01 to 2030-01-01`.
    public var summary: String {
        var key = publicKeyAlgorithmName
        if let bits = rsaModulusBits { key = "RSA \(bits) bits" }
        if let curve = ecCurveName { key = "EC \(curve)" }
        return "\(key), \(signatureAlgorithmName), valid \(X509Names.day(notBefore)) to \(X509Names.day(notAfter))"
    }
}
