import Foundation
import SAMLLint
import Testing

/// Seeded random strings built from the characters tricks are made of: the evaluator never crashes,
/// and whatever it calls `verified` really is a plain address at an organization domain.
@Suite("Email trust fuzz")
struct EmailTrustFuzzTests {
    static let pieces: [String] = [
        "a", "e", "x", "m", "p", "l", "1", "0", ".", "@", "example", "com", "evil", "-", "_", "+", "%", "!", "\"",
        "(", ")", "<", ">", ",", ";", ":", "\\", " ", "\t", "[", "]", "а", "е", "о", "ｅ", "．", "。", "＠", "\u{200B}",
        "\u{00AD}", "\u{202E}", "\u{0301}", "ß", "ü", "xn--", "example.com", ".example.com", "sub.", "#EXT#",
    ]

    /// A small deterministic generator (SplitMix64), so failures reproduce.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func verifiedMeansPlainAddressAtOrganizationDomain() throws {
        var generator = Generator(state: 20_260_101)
        let policies = [
            "organization:\n  domains: [example.com]\n",
            "organization:\n  domains: [example.com]\n  subdomains: allow\n  allowProfilesOutsideOrganization: true\n",
        ]
        var verified = 0
        for yaml in policies {
            let evaluator = EmailTrustEvaluator(context: LintContext(configuration: try Configuration.parse(yaml: yaml)))
            for _ in 0..<4000 {
                let count = Int(generator.next() % 12) + 1
                var text = ""
                for _ in 0..<count { text += Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))] }
                // Half the cases look like an address at the organization domain.
                if generator.next() % 2 == 0 { text += "@example.com" }
                let result = evaluator.evaluate(text)
                guard result.verdict == .verified else { continue }
                verified += 1
                let address = try #require(result.address, "\(text.debugDescription) verified without parsing")
                let domain = address.domain.ascii
                #expect(domain == "example.com" || (yaml.contains("allow") && domain.hasSuffix(".example.com")), "\(text.debugDescription) -> \(domain)")
                #expect(result.lookalike == nil)
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                #expect(trimmed.filter { $0 == "@" }.count == 1, "\(text.debugDescription)")
                #expect(!trimmed.contains { "\"()<>,;:\\%!＠ \t".contains($0) }, "\(text.debugDescription)")
                #expect(!trimmed.unicodeScalars.contains { $0.properties.isDefaultIgnorableCodePoint }, "\(text.debugDescription)")
            }
        }
        #expect(verified > 0, "the generator never produced a plain address")
    }
}
