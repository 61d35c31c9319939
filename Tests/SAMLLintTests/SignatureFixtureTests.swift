import Foundation
import SAMLLint
import SAMLXML
import Testing

/// One signed fixture of fixtures/signature/ (made by scripts/make-signed-fixtures) and its verdict.
struct SignatureFixtureCase: CustomTestStringConvertible, Sendable {
    let file: String
    /// Certificate file in fixtures/signature/keys trusted for this case (nil: no trusted key).
    let trust: String?
    let spKey: String?
    /// Rules that must report at error level.
    let errors: [String]
    /// Other rules that must report (at their own severity).
    let notes: [String]
    /// When true, no signature/* finding at warning or above is allowed besides `errors`.
    let clean: Bool
    var testDescription: String { "\(file) trust=\(trust ?? "none")" }

    init(_ file: String, trust: String? = "idp.der", spKey: String? = nil, errors: [String] = [], notes: [String] = []) {
        self.file = file
        self.trust = trust
        self.spKey = spKey
        self.errors = errors
        self.notes = notes
        self.clean = errors.isEmpty
    }

    static let all: [SignatureFixtureCase] = [
        .init("valid-assertion-signed.xml"),
        .init("valid-response-signed.xml"),
        .init("valid-both-signed.xml"),
        .init("valid-bare-assertion.xml"),
        .init("valid-c14n10.xml"),
        .init("valid-uri-empty.xml"),
        .init("valid-assertion-signed.xml", trust: nil, notes: ["signature/no-trusted-key"]),
        .init("sha1-signed.xml", notes: ["signature/sha1"]),
        .init("weak-key-signed.xml", trust: "weak.der", notes: ["signature/weak-key"]),
        .init("encrypted-oaep-aes128cbc.xml", spKey: "sp.key"),
        .init("encrypted-response-signed.xml", spKey: "sp.key"),
        .init("encrypted-response-signed.xml"),
        .init("encrypted-rsa15-aes256gcm.xml", spKey: "sp.key", notes: ["assertion/rsa15-key-transport"]),
        .init("encrypted-oaep-aes128cbc.xml", spKey: "attacker.key", errors: ["signature/decryption-failed"]),
        .init("unsigned.xml", errors: ["signature/unsigned-assertion"]),
        .init("tampered-nameid.xml", errors: ["signature/invalid"]),
        .init("tampered-nameid.xml", trust: nil, errors: ["signature/invalid"]),
        .init("tampered-response.xml", errors: ["signature/invalid"]),
        .init("comment-injected.xml", errors: ["assertion/comment-in-value"]),
        .init("attacker-signed.xml", errors: ["signature/invalid"], notes: ["signature/untrusted-key"]),
        .init("hmac-signed.xml", errors: ["signature/hmac"]),
        .init("xpath-transform.xml", errors: ["signature/disallowed-transform"]),
        .init("duplicate-id.xml", errors: ["signature/duplicate-id", "signature/wrapping"]),
        .init("second-assertion.xml", errors: ["signature/wrapping"]),
        .init("xsw1.xml", errors: ["signature/wrapping", "signature/unsigned-assertion"]),
        .init("xsw2.xml", errors: ["signature/wrapping", "signature/unsigned-assertion"]),
        .init("xsw3.xml", errors: ["signature/wrapping", "signature/unsigned-assertion"]),
        .init("xsw4.xml", errors: ["signature/wrapping", "signature/unsigned-assertion"]),
        .init("xsw5.xml", errors: ["signature/wrapping", "signature/unsigned-assertion"]),
        .init("xsw6.xml", errors: ["signature/wrapping", "signature/unsigned-assertion"]),
        .init("xsw7.xml", errors: ["signature/wrapping", "signature/unsigned-assertion"]),
        .init("xsw8.xml", errors: ["signature/wrapping", "signature/unsigned-assertion"]),
        .init("xsw8-enveloping.xml", errors: ["signature/wrapping", "signature/unsigned-assertion"]),
        .init("xsw3.xml", trust: nil, errors: ["signature/wrapping", "signature/unsigned-assertion"]),
    ]
}

@Suite("Signature fixtures")
struct SignatureFixtureTests {
    static let folder = TestSupport.repositoryRoot.appendingPathComponent("fixtures/signature")

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    static func lint(_ file: String, trust: String?, spKey: String?) throws -> InputReport {
        var context = LintContext(now: TestSupport.fixedNow)
        if let trust { context.signature.trustedCertificates = CertificateFile.certificates(in: try bytes("keys/" + trust)) }
        if let spKey { context.signature.spPrivateKey = try bytes("keys/" + spKey) }
        return Linter(context: context).lint(bytes: try bytes(file), path: file)
    }

