import Foundation
import SwiftASN1

/// Why a certificate could not be decoded. One clear line.
public struct CertificateDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { "certificate cannot be decoded: \(reason)" }
}

/// Decodes only what the metadata rules need from a DER X.509 certificate with swift-asn1:
/// validity, signature algorithm, key algorithm, RSA modulus size and EC curve. Extensions, names
/// and the signature value are skipped unread.
public enum CertificateDecoder {
    /// Largest certificate accepted, in bytes (metadata certificates are 1-3 KB).
    public static let maxBytes = 64 * 1024

    /// Decodes the base64 text of a `ds:X509Certificate` (whitespace allowed).
    public static func decode(base64 text: String) throws(CertificateDecodingError) -> CertificateFacts {
        try decode(base64UTF8: Array(text.utf8))
    }

    /// Decodes base64 given as UTF-8 bytes (whitespace allowed).
    public static func decode(base64UTF8 bytes: [UInt8]) throws(CertificateDecodingError) -> CertificateFacts {
        try decode(der: derBytes(base64UTF8: bytes))
    }

    /// The DER bytes of base64 text (whitespace allowed), with the same errors as `decode`.
    public static func derBytes(base64UTF8 bytes: [UInt8]) throws(CertificateDecodingError) -> [UInt8] {
        try bytes.withUnsafeBufferPointer { buffer throws(CertificateDecodingError) in try derBytes(base64UTF8: buffer) }
    }

    /// The DER bytes of base64 text read in place (see `XMLNode.withTextBytes`).
    public static func derBytes(base64UTF8 bytes: UnsafeBufferPointer<UInt8>) throws(CertificateDecodingError) -> [UInt8] {
        if bytes.count > maxBytes * 2 { throw CertificateDecodingError("larger than \(maxBytes) bytes") }
        guard let der = Base64.decode(bytes) else { throw CertificateDecodingError("not valid base64") }
        if der.isEmpty { throw CertificateDecodingError("the X509Certificate element is empty") }
        return der
    }

    /// Decodes DER bytes.
    public static func decode(der: [UInt8]) throws(CertificateDecodingError) -> CertificateFacts {
        if der.isEmpty { throw CertificateDecodingError("no bytes") }
        if der.count > maxBytes { throw CertificateDecodingError("larger than \(maxBytes) bytes") }
        do {
            return try parse(der[...])
        } catch let error as CertificateDecodingError {
            throw error
        } catch {
            throw CertificateDecodingError("not a DER X.509 certificate (\(Self.describe(error)))")
        }
    }

    private static func describe(_ error: any Error) -> String {
        let text = "\(error)"
        return text.count > 120 ? String(text.prefix(120)) + "…" : text
    }

    /// Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue }
    private static func parse(_ der: ArraySlice<UInt8>) throws -> CertificateFacts {
        var outer = DERSkipper(der)
        let certificate = try outer.next(expecting: 0x30, "Certificate")
        guard outer.atEnd else { throw CertificateDecodingError("bytes after the certificate") }
        var parts = DERSkipper(certificate.content)
        let tbs = try parts.next(expecting: 0x30, "TBSCertificate")
        let algorithm = try parts.next(expecting: 0x30, "signatureAlgorithm")
        _ = try parts.next(expecting: 0x03, "signatureValue")
        guard parts.atEnd else { throw CertificateDecodingError("extra fields in Certificate") }
        var facts = try parseTBS(tbs.content)
        facts.signatureAlgorithmOID = try algorithmOID(DER.parse(algorithm.element))
        return facts
    }

