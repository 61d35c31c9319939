import Foundation
import SAMLLint
import SAMLXML
import Testing

/// A small generated aggregate, streamed through the linter: every planted defect is found at its
/// entity and line, and nothing else at warning or above.
@Suite("Metadata aggregates")
struct MetadataAggregateTests {
    struct Planted: Hashable { let entityID: String; let rule: String; let line: Int }

    /// N entities; every 7th gets an expired signing certificate, every 11th a 1024-bit key,
    /// every 13th a SHA-1 certificate, every 17th an http:// SSO endpoint; one duplicate entityID.
    static func generate(entities: Int) -> (text: String, planted: Set<Planted>) {
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" Name=\"urn:test:generated\" validUntil=\"2026-01-10T00:00:00Z\">",
        ]
        var planted = Set<Planted>()
        for index in 0..<entities {
            let entityID = index == entities - 1 ? "https://idp0.example.org/idp" : "https://idp\(index).example.org/idp"
            var certificate = ExampleCertificates.good
            var rule: String?
            if index % 7 == 3 { certificate = ExampleCertificates.expired; rule = "metadata/cert-expired" }
            else if index % 11 == 5 { certificate = ExampleCertificates.weakRSA; rule = "metadata/cert-weak-key" }
            else if index % 13 == 6 { certificate = ExampleCertificates.sha1; rule = "metadata/cert-sha1-signature" }
            let http = index % 17 == 8 && rule == nil
            let entityLine = lines.count + 1
            lines.append("  <md:EntityDescriptor entityID=\"\(entityID)\">")
            lines.append("    <md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">")
            if let rule { planted.insert(Planted(entityID: entityID, rule: rule, line: lines.count + 1)) }
            lines.append("      <md:KeyDescriptor use=\"signing\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>")
            lines.append(certificate)
            lines.append("      </ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>")
            lines.append("      <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>")
            if http { planted.insert(Planted(entityID: entityID, rule: "metadata/http-endpoint", line: lines.count + 1)) }
            lines.append("      <md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\"\(http ? "http" : "https")://idp\(index).example.org/sso\"/>")
            lines.append("    </md:IDPSSODescriptor>")
            lines.append("  </md:EntityDescriptor>")
            if index == entities - 1 { planted.insert(Planted(entityID: entityID, rule: "metadata/duplicate-entity-id", line: entityLine)) }
        }
        lines.append("</md:EntitiesDescriptor>")
        return (lines.joined(separator: "\n"), planted)
    }

    @Test func plantedDefectsAreFoundByEntityAndLine() throws {
        let (text, planted) = Self.generate(entities: 120)
        let report = try TestSupport.lint(text, path: "aggregate.xml")
        #expect(report.error == nil)
        #expect(report.messages.first?.entities == 120)
        let found = Set(report.findings.filter { $0.severity >= .warning }.map {
            Planted(entityID: $0.location.entityID ?? "", rule: $0.ruleId, line: $0.location.line)
        })
        #expect(found.subtracting(planted).isEmpty, "unexpected: \(found.subtracting(planted).sorted { $0.line < $1.line }.prefix(5))")
        #expect(planted.subtracting(found).isEmpty, "missed: \(planted.subtracting(found).sorted { $0.line < $1.line }.prefix(5))")
        #expect(planted.count > 30)
    }

    @Test func fileAndBytesGiveTheSameFindings() throws {
        let (text, _) = Self.generate(entities: 40)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("samllint-aggregate-\(getpid()).xml")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let linter = Linter(context: LintContext(now: TestSupport.fixedNow))
        let fromFile = linter.lint(source: .file(url.path))
        let fromBytes = linter.lint(bytes: Array(text.utf8), path: url.path)
        #expect(!fromFile.findings.isEmpty)
        #expect(fromFile.findings == fromBytes.findings)
    }

    @Test func nowAutoSkipsTimeChecksWithANote() throws {
        let (text, _) = Self.generate(entities: 20)
        let linter = Linter(context: LintContext(now: nil))
        let report = linter.lint(inputs: [.memory(name: "aggregate.xml", bytes: Array(text.utf8))])
        #expect(!report.findings.contains { $0.ruleId == "metadata/cert-expired" })
        #expect(report.findings.contains { $0.ruleId == "metadata/cert-weak-key" })
        #expect(report.summary.notes.contains { $0.contains("--now auto") })
    }

    @Test func brokenEntityIsReportedAtItsLineAndTheRestIsLinted() throws {
        let (text, _) = Self.generate(entities: 10)
        let broken = text.replacingOccurrences(of: "<md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>\n      <md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\"https://idp2.",
            with: "<md:NameIDFormat>urn:x</md:NameIDFormatX>\n      <md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\"https://idp2.")
        #expect(broken != text)
        let report = try TestSupport.lint(broken, path: "aggregate.xml")
        let malformed = report.findings.filter { $0.ruleId == "input/malformed-xml" }
        #expect(malformed.count == 1)
        #expect(malformed.first?.location.line == 26)
        #expect(report.findings.contains { $0.ruleId == "metadata/cert-expired" && $0.location.entityID == "https://idp3.example.org/idp" })
    }
}
