import Foundation
import SAMLLint
import SAMLXML

/// Helpers shared by the SAMLLint tests.
enum TestSupport {
    /// The repository root, found from this file's path.
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/corpus` beside the checkout, when present.
    static var corpusRoot: URL? {
        let url = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("MANIFEST.tsv").path) ? url : nil
    }

    static let fixedNow = ISO8601.parse("2026-01-01T10:01:00Z")!

    /// The SAML schemas from Debian's opensaml-schemas/xmltooling-schemas (installed by .ci/run),
    /// so metadata/schema-invalid examples run; nil when absent.
    static let schemas: SAMLSchemas? = try? SAMLSchemas.load()

    /// Lints text as one input file, with an optional `.samllint.yml` text.
    static func lint(_ text: String, configuration yaml: String? = nil, now: Date? = fixedNow, path: String = "example.xml") throws -> InputReport {
        let configuration = try yaml.map { try Configuration.parse(yaml: $0) } ?? Configuration()
        // idp.metadata in an example names a file of the repository (fixtures/metadata/...).
        let metadata = try configuration.idpMetadata.map {
            try MetadataTrust.load(paths: [repositoryRoot.appendingPathComponent($0).path])
        }
        let linter = Linter(context: LintContext(configuration: configuration, now: now, metadata: metadata, schemas: schemas))
        return linter.lint(inputs: [.memory(name: path, bytes: Array(text.utf8))], parallel: false).inputs[0]
    }
}
