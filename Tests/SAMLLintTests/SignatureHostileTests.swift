import Foundation
import SAMLLint
import Testing

/// Broken and hostile signatures: never a crash, always a finding at warning or above (error for all
/// but a garbage KeyInfo certificate beside a signature the trusted key verifies).
@Suite("Hostile signatures")
struct SignatureHostileTests {
    static let valid = String(decoding: (try? SignatureFixtureTests.bytes("valid-assertion-signed.xml")) ?? [], as: UTF8.self)

    static func referenceBlock(_ text: String) -> String {
        guard let start = text.range(of: "<ds:Reference "), let end = text.range(of: "</ds:Reference>") else { return "" }
        return String(text[start.lowerBound..<end.upperBound])
    }

    static let mutations: [(String, @Sendable (String) -> String)] = [
        ("empty signature", { $0.replacingOccurrences(of: #"<ds:Signature[\s\S]*</ds:Signature>"#, with: #"<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"/>"#, options: .regularExpression) }),
        ("no SignedInfo", { $0.replacingOccurrences(of: #"<ds:SignedInfo>[\s\S]*</ds:SignedInfo>"#, with: "", options: .regularExpression) }),
        ("dangling reference", { $0.replacingOccurrences(of: ##"URI="#_assertion-1""##, with: ##"URI="#nowhere""##) }),
        ("external reference", { $0.replacingOccurrences(of: ##"URI="#_assertion-1""##, with: ##"URI="http://evil.example/a.xml""##) }),
        ("garbage signature value", { $0.replacingOccurrences(of: #"<ds:SignatureValue>[^<]*"#, with: "<ds:SignatureValue>!!!notbase64", options: .regularExpression) }),
        ("garbage certificate", { $0.replacingOccurrences(of: #"<ds:X509Certificate>[^<]*"#, with: "<ds:X509Certificate>AAAA", options: .regularExpression) }),
        ("too many references", { text in
            let block = referenceBlock(text)
            return text.replacingOccurrences(of: block, with: String(repeating: block, count: 20))
        }),
        ("unknown algorithms", { $0.replacingOccurrences(of: "xmldsig-more#rsa-sha256", with: "xmldsig-more#rsa-whirlpool") }),
    ]

    @Test("a broken signature is an error, not a crash", arguments: mutations.indices)
    func broken(_ index: Int) throws {
        let (name, mutate) = Self.mutations[index]
        let text = mutate(Self.valid)
        #expect(text != Self.valid, "\(name): mutation did not apply")
        var context = LintContext(now: TestSupport.fixedNow)
        context.signature.trustedCertificates = try SignatureTrustTests.certificates("idp.der")
        let report = Linter(context: context).lint(bytes: Array(text.utf8), path: name)
        let minimum: Severity = name == "garbage certificate" ? .warning : .error
        let errors = report.findings.filter { $0.ruleId.hasPrefix("signature/") && $0.severity >= minimum }
        #expect(!errors.isEmpty, "\(name): \(report.findings.map { "\($0.ruleId) \($0.message)" })")
    }
}
