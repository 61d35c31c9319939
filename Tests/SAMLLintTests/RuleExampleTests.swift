import Foundation
import SAMLLint
import Testing

/// One case per example of every rule: the examples are the rules' tests.
struct RuleExampleCase: CustomTestStringConvertible, Sendable {
    let ruleID: String
    let category: RuleCategory
    let example: Example
    let triggers: Bool
    var testDescription: String { "\(ruleID) \(triggers ? "triggers" : "stays quiet") @ \(example)" }

    static var all: [RuleExampleCase] {
        RuleRegistry.all.flatMap { type -> [RuleExampleCase] in
            let d = type.description
            return d.triggering.map { RuleExampleCase(ruleID: d.id, category: d.category, example: $0, triggers: true) }
                + d.nonTriggering.map { RuleExampleCase(ruleID: d.id, category: d.category, example: $0, triggers: false) }
        }
    }
}

@Suite("Rule examples")
struct RuleExampleTests {
    @Test("every example behaves as its rule says", arguments: RuleExampleCase.all)
    func example(_ testCase: RuleExampleCase) throws {
        let now = testCase.example.now.flatMap(ISO8601.parse) ?? TestSupport.fixedNow
        let report = try TestSupport.lint(testCase.example.input, configuration: testCase.example.configuration, now: now)
        let hits = report.findings.filter { $0.ruleId == testCase.ruleID }
        if testCase.triggers {
            #expect(!hits.isEmpty, "expected \(testCase.ruleID) at \(testCase.example); got \(report.findings.map(\.ruleId))")
            for marker in testCase.example.markedPositions {
                let matched = hits.contains { finding in
                    finding.location.line == marker.line
                        && (testCase.category == .input || finding.location.column == marker.column)
                }
                #expect(matched, "no \(testCase.ruleID) finding at \(marker.line):\(marker.column); got \(hits.map { "\($0.location.line):\($0.location.column)" })")
            }
        } else {
            #expect(hits.isEmpty, "unexpected \(testCase.ruleID) at \(testCase.example): \(hits.map(\.message))")
        }
    }
}
