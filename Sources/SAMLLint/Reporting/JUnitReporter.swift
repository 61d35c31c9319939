/// JUnit XML as Jenkins, GitLab, Azure and CircleCI read it: one `testsuite` per input file, one
/// `testcase` per finding, named uniquely within its file (rule, line, column, attribute, message),
/// a `failure` for findings at or above `--fail-on` and `system-out` for the others; a file without
/// findings is one passing test case. GitLab keeps only the first of duplicate names, hence the care.
public struct JUnitReporter: Reporter {
    public static let id = "junit"
    public init() {}

    public func render(_ report: Report, options: ReportOptions) -> String {
        var suites = ""
        var totalTests = 0
        var totalFailures = 0
        let positions = FilePositions(report)
        for input in report.inputs {
            let path = ReportPaths.relative(input.path, to: options.workingDirectory)
            let multiMessage = input.messages.count > 1
            var cases = ""
            var names = Set<String>()
            var failures = 0
            for finding in input.findings {
                let name = Self.uniqueName(for: finding, multiMessage: multiMessage, used: &names)
                let position = positions.of(finding)
                var body = "\(path):\(position.line):\(position.column): \(finding.severity.rawValue): \(finding.message) [\(finding.ruleId)]"
                if let place = ReportPaths.decodedPlace(finding) { body += "\n\(place)" }
                for evidence in finding.evidence {
                    body += "\nevidence: \(evidence.value)" + (evidence.classifiedAs.map { " (\($0))" } ?? "")
                }
                if let fix = finding.fix { body += "\nfix: \(fix.description)" }
                cases += "    <testcase classname=\"\(XMLEscape.escape(path))\" name=\"\(XMLEscape.escape(name))\" file=\"\(XMLEscape.escape(path))\" line=\"\(position.line)\" time=\"0\">\n"
                if finding.severity >= options.failOn {
                    failures += 1
                    cases += "      <failure type=\"\(XMLEscape.escape(finding.ruleId))\" message=\"\(XMLEscape.escape(finding.message))\">\(XMLEscape.escape(body))</failure>\n"
                } else {
                    cases += "      <system-out>\(XMLEscape.escape(body))</system-out>\n"
                }
                cases += "    </testcase>\n"
            }
            var tests = input.findings.count
            if tests == 0 {
                tests = 1
                cases += "    <testcase classname=\"\(XMLEscape.escape(path))\" name=\"samllint: no findings\" file=\"\(XMLEscape.escape(path))\" time=\"0\"/>\n"
            }
            totalTests += tests
            totalFailures += failures
            suites += "  <testsuite name=\"\(XMLEscape.escape(path))\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\" time=\"0\">\n\(cases)  </testsuite>\n"
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"\(report.tool.name)\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\" errors=\"0\" skipped=\"0\" time=\"0\">\n"
            + suites + "</testsuites>\n"
    }

    /// `mapping/untrimmed-value line 19 col 7 [lastName] (message 1)`, with ` #2`, ` #3` appended
    /// should two findings still share a name.
    static func uniqueName(for finding: Finding, multiMessage: Bool, used: inout Set<String>) -> String {
        var name = "\(finding.ruleId) line \(finding.location.line) col \(finding.location.column)"
        if let attribute = finding.location.attribute { name += " [\(attribute)]" } else if let entity = finding.location.entityID { name += " [\(entity)]" }
        if multiMessage || finding.location.message > 0 { name += " (message \(finding.location.message))" }
        var candidate = name
        var number = 2
        while !used.insert(candidate).inserted {
            candidate = "\(name) #\(number)"
            number += 1
        }
        return candidate
    }
}
