import Foundation
import SAMLXML
import Testing

/// Decoding the certificates made by scripts/make-cert-fixtures (fixtures/certs/).
@Suite("Certificate decoding")
struct CertificateDecoderTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures/certs")

    struct Expected: Sendable, CustomTestStringConvertible {
        let file: String
        let signature: String
        let key: String
        let rsaBits: Int?
        let curve: String?
        let notBefore: String
        let notAfter: String
        var testDescription: String { file }
    }

    static let table: [Expected] = [
        .init(file: "rsa2048-sha256", signature: "sha256WithRSAEncryption", key: "rsaEncryption", rsaBits: 2048, curve: nil, notBefore: "2000-01-01", notAfter: "2099-12-31"),
        .init(file: "rsa3072-sha384", signature: "sha384WithRSAEncryption", key: "rsaEncryption", rsaBits: 3072, curve: nil, notBefore: "2000-01-01", notAfter: "2099-12-31"),
        .init(file: "rsa1024-sha256", signature: "sha256WithRSAEncryption", key: "rsaEncryption", rsaBits: 1024, curve: nil, notBefore: "2000-01-01", notAfter: "2099-12-31"),
        .init(file: "rsa2048-sha1", signature: "sha1WithRSAEncryption", key: "rsaEncryption", rsaBits: 2048, curve: nil, notBefore: "2000-01-01", notAfter: "2099-12-31"),
        .init(file: "rsa2048-expired", signature: "sha256WithRSAEncryption", key: "rsaEncryption", rsaBits: 2048, curve: nil, notBefore: "1999-01-01", notAfter: "2001-01-01"),
        .init(file: "rsa2048-future", signature: "sha256WithRSAEncryption", key: "rsaEncryption", rsaBits: 2048, curve: nil, notBefore: "2090-01-01", notAfter: "2099-12-31"),
        .init(file: "ec-p256-sha256", signature: "ecdsaWithSHA256", key: "id-ecPublicKey", rsaBits: nil, curve: "prime256v1", notBefore: "2000-01-01", notAfter: "2099-12-31"),
        .init(file: "ec-p384-sha384", signature: "ecdsaWithSHA384", key: "id-ecPublicKey", rsaBits: nil, curve: "secp384r1", notBefore: "2000-01-01", notAfter: "2099-12-31"),
        .init(file: "ec-p192-sha256", signature: "ecdsaWithSHA256", key: "id-ecPublicKey", rsaBits: nil, curve: "prime192v1", notBefore: "2000-01-01", notAfter: "2099-12-31"),
    ]

    static func der(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: fixtures.appendingPathComponent(name + ".der")))
    }

    @Test("fixture certificates decode to what openssl made", arguments: table)
    func decodesFixture(_ expected: Expected) throws {
        let facts = try CertificateDecoder.decode(der: try Self.der(expected.file))
        #expect(facts.signatureAlgorithmName == expected.signature)
        #expect(facts.publicKeyAlgorithmName == expected.key)
        #expect(facts.rsaModulusBits == expected.rsaBits)
        #expect(facts.ecCurveName == expected.curve)
        #expect(X509Names.day(facts.notBefore) == expected.notBefore)
        #expect(X509Names.day(facts.notAfter) == expected.notAfter)
        #expect(facts.usesSHA1OrWorseSignature == (expected.signature == "sha1WithRSAEncryption"))
    }

    @Test func exactValidityTimes() throws {
        let facts = try CertificateDecoder.decode(der: try Self.der("rsa2048-sha256"))
        // 20991231235959Z (GeneralizedTime) and 000101000000Z (UTCTime)
        #expect(facts.notAfter.timeIntervalSince1970 == 4_102_444_799)
        #expect(facts.notBefore.timeIntervalSince1970 == 946_684_800)
    }

    @Test func base64WithLineBreaksDecodes() throws {
        let text = Data(try Self.der("rsa2048-sha256")).base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        #expect(try CertificateDecoder.decode(base64: "\n  " + text + "\n").rsaModulusBits == 2048)
    }

    @Test("garbage is a clear error, never a crash", arguments: ["", "MIIC", "!!!!", "-----BEGIN CERTIFICATE-----MIIB", "AAAA", "MAA="])
    func garbage(_ text: String) {
        #expect(throws: CertificateDecodingError.self) { try CertificateDecoder.decode(base64: text) }
    }

    /// Every truncation and many single-byte corruptions of a real certificate: a result or an
    /// error, never a crash.
    @Test func truncatedAndCorruptedDER() throws {
        let der = try Self.der("ec-p256-sha256")
        var errors = 0
        for length in stride(from: 0, to: der.count, by: 7) {
            if (try? CertificateDecoder.decode(der: Array(der.prefix(length)))) == nil { errors += 1 }
        }
        #expect(errors == (0..<der.count).filter { $0 % 7 == 0 }.count, "every truncation must fail")
        let original = try CertificateDecoder.decode(der: der)
        var generator = SplitMix(seed: 42)
        var decoded = 0
        for _ in 0..<500 {
            var copy = der
            copy[Int(generator.next() % UInt64(copy.count))] = UInt8(truncatingIfNeeded: generator.next())
            if (try? CertificateDecoder.decode(der: copy)) != nil { decoded += 1 }
        }
        print("corrupted certificates still decodable: \(decoded) of 500")
        // The signature value is not read: corrupting its last bytes changes no fact.
        for offset in 1...8 {
            var copy = der
            copy[copy.count - offset] ^= 0x5A
            #expect(try CertificateDecoder.decode(der: copy) == original)
        }
    }

    /// The run-wide cache gives what a decode gives, for good and bad text, including two texts
    /// that share their last 256 bytes (the part the key hashes), and stays bounded.
    @Test func cacheAgreesWithTheDecoder() throws {
        let cache = CertificateCache(maxEntries: 4)
        let good = Data(try Self.der("rsa2048-sha256")).base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        let expired = Data(try Self.der("rsa2048-expired")).base64EncodedString()
        // Same length and tail, different head: the same key, told apart by the full comparison.
        let sameTail = "X" + good.dropFirst()
        let texts = [good, expired, sameTail, "!!!!", "", "MAA=", good, sameTail, expired, "AAAA", good]
        for text in texts {
            let bytes = Array(text.utf8)
            let entry = bytes.withUnsafeBufferPointer { cache.decode(base64UTF8: $0) }
            let der = try? CertificateDecoder.derBytes(base64UTF8: bytes)
            #expect(entry.der == (der ?? []))
            switch (entry.facts, Result { try CertificateDecoder.decode(base64: text) }) {
            case let (.success(cached), .success(fresh)): #expect(cached == fresh)
            case let (.failure(cached), .failure(fresh)): #expect(cached == (fresh as? CertificateDecodingError))
            default: Issue.record("cache and decoder disagree on \(text.prefix(20))")
            }
        }
    }

    @Test func oversizedInputIsRefused() {
        #expect(throws: CertificateDecodingError.self) {
            try CertificateDecoder.decode(der: [UInt8](repeating: 0x30, count: CertificateDecoder.maxBytes + 1))
        }
    }
}

/// A tiny deterministic generator for corruption tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
