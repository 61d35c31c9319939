import Foundation
import SAMLLint
import Testing

@Suite("GitHub workflow commands reporter")
struct GitHubReporterTests {
    @Test("escaping follows actions/toolkit", arguments: [
        ("100% done\r\nnext", "100%25 done%0D%0Anext", "100%25 done%0D%0Anext"),
        ("a:b,c", "a:b,c", "a%3Ab%2Cc"),
        ("%3A", "%253A", "%253A"),
        ("naïve, 100% 日本\n", "naïve, 100%25 日本%0A", "naïve%2C 100%25 日本%0A"),
        ("plain", "plain", "plain"),
    ])
    func escaping(_ raw: String, _ data: String, _ property: String) {
        #expect(GitHubReporter.escapeData(raw) == data)
        #expect(GitHubReporter.escapeProperty(raw) == property)
    }

    /// `ReportPaths.relative` standardizes a path's folder once and adds the name: the result must be
    /// what `NSString.standardizingPath` gives for the whole path (it resolves links on Linux).
    @Test func relativePathsAgreeWithFoundation() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("samllint-paths-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/real/sub", withIntermediateDirectories: true)
        for name in ["real/a.xml", "real/sub/b.xml"] { FileManager.default.createFile(atPath: root + "/" + name, contents: Data()) }
        try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: root + "/real")
        try FileManager.default.createSymbolicLink(atPath: root + "/real/c.xml", withDestinationPath: root + "/real/sub/b.xml")
        let paths = ["real/a.xml", "link/a.xml", "link/sub/b.xml", "real/c.xml", "real/./a.xml", "real/sub/../a.xml", "real//a.xml", "real/missing.xml", "link"]
        for relative in paths {
            let path = root + "/" + relative
            let standardized = (path as NSString).standardizingPath
            let base = (root as NSString).standardizingPath
            let expected = standardized.hasPrefix(base + "/") ? String(standardized.dropFirst(base.count + 1)) : standardized
            #expect(ReportPaths.relative(path, to: base) == expected, "\(relative)")
            #expect(ReportPaths.relative(path, to: base) == ReportPaths.relative(path, to: base), "\(relative), asked twice")
        }
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
