import Foundation
import SAMLLint
import Testing

/// Each `fixtures/**/NAME.expected.json` is the JSON report of linting NAME.{xml,b64,txt} alone with the
/// default configuration and the clock pinned (scripts/update-golden writes them; review the diff).
struct GoldenCase: CustomTestStringConvertible, Sendable {
    let input: String
    let expected: String
    var testDescription: String { input }

    static let folders = ["fixtures/responses", "fixtures/attacks", "fixtures/metadata", "fixtures/inputs"]

    static var all: [GoldenCase] {
        let root = TestSupport.repositoryRoot
        var cases: [GoldenCase] = []
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
            for name in names.sorted() where !name.hasSuffix(".expected.json") {
                let stem = (name as NSString).deletingPathExtension
                cases.append(GoldenCase(input: "\(folder)/\(name)", expected: "\(folder)/\(stem).expected.json"))
            }
        }
        return cases
    }
}

@Suite("Golden reports")
struct GoldenTests {
    @Test("the JSON report matches the golden file", arguments: GoldenCase.all)
    func golden(_ testCase: GoldenCase) throws {
        let root = TestSupport.repositoryRoot
        let expectedURL = root.appendingPathComponent(testCase.expected)
        let expectedData = try #require(
            FileManager.default.contents(atPath: expectedURL.path), "no golden file \(testCase.expected): run scripts/update-golden")
        let bytes = try #require(FileManager.default.contents(atPath: root.appendingPathComponent(testCase.input).path))
        let linter = Linter(context: LintContext(configuration: Configuration(), now: TestSupport.fixedNow))
        let report = linter.lint(inputs: [.memory(name: testCase.input, bytes: [UInt8](bytes))], parallel: false)
        let actualData = Data(JSONReporter().render(report, options: ReportOptions()).utf8)
        let actual = try Self.normalized(actualData)
        let expected = try Self.normalized(expectedData)
        #expect(actual == expected, "report of \(testCase.input) differs from \(testCase.expected); run scripts/update-golden and review the diff")
    }

    @Test func thereAreGoldenFixtures() {
        #expect(GoldenCase.all.count >= 10)
    }

    /// Parsed JSON without the tool version, re-serialised with sorted keys.
    static func normalized(_ data: Data) throws -> String {
        guard var object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { return "" }
        object["tool"] = nil
        let out = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
        return String(decoding: out, as: UTF8.self)
    }
}
