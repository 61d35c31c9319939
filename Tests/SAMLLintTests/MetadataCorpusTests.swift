import Foundation
import SAMLLint
import SAMLXML
import Testing

/// Every metadata file of the shared corpus: linted without a crash, certificates decoded.
@Suite("Metadata corpus")
struct MetadataCorpusTests {
    static func metadataFiles(_ root: URL) throws -> [URL] {
        let manifest = try String(contentsOf: root.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8)
        var paths: [String] = []
        for line in manifest.split(separator: "\n").dropFirst() {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count > 3, columns[3].hasPrefix("metadata") else { continue }
            paths.append(String(columns[0]))
        }
        return Array(Set(paths)).sorted().map { root.appendingPathComponent($0) }
    }

    @Test func everyMetadataFileLintsAndItsCertificatesDecode() throws {
        guard let root = TestSupport.corpusRoot else { print("skipped: corpus absent"); return }
        let files = try Self.metadataFiles(root)
        let linter = Linter(context: LintContext(now: TestSupport.fixedNow))
        var byRule: [String: Int] = [:]
        var unusable = 0
        var certificates = 0
        var decoded = 0
        // Linted together, on every core, as the CLI does.
        let report = linter.lint(inputs: files.map { .file($0.path) })
        unusable = report.inputs.filter { $0.error != nil }.count
        for finding in report.findings { byRule[finding.ruleId, default: 0] += 1 }
        for file in files {
            guard let bytes = FileManager.default.contents(atPath: file.path),
                let document = try? XMLDocument.parse([UInt8](bytes), limits: XMLParseLimits(maxBytes: 64 << 20))
            else { continue }
            for element in document.select("//ds:X509Certificate") {
                certificates += 1
                if (try? CertificateDecoder.decode(base64: element.textContent)) != nil { decoded += 1 }
            }
        }
        print("metadata corpus: \(files.count) files, \(unusable) unusable, \(certificates) certificates, \(decoded) decoded")
        for (rule, count) in byRule.sorted(by: { $0.key < $1.key }) where rule.hasPrefix("metadata/") { print("  \(rule): \(count)") }
        #expect(files.count > 50)
        #expect(certificates > 100)
        #expect(Double(decoded) >= Double(certificates) * 0.9, "most corpus certificates are real and must decode")
    }
}

/// Streaming an aggregate gives the same findings, at the same lines and columns, as parsing it
/// whole (forced here by handing the linter the same bytes as base64).
@Suite("Streamed and whole aggregates agree")
struct StreamedVersusWholeTests {
    struct Key: Hashable, CustomStringConvertible {
        let rule: String, severity: Severity, line: Int, column: Int, entityID: String?, message: String
        var description: String { "\(line):\(column) \(rule) \(entityID ?? "-") \(message)" }
    }

    /// The aggregate's own signature is verified only when the aggregate is parsed whole (streaming
    /// lints entity by entity), so signature findings are not part of the comparison.
    static func keys(_ report: InputReport) -> Set<Key> {
        Set(report.findings.filter { !$0.ruleId.hasPrefix("signature/") && $0.ruleId != "metadata/signature-invalid" }.map {
            Key(rule: $0.ruleId, severity: $0.severity, line: $0.location.line, column: $0.location.column,
                entityID: $0.location.entityID, message: $0.message)
        })
    }

    @Test func corpusAggregates() throws {
        guard let root = TestSupport.corpusRoot else { print("skipped: corpus absent"); return }
        let linter = Linter(context: LintContext(now: TestSupport.fixedNow))
        var compared = 0
        for file in try MetadataCorpusTests.metadataFiles(root) {
            guard let data = FileManager.default.contents(atPath: file.path), AggregateStream.isAggregate(prefix: [UInt8](data)) else { continue }
            let streamed = linter.lint(bytes: [UInt8](data), path: "x.xml")
            var whole = linter
            whole.inputFormat = .base64
            let parsed = whole.lint(bytes: Array(data.base64EncodedString().utf8), path: "x.xml")
            guard parsed.error == nil, streamed.error == nil else {
                #expect((parsed.error == nil) == (streamed.error == nil), "\(file.lastPathComponent): one path failed")
                continue
            }
            compared += 1
            let a = Self.keys(streamed)
            let b = Self.keys(parsed)
            #expect(a == b, "\(file.lastPathComponent): only streamed \(a.subtracting(b).sorted { $0.line < $1.line }.prefix(3)); only whole \(b.subtracting(a).sorted { $0.line < $1.line }.prefix(3))")
            #expect(streamed.messages.first?.entities == parsed.messages.first?.entities)
        }
        print("streamed versus whole: \(compared) corpus aggregates compared")
        #expect(compared > 10)
    }
}
