import Foundation
import SAMLLint
import Testing

@Suite("Baselines")
struct BaselineTests {
    static func lint(_ text: String, path: String = "idp/response.xml") -> Report {
        Linter(context: LintContext(now: nil)).lint(inputs: [.memory(name: path, bytes: Array(text.utf8))], parallel: false)
    }

    @Test func unchangedInputIsFullyHidden() throws {
        let report = Self.lint(ReportFixtures.response)
        #expect(!report.findings.isEmpty)
        let baseline = Baseline(report: report, workingDirectory: nil)
        let decoded = try JSONDecoder().decode(Baseline.self, from: Data(baseline.json().utf8))
        #expect(decoded == baseline)
        let filtered = decoded.filter(Self.lint(ReportFixtures.response), workingDirectory: nil)
        #expect(filtered.findings.isEmpty)
        #expect(filtered.summary.baselined == report.findings.count)
        #expect(filtered.exitCode(failOn: .info) == 0)
        #expect(filtered.summary.notes.contains { $0.contains("hidden by the baseline") })
    }

    @Test func fingerprintsSurviveLineMovesButNotNewFindings() {
        let baseline = Baseline(report: Self.lint(ReportFixtures.response), workingDirectory: nil)
        let moved = "\n\n<!-- reformatted -->\n" + ReportFixtures.response.replacingOccurrences(of: "<saml:AttributeStatement>", with: "\n\n<saml:AttributeStatement>")
        let movedReport = Self.lint(moved)
        #expect(movedReport.findings.map(\.location.line) != Self.lint(ReportFixtures.response).findings.map(\.location.line))
        #expect(baseline.filter(movedReport, workingDirectory: nil).findings.isEmpty)
        // A new empty attribute is a new finding.
        let changed = ReportFixtures.response.replacingOccurrences(of: "</saml:AttributeStatement>", with: "<saml:Attribute Name=\"title\"><saml:AttributeValue></saml:AttributeValue></saml:Attribute></saml:AttributeStatement>")
        let remaining = baseline.filter(Self.lint(changed), workingDirectory: nil).findings
        #expect(remaining.count == 1)
        #expect(remaining.first?.location.attribute == "title")
    }

    @Test func knownUnusableInputNoLongerFailsTheRun() {
        let broken = Self.lint("<samlp:Response", path: "broken.xml")
        #expect(broken.exitCode(failOn: .error) == 2)
        let filtered = Baseline(report: broken, workingDirectory: nil).filter(broken, workingDirectory: nil)
        #expect(filtered.exitCode(failOn: .error) == 0)
    }

    @Test func redactedBaselineStillMatches() {
        let finding = Finding(
            ruleId: "email/x", severity: .warning, message: "email 'bob@corp.example' is outside",
            location: Location(path: "a.xml"), evidence: [Evidence(value: "bob@corp.example")])
        let report = Report(inputs: [InputReport(path: "a.xml", findings: [finding])])
        let baseline = Baseline(report: report, workingDirectory: nil, redactor: Redactor())
        #expect(!baseline.json().contains("bob@"))
        #expect(baseline.filter(report, workingDirectory: nil).findings.isEmpty)
    }

    @Test func garbageBaselineIsOneClearError() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("samllint-\(UUID().uuidString).json")
        try Data("{\"nope\": 1}".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(throws: BaselineError.self) { try Baseline.load(path: file.path) }
    }
}
