import Foundation
import SAMLXML

/// What the `signature/*` rules verify against, besides the IdP metadata of `--metadata`.
public struct SignatureSettings: Sendable {
    /// Trusted IdP signing certificates (DER), from `--idp-cert`.
    public var trustedCertificates: [[UInt8]]
    /// The SP private key (PEM) that decrypts EncryptedAssertion, from `--sp-key`.
    public var spPrivateKey: [UInt8]?
    /// Certificates (DER) a signed metadata aggregate is checked against (`--metadata-trust`).
    public var metadataTrustCertificates: [[UInt8]]

    public init(trustedCertificates: [[UInt8]] = [], spPrivateKey: [UInt8]? = nil, metadataTrustCertificates: [[UInt8]] = []) {
        self.trustedCertificates = trustedCertificates
        self.spPrivateKey = spPrivateKey
        self.metadataTrustCertificates = metadataTrustCertificates
    }

    /// Reads certificate files (PEM with one or more certificates, or DER). Errors name the file.
    public static func loadCertificates(paths: [String]) throws(ConfigurationError) -> [[UInt8]] {
        var result: [[UInt8]] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ConfigurationError(path: path, message: "cannot read the certificate file", line: nil)
            }
            let certificates = CertificateFile.certificates(in: [UInt8](data))
            if certificates.isEmpty {
                throw ConfigurationError(path: path, message: "no X.509 certificate found (expected PEM or DER)", line: nil)
            }
            result += certificates
        }
        return result
    }

    /// Reads a PEM private key and checks that xmlsec can load it.
    public static func loadPrivateKey(path: String) throws(ConfigurationError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(path: path, message: "cannot read the SP key file", line: nil)
        }
        let bytes = [UInt8](data)
        guard AssertionDecryptor(privateKeyPEM: bytes).keyLoads else {
            throw ConfigurationError(path: path, message: "not a PEM private key (unencrypted PKCS#1 or PKCS#8 expected)", line: nil)
        }
        return bytes
    }
}

extension LintContext {
    /// Every trusted IdP signing certificate: `--idp-cert`, `idp.certificates` and the IdP metadata.
    public var trustedSigningCertificates: [[UInt8]] {
        var result = signature.trustedCertificates
        for text in configuration.idpCertificates {
            result += CertificateFile.certificates(in: Array(text.utf8))
        }
        result += metadata?.allSigningCertificates ?? []
        var seen: Set<[UInt8]> = []
        return result.filter { seen.insert($0).inserted }
    }

    /// The SP private key: `--sp-key`, else `sp.privateKey` (inline PEM, or a path relative to the
    /// configuration file).
    public var spPrivateKey: [UInt8]? {
        if let key = signature.spPrivateKey { return key }
        guard let text = configuration.spPrivateKey else { return nil }
        if text.contains("-----BEGIN") { return Array(text.utf8) }
        var path = text
        if !path.hasPrefix("/"), let source = configuration.sourcePath {
            path = URL(fileURLWithPath: source).deletingLastPathComponent().appendingPathComponent(text).path
        }
        return FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? Array(text.utf8)
    }
}
