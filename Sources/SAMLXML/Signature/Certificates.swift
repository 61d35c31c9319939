import Synchronization
import CLibXMLSec

/// Facts about an X.509 certificate's public key, read with OpenSSL.
public struct CertificateKeyFacts: Sendable, Equatable {
    public enum KeyType: String, Sendable { case rsa = "RSA", ec = "EC", dsa = "DSA", other }
    public let keyType: KeyType
    public let bits: Int

    /// nil when the bytes are not a DER certificate. Remembered per distinct certificate for the
    /// run (OpenSSL 3's decode of the key is costly; a folder from one IdP repeats one certificate).
    public init?(der: [UInt8]) {
        if let known = Self.cache.withLock({ $0[DERKey(der)] }) {
            guard let known else { return nil }
            self = known
            return
        }
        let read = Self(reading: der)
        Self.cache.withLock { cache in
            if cache.count >= 256 { cache.removeAll() }
            cache[DERKey(der)] = .some(read)
        }
        guard let read else { return nil }
        self = read
    }

    private static let cache = Mutex<[DERKey: CertificateKeyFacts?]>([:])

    private init?(reading der: [UInt8]) {
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
final class XMLSecKey: @unchecked Sendable {
    let pointer: xmlSecKeyPtr

    /// Takes ownership of a loaded key.
    private init(owning pointer: xmlSecKeyPtr) { self.pointer = pointer }

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

    /// The public key of a DER certificate, loaded once per distinct certificate for the run:
    /// OpenSSL 3 decodes a key through its provider machinery behind process-wide locks, which cost
    /// a millisecond per signature on a folder of responses from one IdP. Kept without the
    /// certificate itself, so each verification's copy only takes a reference.
    static func publicKey(certificateDER der: [UInt8]) -> XMLSecKey? {
        if let known = keyCache.withLock({ $0[DERKey(der)] }) { return known }
        guard let loaded = XMLSecKey(certificateDER: der), let bare = cxmlsec_key_value_only(loaded.pointer) else { return nil }
        let key = XMLSecKey(owning: bare)
        keyCache.withLock { cache in
            if cache.count >= maxCachedKeys { cache.removeAll() }
            cache[DERKey(der)] = key
        }
        return key
    }

    private static let maxCachedKeys = 256
    private static let keyCache = Mutex<[DERKey: XMLSecKey]>([:])
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

/// DER bytes as a dictionary key hashed in one call (an array of bytes hashes byte by byte).
struct DERKey: Hashable {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }
    func hash(into hasher: inout Hasher) { hasher.combine(bytes.withUnsafeBytes(FastHash.of)) }
}
