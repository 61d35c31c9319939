import Foundation
import SAMLLint
import SAMLXML
import Testing

/// The attack and validly-signed messages of ../shared/corpus (read in place, never copied), with
/// the verdicts their MANIFEST notes give: every attack flagged at error level, every validly signed
/// message verified with no signature finding at warning or above.
@Suite("Signature corpus")
struct SignatureCorpusTests {
    struct Entry {
        let path: String
        let kind: String
        let notes: String
    }

    /// MANIFEST rows about Responses and Assertions.
    static func entries(_ root: URL) throws -> [Entry] {
        let text = try String(contentsOf: root.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 8, ["response", "encrypted-response", "assertion", "authnrequest", "logout"].contains(columns[3]) else { return nil }
            return Entry(path: columns[0], kind: columns[3], notes: columns[7].lowercased())
        }
    }

    static let attackMarkers = [
        "xsw", "wrapping", "wrapped", "tamper", "hmac", "comment/text-node", "comment inside", "injected", "spoofed",
        "embedded cert", "expects invalid", "duplicate id", "invalid signature", "modified after signing",
        "disallowed transform", "reference uri malformed", "missing enveloped", "lacks id", "points outside",
        "more than one reference", "too many transforms",
    ]

    /// Signed requests whose signature covers only the Issuer (by a lowercase `Id`): intact, but what is
    /// signed is not the request, which samllint reports as wrapping.
    static let issuerOnlySignatures: Set<String> = [
        "samlify/test/misc/signed_request_sha1.xml", "samlify/test/misc/signed_request_sha256.xml",
        "samlify/test/misc/signed_request_sha512.xml",
    ]

    /// Signed files that were edited after signing (the `xmlsec1` command-line tool agrees: digest mismatch).
    static let notIntact: Set<String> = ["jackson/npm/test/sso/data/logout_response_failed.xml"]

    /// Attacks hidden inside an EncryptedAssertion need the SP key, which the corpus does not carry.
    static let needsSPKey: Set<String> = [
        "node-saml/test/static/signatures/invalid/response.root-signed.assertion-invalidly-signed-encrypted.xml",
    ]

    static func isAttack(_ entry: Entry) -> Bool {
        !entry.notes.contains("expects valid") && attackMarkers.contains { entry.notes.contains($0) }
    }

    /// Trusted certificates for a corpus file: node-saml's test IdP certificate, taken from the KeyInfo
    /// of one of its validly signed responses; nothing for other suites (integrity check only).
    static func trust(for path: String, root: URL) throws -> [[UInt8]] {
        guard path.hasPrefix("node-saml/") else { return [] }
        let source = root.appendingPathComponent("node-saml/test/static/signatures/valid/response.root-signed.assertion-unsigned.xml")
        let document = try XMLDocument.parse([UInt8](try Data(contentsOf: source)))
        let signature = try #require(document.select("//ds:Signature").first)
        return SignatureFacts(signature, ids: SAMLIDs.register(in: document)).keyInfoCertificates
    }

    static func lint(_ path: String, root: URL) throws -> InputReport {
        var context = LintContext(now: TestSupport.fixedNow)
        context.signature.trustedCertificates = try trust(for: path, root: root)
        let bytes = [UInt8](try Data(contentsOf: root.appendingPathComponent(path)))
        return Linter(context: context).lint(bytes: bytes, path: path)
    }

    @Test func everyAttackIsFlaggedAtErrorLevel() throws {
        guard let root = TestSupport.corpusRoot else {
            print("skipped: corpus absent")
            return
        }
        let attacks = try Self.entries(root).filter(Self.isAttack)
        #expect(attacks.count >= 40, "the MANIFEST should mark at least 40 attack messages; found \(attacks.count)")
        var flagged = 0
        for attack in attacks where !Self.needsSPKey.contains(attack.path) {
            let report = try Self.lint(attack.path, root: root)
            let errors = report.findings.filter { $0.severity == .error }
            #expect(!errors.isEmpty, "attack not flagged at error level: \(attack.path) (\(attack.notes.prefix(80))); got \(report.findings.map(\.ruleId))")
            if !errors.isEmpty { flagged += 1 }
        }
        print("signature corpus: \(flagged) of \(attacks.count - Self.needsSPKey.count) attacks flagged at error level (\(Self.needsSPKey.count) need the SP key)")
    }

    @Test func intactSignedRequestsHaveNoSignatureWarning() throws {
        guard let root = TestSupport.corpusRoot else {
            print("skipped: corpus absent")
            return
        }
        let requests = try Self.entries(root).filter {
            ($0.kind == "authnrequest" || $0.kind == "logout") && $0.notes.contains("signature on:") && !Self.isAttack($0)
                && !Self.issuerOnlySignatures.contains($0.path) && !Self.notIntact.contains($0.path)
        }
        #expect(requests.count >= 8, "signed requests in the MANIFEST: \(requests.count)")
        for entry in requests {
            let report = try Self.lint(entry.path, root: root)
            let loud = report.findings.filter { $0.ruleId.hasPrefix("signature/") && $0.severity >= .warning }
            #expect(loud.isEmpty, "\(entry.path): \(loud.map { "\($0.ruleId): \($0.message)" })")
        }
    }

    @Test func validlySignedMessagesHaveNoSignatureWarning() throws {
        guard let root = TestSupport.corpusRoot else {
            print("skipped: corpus absent")
            return
        }
        let valid = try Self.entries(root).filter { $0.notes.contains("expects valid") }
        #expect(valid.count >= 8, "the MANIFEST should mark validly signed messages; found \(valid.count)")
        for entry in valid {
            let report = try Self.lint(entry.path, root: root)
            let loud = report.findings.filter { $0.ruleId.hasPrefix("signature/") && $0.severity >= .warning }
            #expect(loud.isEmpty, "\(entry.path): \(loud.map { "\($0.ruleId): \($0.message)" })")
            #expect(report.findings.allSatisfy { $0.ruleId != "signature/no-trusted-key" }, "\(entry.path) was checked against a trusted key")
        }
    }
}
