import ArgumentParser
import Foundation
import SAMLLint

extension SAMLLintCommand {
    struct BaselineCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "baseline",
            abstract: "Record today's findings in a baseline file, so `lint --baseline FILE` fails only on new ones.",
            discussion: """
                Findings are matched by a fingerprint of rule, file, place in the document (path, \
                attribute, entityID) and evidence values, never line numbers, so the baseline survives \
                edits that move lines. Run it from the folder CI runs from (paths are stored relative to it).
                """)

        @Argument(help: "The baseline file to write (JSON).")
        var file: String

        @Argument(help: "Files, folders, or - for standard input.")
        var paths: [String] = []

        @OptionGroup var common: CommonOptions

        @Flag(help: "Mask emails, names and ids in the messages written for people (fingerprints are hashes either way).")
        var redact = false

        func validate() throws {
            if paths.isEmpty { throw ValidationError("give the baseline file, then at least one file or folder to lint") }
        }

        func run() throws {
            let setup = try common.makeLinter()
            let sources = try common.sources(for: paths, configuration: setup.configuration)
            let report = setup.linter.lint(inputs: sources)
            let key = ProcessInfo.processInfo.environment["SAMLLINT_REDACT_KEY"] ?? Redactor.defaultKey
            let baseline = Baseline(
                report: report, workingDirectory: FileManager.default.currentDirectoryPath, redactor: redact ? Redactor(key: key) : nil)
            try Output.write(baseline.json(), to: file)
            let count = baseline.entries.count
            FileHandle.standardError.write(Data("samllint: recorded \(count) finding\(count == 1 ? "" : "s") from \(report.summary.inputs) input\(report.summary.inputs == 1 ? "" : "s") in \(file)\n".utf8))
        }
    }
}
