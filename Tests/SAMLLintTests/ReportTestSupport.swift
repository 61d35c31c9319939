import Foundation
import SAMLLint

/// Reports to render in reporter tests: the capture fixtures plus in-memory inputs that trigger
/// findings of every severity, a file without findings, and an unusable input.
enum ReportFixtures {
    static let captures = TestSupport.repositoryRoot.appendingPathComponent("fixtures/captures")

    static let response = ExampleSAML.response(attributes: [
        .init("mail", ["jane.doe@example.com"]), .init("lastName", [" Doe "]), .init("department", [""]),
        .init("groups", ["staff"]), .init("groups", ["admins, &quot;ops&quot; &amp; &lt;dev&gt;"]),
    ])
    static let clean = ExampleSAML.response(attributes: [.init("mail", ["omar@example.com"])])

    static func sources() -> [InputSource] {
        [
            .file(captures.appendingPathComponent("login-flow.har").path),
            .file(captures.appendingPathComponent("saml-tracer-export.json").path),
            .memory(name: "fixtures/with spaces & <odd>, chars.xml", bytes: Array(response.utf8)),
            .memory(name: "omar.xml", bytes: Array(clean.utf8)),
            .memory(name: "broken.xml", bytes: Array("<samlp:Response".utf8)),
        ]
    }

    /// The fixtures' report plus `clean.xml`, an input without findings (whatever the rules say).
    static func report() -> Report {
        let linted = Linter(context: LintContext(now: nil)).lint(inputs: sources(), parallel: false)
        return Report(inputs: linted.inputs + [InputReport(path: "clean.xml")], notes: linted.summary.notes)
    }

    static func options() -> ReportOptions {
        ReportOptions(failOn: .error, workingDirectory: TestSupport.repositoryRoot.path)
    }

    /// Linted once for every test that wants it.
    static let corpusReport: Report? = {
        guard let root = TestSupport.corpusRoot else { return nil }
        let sources = FileDiscovery().sources(for: [root.path])
        return Linter(context: LintContext(now: nil)).lint(inputs: sources)
    }()

    /// Runs a program, returns its exit status and output.
    static func run(_ arguments: [String], input: Data? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
