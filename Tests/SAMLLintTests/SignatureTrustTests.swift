import Foundation
import SAMLLint
import SAMLXML
import Testing

/// Where trusted keys come from (--metadata, --metadata-trust) and parallel runs.
@Suite("Signature trust sources")
struct SignatureTrustTests {
    static let folder = SignatureFixtureTests.folder

    static func certificates(_ name: String) throws -> [[UInt8]] {
        CertificateFile.certificates(in: try SignatureFixtureTests.bytes("keys/" + name))
    }

    @Test func metadataCertificatesAreTrusted() throws {
        let trust = try MetadataTrust.load(paths: [Self.folder.appendingPathComponent("metadata-signed.xml").path])
        #expect(trust.allSigningCertificates == (try Self.certificates("idp.der")))
        let linter = Linter(context: LintContext(now: TestSupport.fixedNow, metadata: trust))
        let valid = linter.lint(bytes: try SignatureFixtureTests.bytes("valid-assertion-signed.xml"), path: "valid.xml")
        #expect(!valid.findings.contains { $0.ruleId.hasPrefix("signature/") }, "\(valid.findings.map(\.ruleId))")
        let forged = linter.lint(bytes: try SignatureFixtureTests.bytes("attacker-signed.xml"), path: "forged.xml")
        #expect(forged.findings.contains { $0.ruleId == "signature/invalid" && $0.severity == .error })
    }

    @Test("metadata signature against --metadata-trust", arguments: [
        ("metadata-signed.xml", "idp.der", false),
        ("metadata-signed.xml", "attacker.der", true),
        ("metadata-tampered.xml", "idp.der", true),
        ("metadata-unsigned.xml", "idp.der", true),
        ("metadata-unsigned.xml", nil, false),
    ] as [(String, String?, Bool)])
    func metadataTrust(file: String, anchor: String?, flagged: Bool) throws {
        var context = LintContext(now: TestSupport.fixedNow)
        if let anchor { context.signature.metadataTrustCertificates = try Self.certificates(anchor) }
        let report = Linter(context: context).lint(bytes: try SignatureFixtureTests.bytes(file), path: file)
        let hits = report.findings.filter { $0.ruleId == "metadata/signature-invalid" }
        #expect(hits.isEmpty != flagged, "\(file) with \(anchor ?? "no anchor"): \(hits.map(\.message))")
    }

    @Test func parallelRunsMatchSerialRuns() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".xml") }.sorted()
        var context = LintContext(now: TestSupport.fixedNow)
        context.signature.trustedCertificates = try Self.certificates("idp.der")
        context.signature.spPrivateKey = try SignatureFixtureTests.bytes("keys/sp.key")
        let linter = Linter(context: context)
        let inputs = files.map { InputSource.file(Self.folder.appendingPathComponent($0).path) }
        let parallel = linter.lint(inputs: inputs + inputs, parallel: true)
        let serial = linter.lint(inputs: inputs + inputs, parallel: false)
        #expect(parallel.inputs.count == files.count * 2)
        #expect(parallel.inputs.map(\.findings) == serial.inputs.map(\.findings))
    }
}
