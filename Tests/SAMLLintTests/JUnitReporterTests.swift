import Foundation
import SAMLLint
import SAMLXML
import Testing

@Suite("JUnit reporter")
struct JUnitReporterTests {
    struct Case { let suite: String; let classname: String; let name: String; let failed: Bool; let passedClean: Bool }

    /// Parses with libxml2 (through SAMLXML) and lists every test case.
    static func cases(_ xml: String) throws -> (root: String, cases: [Case]) {
        let document = try XMLDocument.parse(Array(xml.utf8), url: "junit.xml", limits: XMLParseLimits(maxBytes: 64 << 20, maxDepth: 16))
        let root = try #require(document.root)
        var cases: [Case] = []
        for suite in root.children where suite.localName == "testsuite" {
            for testcase in suite.children where testcase.localName == "testcase" {
                cases.append(Case(
                    suite: suite.attribute("name") ?? "", classname: testcase.attribute("classname") ?? "",
                    name: testcase.attribute("name") ?? "", failed: testcase.children.contains { $0.localName == "failure" },
                    passedClean: testcase.children.isEmpty))
            }
        }
        return (root.localName, cases)
    }

    @Test func parsesAndNamesEveryFindingUniquely() throws {
        let report = ReportFixtures.report()
        let xml = JUnitReporter().render(report, options: ReportFixtures.options())
        let (root, cases) = try Self.cases(xml)
        #expect(root == "testsuites")
        let keys = cases.map { "\($0.classname)\u{0}\($0.name)" }
        #expect(Set(keys).count == keys.count, "duplicate test case names")
        #expect(Set(cases.map(\.suite)).count == report.inputs.count)
        let findingCases = cases.filter { !$0.passedClean }
        #expect(findingCases.count == report.findings.count)
        #expect(cases.filter(\.failed).count == report.findings.filter { $0.severity >= .error }.count)
        #expect(cases.contains { $0.suite == "clean.xml" && $0.passedClean })
        // The odd file name survived escaping intact.
        #expect(cases.contains { $0.suite == "fixtures/with spaces & <odd>, chars.xml" })
    }

    @Test func failOnWarningTurnsWarningsIntoFailures() throws {
        let report = ReportFixtures.report()
        let xml = JUnitReporter().render(report, options: ReportOptions(failOn: .warning, workingDirectory: TestSupport.repositoryRoot.path))
        let (_, cases) = try Self.cases(xml)
        #expect(cases.filter(\.failed).count == report.findings.filter { $0.severity >= .warning }.count)
    }

    @Test func corpusNamesAreUnique() throws {
        guard let report = ReportFixtures.corpusReport else {
            print("skipped: corpus absent")
            return
        }
        let (_, cases) = try Self.cases(JUnitReporter().render(report, options: ReportFixtures.options()))
        let keys = cases.map { "\($0.classname)\u{0}\($0.name)" }
        #expect(Set(keys).count == keys.count)
        #expect(cases.filter { !$0.passedClean }.count == report.findings.count)
    }

    @Test func hostileTextStaysWellFormed() throws {
        let nasty = "a\u{01}b]]><x y=\"'&amp;\u{FFFE}\tz"
        let findings = (0..<3).map { _ in
            Finding(ruleId: "mapping/x", severity: .error, message: nasty, location: Location(path: "p<&>\"'.xml", line: 2, column: 3, attribute: nasty))
        }
        let report = Report(inputs: [InputReport(path: "p<&>\"'.xml", findings: findings)])
        let (_, cases) = try Self.cases(JUnitReporter().render(report, options: ReportOptions()))
        #expect(cases.count == 3)
        #expect(Set(cases.map(\.name)).count == 3)
        #expect(cases.allSatisfy { $0.suite == "p<&>\"'.xml" && $0.failed })
    }
}
