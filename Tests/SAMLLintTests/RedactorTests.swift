import Foundation
import SAMLLint
import Testing

@Suite("Redaction")
struct RedactorTests {
    static let secrets = ["jane.doe@example.com", "Doe", "Jane", "omar.haddad@example.com", "Haddad"]

    @Test("no email, name or id survives in any format", arguments: ReportFormat.allCases)
    func everyFormatIsMasked(_ format: ReportFormat) {
        let report = Redactor().redact(ReportFixtures.report())
        var out = format.reporter.render(report, options: ReportFixtures.options())
        if format == .sarif, let range = out.range(of: "\"tool\" : {") {
            out = String(out[..<range.lowerBound])  // rule documentation examples are not user data
        }
        for secret in Self.secrets {
            #expect(!out.contains(secret), "\(format.rawValue) still shows \(secret)")
        }
        if format == .json || format == .html {
            #expect(out.contains("@example.com"), "profiles keep the email domain")
        }
    }

    @Test func sameValueSameMaskAcrossPlaces() throws {
        let redactor = Redactor()
        let report = redactor.redact(ReportFixtures.report())
        let mask = redactor.mask("jane.doe@example.com")
        #expect(mask.hasPrefix("u-") && mask.hasSuffix("@example.com") && mask.count == "u-12345678@example.com".count)
        let profile = try #require(report.inputs.first { $0.path.hasSuffix(".xml") && $0.path.contains("odd") }?.messages.first?.profile)
        #expect(profile.email == mask)
        #expect(profile.rawAttributes["mail"] == [mask])
        // The untrimmed " Doe " keeps its spaces and shares the mask of "Doe".
        #expect(redactor.mask(" Doe ") == " \(redactor.mask("Doe")) ")
        #expect(redactor.mask("Doe").hasPrefix("name-"))
        #expect(redactor.mask("00u1ab2C3dE").hasPrefix("id-"))
        #expect(redactor.mask("") == "")
    }

    @Test("technical values stay readable, ids in URL form do not", arguments: [
        ("https://idp.example.com/saml", true), ("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent", true),
        ("http://www.w3.org/2000/09/xmldsig#rsa-sha1", true), ("2026-01-01T10:00:00Z", true),
        ("https://idp.example.com/idp!https://sp.example.com!a1b2c3", false), ("urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e", false),
        ("mailto:jane@example.com", false), ("Jane", false),
    ])
    func technicalValues(_ value: String, _ kept: Bool) {
        #expect((Redactor().mask(value) == value) == kept)
    }

    @Test func theKeyChangesTheMasks() {
        #expect(Redactor(key: "a").mask("Jane") != Redactor(key: "b").mask("Jane"))
        #expect(Redactor(key: "a").mask("Jane") == Redactor(key: "a").mask("Jane"))
    }

    @Test func freeTextIsMaskedOnce() {
        let redactor = Redactor()
        let finding = Finding(
            ruleId: "email/x", severity: .warning, message: "email 'bob@corp.example' differs from NameID 'Bob Smith'",
            location: Location(path: "a.xml"), evidence: [Evidence(value: "Bob Smith")])
        let report = redactor.redact(Report(inputs: [InputReport(path: "a.xml", findings: [finding])]))
        let message = report.findings[0].message
        #expect(message == "email '\(redactor.mask("bob@corp.example"))' differs from NameID '\(redactor.mask("Bob Smith"))'")
        #expect(report.findings[0].evidence[0].value == redactor.mask("Bob Smith"))
    }
}
