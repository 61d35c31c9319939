import Foundation
import SAMLLint
import Testing

@Suite("Email trust in the report")
struct EmailTrustReportTests {
    static let policy = "organization:\n  domains: [example.com]\n"

    static func input(_ name: String, issuer: String, email: String) -> InputSource {
        let text = ExampleSAML.response(
            issuer: issuer, nameID: "u-\(name)", nameIDFormat: ExampleSAML.persistentFormat,
            attributes: [ExampleSAML.Attr("email", [email])])
        return .memory(name: name, bytes: Array(text.utf8))
    }

    static let inputs = [
        input("a.xml", issuer: "https://idp.example.com/saml", email: "jane@example.com"),
        input("b.xml", issuer: "https://idp.example.com/saml", email: "joe@example.com"),
        input("c.xml", issuer: "https://idp.example.com/saml", email: "eve@evil.com@example.com"),
        input("d.xml", issuer: "https://partner.example.net/idp", email: "ann@example.net"),
    ]

    @Test func summaryPerConnection() throws {
        let configuration = try Configuration.parse(yaml: Self.policy)
        let report = Linter(context: LintContext(configuration: configuration, now: TestSupport.fixedNow)).lint(inputs: Self.inputs)
        let summary = try #require(report.emailTrust)
        #expect(summary.map(\.issuer) == ["https://idp.example.com/saml", "https://partner.example.net/idp"])
        #expect(summary[0].verified == 2 && summary[0].invalid == 1 && summary[0].outsideOrganization == 0)
        #expect(summary[1].outsideOrganization == 1 && summary[1].verified == 0)
        let text = TextReporter().render(report, options: ReportOptions())
        #expect(text.contains("email trust: https://idp.example.com/saml: 2 verified, 1 invalid"))
        #expect(text.contains("email trust: https://partner.example.net/idp: 1 outside-organization"))
        let json = JSONReporter().render(report, options: ReportOptions())
        #expect(json.contains("\"outsideOrganization\" : 1"))
        #expect(json.contains("\"verdict\" : \"invalid\""))
    }

    @Test func silentWithoutOrganizationDomains() {
        let report = Linter(context: LintContext(now: TestSupport.fixedNow)).lint(inputs: Self.inputs)
        #expect(report.emailTrust == nil)
        #expect(report.inputs.allSatisfy { $0.messages.allSatisfy { $0.profile?.emailTrust == nil } })
        #expect(!report.findings.contains { $0.ruleId.hasPrefix("email/") })
        #expect(report.summary.notes.contains { $0.contains("email trust not checked") })
    }

    @Test func policyNotesAreSaidOnce() throws {
        let configuration = try Configuration.parse(yaml: "organization:\n  domains: [example.com, 'exa mple.com']\n")
        let report = Linter(context: LintContext(configuration: configuration, now: TestSupport.fixedNow)).lint(inputs: Self.inputs)
        #expect(report.summary.notes.filter { $0.contains("'exa mple.com' is ignored") }.count == 1)
    }
}
