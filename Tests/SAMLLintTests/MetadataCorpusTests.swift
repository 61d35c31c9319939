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