    /// TBSCertificate ::= SEQUENCE { [0] version OPTIONAL, serialNumber, signature, issuer,
    /// validity, subject, subjectPublicKeyInfo, ... } — names and extensions are stepped over.
    private static func parseTBS(_ content: ArraySlice<UInt8>) throws -> CertificateFacts {
        var fields = DERSkipper(content)
        var item = try fields.next()
        if item.tag == 0xA0 { item = try fields.next() }  // version
        guard item.tag == 0x02 else { throw CertificateDecodingError("no serialNumber") }
        _ = try fields.next(expecting: 0x30, "signature algorithm in TBSCertificate")
        _ = try fields.next(expecting: 0x30, "issuer")
        let validity = try fields.next(expecting: 0x30, "validity")
        let (notBefore, notAfter) = try DER.sequence(DER.parse(validity.element), identifier: .sequence) { times in
            guard let first = times.next(), let second = times.next() else { throw CertificateDecodingError("validity is incomplete") }
            return (try time(first), try time(second))
        }
        _ = try fields.next(expecting: 0x30, "subject")
        let spki = try DER.parse(fields.next(expecting: 0x30, "subjectPublicKeyInfo").element)
        var facts = CertificateFacts(notBefore: notBefore, notAfter: notAfter, signatureAlgorithmOID: "", publicKeyAlgorithmOID: "")
        try DER.sequence(spki, identifier: .sequence) { parts in
            guard let algorithm = parts.next(), let key = parts.next() else {
                throw CertificateDecodingError("subjectPublicKeyInfo is incomplete")
            }
            let (oid, parameters) = try algorithmIdentifier(algorithm)
            facts.publicKeyAlgorithmOID = oid
            if oid == X509Names.ecPublicKey, let parameters, parameters.identifier == .objectIdentifier {
                facts.ecCurveOID = try X509Names.dotted(parameters)
            }
            if oid == X509Names.rsaEncryption {
                let bits = try ASN1BitString(derEncoded: key)
                facts.rsaModulusBits = try rsaModulusBits(bits.bytes)
            }
        }
        // The rest (issuerUniqueID, subjectUniqueID, extensions) is not needed.
        return facts
    }

    private static func rsaModulusBits(_ keyBytes: ArraySlice<UInt8>) throws -> Int {
        let node = try DER.parse(keyBytes)
        return try DER.sequence(node, identifier: .sequence) { parts in
            guard let modulusNode = parts.next(), modulusNode.identifier == .integer,
                case .primitive(var modulus) = modulusNode.content, parts.next() != nil
            else { throw CertificateDecodingError("RSA public key is not SEQUENCE { modulus, exponent }") }
            while let first = modulus.first, first == 0 { modulus = modulus.dropFirst() }
            guard let first = modulus.first else { return 0 }
            return (modulus.count - 1) * 8 + (8 - first.leadingZeroBitCount)
        }
    }

    private static func algorithmOID(_ node: ASN1Node) throws -> String { try algorithmIdentifier(node).0 }

    private static func algorithmIdentifier(_ node: ASN1Node) throws -> (String, ASN1Node?) {
        try DER.sequence(node, identifier: .sequence) { parts in
            guard let oidNode = parts.next() else { throw CertificateDecodingError("empty AlgorithmIdentifier") }
            let oid = try X509Names.dotted(oidNode)
            let parameters = parts.next()
            return (oid, parameters)
        }
    }

    private static func time(_ node: ASN1Node) throws -> Date {
        let y: Int, mo: Int, d: Int, h: Int, mi: Int, s: Int
        if node.identifier == .utcTime {
            let t = try UTCTime(derEncoded: node)
            (y, mo, d, h, mi, s) = (t.year, t.month, t.day, t.hours, t.minutes, t.seconds)
        } else if node.identifier == .generalizedTime {
            let t = try GeneralizedTime(derEncoded: node)
            (y, mo, d, h, mi, s) = (t.year, t.month, t.day, t.hours, t.minutes, t.seconds)
        } else {
            throw CertificateDecodingError("validity time is neither UTCTime nor GeneralizedTime")
        }
        let days = X509Names.days(year: y, month: mo, day: d)
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + h * 3600 + mi * 60 + s))
    }
}
