import Foundation
import SAMLLint
import Testing

@Suite("Configuration discovery")
struct ConfigurationDiscoveryTests {
    @Test func nearestConfigurationUpTheTreeIsFound() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("samllint-discover-\(UUID().uuidString)")
        let nested = root.appendingPathComponent("a/b/c")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let top = root.appendingPathComponent(".samllint.yml").path
        try Data("rules: {}\n".utf8).write(to: URL(fileURLWithPath: top))
        #expect(Configuration.discover(from: nested.path) == top)
        #expect(Configuration.discover(from: nested.path + "/") == top)
        #expect(Configuration.discover(from: root.path + "/a/b/../b/c") == top)
        let closer = root.appendingPathComponent("a/.samllint.yaml").path
        try Data("rules: {}\n".utf8).write(to: URL(fileURLWithPath: closer))
        #expect(Configuration.discover(from: nested.path) == closer)
    }
}
