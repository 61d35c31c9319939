import Foundation
import SwiftASN1

/// Names of the algorithm and curve OIDs that appear in SAML metadata certificates.
public enum X509Names {
    public static let rsaEncryption = "1.2.840.113549.1.1.1"
    public static let ecPublicKey = "1.2.840.10045.2.1"

    static let names: [String: String] = [
        "1.2.840.113549.1.1.1": "rsaEncryption",
        "1.2.840.113549.1.1.2": "md2WithRSAEncryption",
        "1.2.840.113549.1.1.4": "md5WithRSAEncryption",
        "1.2.840.113549.1.1.5": "sha1WithRSAEncryption",
        "1.2.840.113549.1.1.10": "rsassaPss",
        "1.2.840.113549.1.1.11": "sha256WithRSAEncryption",
        "1.2.840.113549.1.1.12": "sha384WithRSAEncryption",
        "1.2.840.113549.1.1.13": "sha512WithRSAEncryption",
        "1.2.840.113549.1.1.14": "sha224WithRSAEncryption",
        "1.2.840.10040.4.1": "dsa",
        "1.2.840.10040.4.3": "dsaWithSHA1",
        "2.16.840.1.101.3.4.3.2": "dsaWithSHA256",
        "1.2.840.10045.2.1": "id-ecPublicKey",
        "1.2.840.10045.4.1": "ecdsaWithSHA1",
        "1.2.840.10045.4.3.2": "ecdsaWithSHA256",
        "1.2.840.10045.4.3.3": "ecdsaWithSHA384",
        "1.2.840.10045.4.3.4": "ecdsaWithSHA512",
        "1.3.101.112": "Ed25519",
        "1.3.101.113": "Ed448",
        "1.2.840.10045.3.1.1": "prime192v1",
        "1.2.840.10045.3.1.7": "prime256v1",
        "1.3.132.0.33": "secp224r1",
        "1.3.132.0.34": "secp384r1",
        "1.3.132.0.35": "secp521r1",
        "1.3.132.0.10": "secp256k1",
        "1.3.36.3.3.2.8.1.1.7": "brainpoolP256r1",
        "1.3.36.3.3.2.8.1.1.11": "brainpoolP384r1",
        "1.3.36.3.3.2.8.1.1.13": "brainpoolP512r1",
    ]

    /// Certificate signature algorithms built on SHA-1 or weaker digests.
    public static let sha1OrWorseSignatures: Set<String> = [
        "1.2.840.113549.1.1.2", "1.2.840.113549.1.1.4", "1.2.840.113549.1.1.5", "1.2.840.10040.4.3",
        "1.2.840.10045.4.1",
    ]

    public static func name(ofOID oid: String) -> String { names[oid] ?? oid }

    /// DER content bytes of each known OID -> its dotted form, so the common OIDs are not
    /// converted arc by arc for every certificate.
    private static let knownContents: [[UInt8]: String] = {
        var table: [[UInt8]: String] = [:]
        for oid in names.keys {
            let arcs = oid.split(separator: ".").compactMap { UInt($0) }
            guard arcs.count >= 2 else { continue }
            var bytes: [UInt8] = []
            for (index, arc) in ([arcs[0] * 40 + arcs[1]] + arcs.dropFirst(2)).enumerated() {
                _ = index
                var chunk: [UInt8] = [UInt8(arc & 0x7F)]
                var rest = arc >> 7
                while rest > 0 {
                    chunk.insert(UInt8(rest & 0x7F) | 0x80, at: 0)
                    rest >>= 7
                }
                bytes += chunk
            }
            table[bytes] = oid
        }
        return table
    }()

    /// The dotted form of an OBJECT IDENTIFIER node.
    static func dotted(_ node: ASN1Node) throws -> String {
        if node.identifier == .objectIdentifier, case .primitive(let content) = node.content, let known = knownContents[Array(content)] {
            return known
        }
        return try ASN1ObjectIdentifier(derEncoded: node).description
    }

    /// `2026-01-01`, UTC.
    public static func day(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        var days = seconds / 86_400
        if seconds < 0 && seconds % 86_400 != 0 { days -= 1 }
        let (y, m, d) = civil(fromDays: days)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(y)-\(two(m))-\(two(d))"
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
