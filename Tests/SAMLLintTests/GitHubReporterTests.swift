import Foundation
import SAMLLint
import Testing

@Suite("GitHub workflow commands reporter")
struct GitHubReporterTests {
    @Test("escaping follows actions/toolkit", arguments: [
        ("100% done\r\nnext", "100%25 done%0D%0Anext", "100%25 done%0D%0Anext"),
        ("a:b,c", "a:b,c", "a%3Ab%2Cc"),
        ("%3A", "%253A", "%253A"),
    ])
    func escaping(_ raw: String, _ data: String, _ property: String) {
        #expect(GitHubReporter.escapeData(raw) == data)
        #expect(GitHubReporter.escapeProperty(raw) == property)
    }

    @Test func annotationsCarryFileLineColumnAndTitle() {
        let report = ReportFixtures.report()
        let out = GitHubReporter().render(report, options: ReportFixtures.options())
        let lines = out.split(separator: "\n").map(String.init)
        let commands = lines.filter { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") || $0.hasPrefix("::notice ") }
        let expected = Severity.allCases.map { severity in min(report.findings.filter { $0.severity == severity }.count, GitHubReporter.perKindLimit) }.reduce(0, +)
        #expect(commands.count == expected)
        for command in commands {
            #expect(command.range(of: #"^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,title=[^,]+::\S"#, options: .regularExpression) != nil, "\(command)")
            #expect(!command.dropFirst(2).contains("\n"))
        }
        // A capture's message is annotated where its SAMLResponse is written in the HAR (entry 4's body).
        #expect(commands.contains { $0.hasPrefix("::warning file=fixtures/captures/login-flow.har,line=229,col=35,title=mapping/untrimmed-value::") })
        #expect(lines.last?.hasPrefix("samllint:") == true || lines.contains { $0.hasPrefix("samllint:") })
    }

    @Test func perStepLimitsLeaveTheRestToASummaryLine() {
        let findings = (0..<25).map { n in
            Finding(ruleId: "mapping/empty-attribute-value", severity: .warning, message: "w\(n)", location: Location(path: "a.xml", line: n + 1))
        } + (0..<3).map { n in
            Finding(ruleId: "input/malformed-xml", severity: .error, message: "e\(n)", location: Location(path: "b.xml", line: n + 1))
        }
        let report = Report(inputs: [InputReport(path: "a.xml", findings: Array(findings.prefix(25))), InputReport(path: "b.xml", findings: Array(findings.suffix(3)))])
        let out = GitHubReporter().render(report, options: ReportOptions())
        let lines = out.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("::warning ") }.count == GitHubReporter.perKindLimit)
        #expect(lines.filter { $0.hasPrefix("::error ") }.count == 3)
        #expect(lines.contains { $0.hasPrefix("::group::15 more findings") })
        #expect(lines.contains { $0.hasPrefix("samllint: 3 errors, 25 warnings") && $0.contains("15 more findings were not annotated") })
        #expect(GitHubReporter.stepSummary(report, options: ReportOptions()).contains("| 3 | 25 | 0 |"))
    }

    @Test func propertiesAreEscaped() {
        let finding = Finding(ruleId: "input/malformed-xml", severity: .error, message: "50% broken:\nsee", location: Location(path: "dir/a, b:c.xml", line: 3, column: 4))
        let out = GitHubReporter().render(Report(inputs: [InputReport(path: "dir/a, b:c.xml", findings: [finding])]), options: ReportOptions())
        #expect(out.hasPrefix("::error file=dir/a%2C b%3Ac.xml,line=3,col=4,title=input/malformed-xml::50%25 broken:%0Asee\n"))
    }
}
