import Foundation
import SAMLLint
import Testing

@Suite("rules/ data")
struct RuleDataTests {
    /// The compiled-in copy of rules/ must match the folder (run scripts/embed-rules after editing).
    @Test func embeddedFilesMatchTheRulesFolder() throws {
        let folder = TestSupport.repositoryRoot.appendingPathComponent("rules")
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
        var onDisk: [String: String] = [:]
        for case let relative as String in enumerator where [".yml", ".yaml", ".txt", ".tsv"].contains(where: relative.hasSuffix) {
            onDisk[relative] = try String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8)
        }
        let builtIn = RuleData.builtIn
        #expect(Set(builtIn.paths) == Set(onDisk.keys), "run scripts/embed-rules")
        for (path, text) in onDisk {
            #expect(builtIn.text(path) == text, "rules/\(path) changed: run scripts/embed-rules")
        }
    }

    @Test func everyYAMLFileParses() throws {
        try RuleData.builtIn.validate()
    }

    @Test func thresholdsAreRead() {
        #expect(RuleData.builtIn.threshold("input.maxBytes", default: 0) == 16_777_216)
        #expect(RuleData.builtIn.threshold("no.such.key", default: 7) == 7)
    }
}
