import CLibXMLSec

/// Facts about an X.509 certificate's public key, read with OpenSSL.
public struct CertificateKeyFacts: Sendable, Equatable {
    public enum KeyType: String, Sendable { case rsa = "RSA", ec = "EC", dsa = "DSA", other }
    public let keyType: KeyType
    public let bits: Int

    /// nil when the bytes are not a DER certificate.
    public init?(der: [UInt8]) {
        var bits: Int32 = 0
        var nid: Int32 = 0
        let ok = der.withUnsafeBufferPointer { buffer in
            cxmlsec_cert_key_facts(buffer.baseAddress, buffer.count, &bits, &nid)
        }
        guard ok == 1 else { return nil }
        self.bits = Int(bits)
        switch nid {
        case cxmlsec_nid_rsa(): keyType = .rsa
        case cxmlsec_nid_ec(): keyType = .ec
        case cxmlsec_nid_dsa(): keyType = .dsa
        default: keyType = .other
        }
    }
}

/// Reading certificates given by the user (`--idp-cert`, `--metadata-trust`).
public enum CertificateFile {
    /// The DER certificates in `bytes`: every PEM `CERTIFICATE` block, or the bytes themselves when
    /// they are DER. Empty when nothing usable is found.
    public static func certificates(in bytes: [UInt8]) -> [[UInt8]] {
        let text = String(decoding: bytes, as: UTF8.self)
        if text.contains("-----BEGIN CERTIFICATE-----") {
            var result: [[UInt8]] = []
            var rest = Substring(text)
            while let begin = rest.range(of: "-----BEGIN CERTIFICATE-----") {
                let after = rest[begin.upperBound...]
                guard let end = after.range(of: "-----END CERTIFICATE-----") else { break }
                if let der = Base64.decode(String(after[..<end.lowerBound])), CertificateKeyFacts(der: der) != nil {
                    result.append(der)
                }
                rest = after[end.upperBound...]
            }
            return result
        }
        if CertificateKeyFacts(der: bytes) != nil { return [bytes] }
        // Bare base64 (as pasted from metadata).
        if let der = Base64.decode(text), CertificateKeyFacts(der: der) != nil { return [der] }
        return []
    }
}

extension Substring {
    fileprivate func range(of needle: String) -> Range<Index>? {
        guard !needle.isEmpty else { return nil }
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(needle) { return index..<self.index(index, offsetBy: needle.count) }
            index = self.index(after: index)
        }
        return nil
    }
}

extension String {
    fileprivate func contains(_ needle: String) -> Bool { Substring(self).range(of: needle) != nil }
}

/// An xmlsec key owned by Swift.
final class XMLSecKey {
    let pointer: xmlSecKeyPtr
    init?(_ bytes: [UInt8], format: Int32) {
        _ = XMLSec.isAvailable
        guard !bytes.isEmpty, bytes.count < Int(UInt32.max) else { return nil }
        let (key, _) = XMLSec.capture {
            bytes.withUnsafeBufferPointer { cxmlsec_key_from_memory($0.baseAddress, UInt32($0.count), format) }
        }
        guard let key else { return nil }
        pointer = key
    }
    /// The public key of a DER certificate.
    convenience init?(certificateDER: [UInt8]) { self.init(certificateDER, format: cxmlsec_format_cert_der()) }
    deinit { xmlSecKeyDestroy(pointer) }

    /// A copy that a context may own and destroy.
    func duplicate() -> xmlSecKeyPtr? { xmlSecKeyDuplicate(pointer) }
}

extension CertificateKeyFacts {
    /// Whether two DER certificates carry the same public key (a re-issued certificate does).
    public static func sameKey(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        if a == b { return true }
        return a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in cxmlsec_cert_same_key(pa.baseAddress, pa.count, pb.baseAddress, pb.count) == 1 }
        }
    }
}