    @Test("each fixture gets its verdict", arguments: SignatureFixtureCase.all)
    func verdict(_ testCase: SignatureFixtureCase) throws {
        let report = try Self.lint(testCase.file, trust: testCase.trust, spKey: testCase.spKey)
        let found = report.findings.map { "\($0.ruleId):\($0.severity.rawValue)" }
        for rule in testCase.errors {
            #expect(report.findings.contains { $0.ruleId == rule && $0.severity == .error }, "\(rule) expected at error; got \(found)")
        }
        for rule in testCase.notes {
            #expect(report.findings.contains { $0.ruleId == rule }, "\(rule) expected; got \(found)")
        }
        if testCase.clean {
            let loud = report.findings.filter { $0.ruleId.hasPrefix("signature/") && $0.severity >= .warning && !testCase.notes.contains($0.ruleId) }
            #expect(loud.isEmpty, "unexpected: \(loud.map { "\($0.ruleId): \($0.message)" })")
            #expect(report.messages.first?.assertions ?? 0 >= 1)
        }
    }

    @Test func decryptedAssertionIsLintedInPlace() throws {
        let report = try Self.lint("encrypted-oaep-aes128cbc.xml", trust: "idp.der", spKey: "sp.key")
        #expect(!report.findings.contains { $0.ruleId == "assertion/encrypted-unreadable" })
        #expect(report.messages.first?.profile != nil, "the decrypted assertion's profile is built")
        #expect(report.messages.first?.attributes == 3)
    }

    @Test func verifierUsesOnlyTheGivenKeys() throws {
        let document = try XMLDocument.parse(try Self.bytes("attacker-signed.xml"))
        let ids = SAMLIDs.register(in: document)
        let signature = try #require(document.select("//ds:Signature").first)
        let idp = CertificateFile.certificates(in: try Self.bytes("keys/idp.crt"))
        let attacker = CertificateFile.certificates(in: try Self.bytes("keys/attacker.crt"))
        #expect(!SignatureVerifier.verify(signature, certificates: idp).isValid)
        #expect(SignatureVerifier.verify(signature, certificates: attacker).isValid)
        let facts = SignatureFacts(signature, ids: ids)
        #expect(facts.references.first?.target?.localName == "Assertion")
        #expect(facts.keyInfoCertificates == attacker)
    }

    @Test func verificationLeavesTheDocumentAsItWas() throws {
        let bytes = try Self.bytes("valid-assertion-signed.xml")
        let document = try XMLDocument.parse(bytes)
        _ = SAMLIDs.register(in: document)
        let before = document.select("//*").map { "\($0.readablePath)@\($0.line):\($0.column)" }
        let signature = try #require(document.select("//ds:Signature").first)
        #expect(SignatureVerifier.verify(signature, certificates: CertificateFile.certificates(in: try Self.bytes("keys/idp.der"))).isValid)
        let after = document.select("//*").map { "\($0.readablePath)@\($0.line):\($0.column)" }
        #expect(before == after)
    }

    @Test func keyFacts() throws {
        let facts = try #require(CertificateKeyFacts(der: try Self.bytes("keys/weak.der")))
        #expect(facts.keyType == .rsa && facts.bits == 1024)
        #expect(CertificateKeyFacts(der: [1, 2, 3]) == nil)
    }

    @Test func certificateFilesInEveryForm() throws {
        let der = try Self.bytes("keys/idp.der")
        let pem = try Self.bytes("keys/idp.crt")
        #expect(CertificateFile.certificates(in: der) == [der])
        #expect(CertificateFile.certificates(in: pem) == [der])
        let bundle = pem + Array("\r\n".utf8) + (try Self.bytes("keys/attacker.crt"))
        #expect(CertificateFile.certificates(in: bundle).count == 2)
        let bare = Array(String(decoding: pem, as: UTF8.self).split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined(separator: "\n").utf8)
        #expect(CertificateFile.certificates(in: bare) == [der])
        #expect(CertificateFile.certificates(in: try Self.bytes("keys/idp.key")).isEmpty)
        let attacker = try Self.bytes("keys/attacker.der")
        #expect(CertificateKeyFacts.sameKey(der, der) && !CertificateKeyFacts.sameKey(der, attacker))
    }
}
