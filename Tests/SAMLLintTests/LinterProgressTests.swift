import Foundation
import SAMLLint
import Testing

@Suite("Linter progress")
struct LinterProgressTests {
    final class Counts: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var values: [Int] = []
        func add(_ value: Int) { lock.lock(); values.append(value); lock.unlock() }
    }

    @Test(arguments: [true, false])
    func reportsEveryInputOnce(parallel: Bool) {
        let sources = (0..<25).map { InputSource.memory(name: "m\($0).xml", bytes: Array(ReportFixtures.clean.utf8)) }
        let counts = Counts()
        let report = Linter(context: LintContext(now: nil)).lint(inputs: sources, parallel: parallel) { counts.add($0) }
        #expect(report.inputs.count == 25)
        #expect(counts.values.sorted() == Array(1...25))
    }
}
