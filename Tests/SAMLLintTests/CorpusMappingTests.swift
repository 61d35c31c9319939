import Foundation
import SAMLLint
import Testing

@Suite("Mapping rules on the real corpus")
struct CorpusMappingTests {
    static let evaluated: Set<String> = [
        "email-in-name-field", "non-email-in-email-field", "upn-as-email", "guest-upn", "scoped-id-as-email",
        "full-name-in-given-name", "given-family-swapped", "dn-in-name-field", "id-in-name-field", "placeholder-value",
        "missing-field", "friendlyname-mismatch", "case-variant-name", "multi-valued-single-field",
    ]

    /// Every mapping finding on the labelled real responses is expected by fixtures/mapping-eval/corpus-labels.tsv,
    /// and every label is found: no new false alarm, no lost finding.
    @Test("findings match the hand labels")
    func matchesLabels() throws {
        guard let root = TestSupport.corpusRoot else { print("skipped: corpus absent"); return }
        let tsv = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("fixtures/mapping-eval/corpus-labels.tsv"), encoding: .utf8)
        var expected: [String: Set<String>] = [:]
        for line in tsv.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("path\t") {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard let path = parts.first, !path.isEmpty else { continue }
            expected[path, default: []].formUnion(parts.count >= 3 && !parts[2].isEmpty ? ["\(parts[1])|\(parts[2])"] : [])
        }
        #expect(expected.count > 300)
        let linter = Linter(context: LintContext(now: nil))
        for (path, labels) in expected.sorted(by: { $0.key < $1.key }) {
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else {
                Issue.record("missing corpus file \(path)")
                continue
            }
            let report = linter.lint(bytes: Array(data), path: path)
            let found = Set(report.findings.compactMap { finding -> String? in
                let rule = finding.ruleId.replacingOccurrences(of: "mapping/", with: "")
                guard finding.ruleId.hasPrefix("mapping/"), Self.evaluated.contains(rule) else { return nil }
                return "\(finding.location.attribute ?? "-")|\(rule)"
            })
            #expect(found == labels, "\(path): unexpected \(found.subtracting(labels).sorted()), missing \(labels.subtracting(found).sorted())")
        }
    }
}
