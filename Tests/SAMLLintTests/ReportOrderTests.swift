import SAMLLint
import Testing

/// `Report.findings` merges every input's findings in report order, whatever order the inputs come in.
@Suite("Report finding order")
struct ReportOrderTests {
    static func input(_ path: String, lines: [Int]) -> InputReport {
        InputReport(path: path, findings: lines.map { line in
            Finding(ruleId: "r/\(line % 3)", severity: .warning, message: "m\(line)", location: Location(path: path, line: line))
        })
    }

    static let inputs = [
        input("a.xml", lines: [9, 2, 5]), input("b.xml", lines: [1]), input("c/d.xml", lines: [4, 4, 3]),
        input("é.xml", lines: [7]), input("z.xml", lines: []),
    ]

    @Test("in order, reversed, and shuffled", arguments: [
        [0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [2, 0, 4, 1, 3], [1, 0, 2, 3, 4],
    ])
    func mergedInReportOrder(order: [Int]) {
        let report = Report(inputs: order.map { Self.inputs[$0] })
        let expected = Self.inputs.flatMap(\.findings).sorted(by: Finding.reportOrder)
        #expect(report.findings.map(\.location.path) == expected.map(\.location.path))
        #expect(report.findings.map(\.message) == expected.map(\.message))
        #expect(report.findings.map(\.location.path) == ["a.xml", "a.xml", "a.xml", "b.xml", "c/d.xml", "c/d.xml", "c/d.xml", "é.xml"])
    }
}
