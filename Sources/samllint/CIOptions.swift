import ArgumentParser
import Foundation
import SAMLLint

/// Options for CI runs: baselines, redaction, progress, the GitHub step summary.
struct CIOptions: ParsableArguments {
    @Option(help: "Hide the findings recorded in this baseline file (written by `samllint baseline`); only new findings fail the run.")
    var baseline: String?

    @Flag(help: "Mask emails, names and ids in every output format (the same value always gets the same mask).")
    var redact = false

    @Option(help: "Key for the --redact masks (default: $SAMLLINT_REDACT_KEY, else a fixed key). A secret key stops anyone from confirming a guessed value by its mask.")
    var redactKey: String?

    @Flag(inversion: .prefixedNo, help: "Progress bar on standard error (default: when standard error is a terminal and there are 20 inputs or more).")
    var progress: Bool?

    /// Baseline first (it matches unmasked evidence), then redaction.
    func apply(to report: Report, workingDirectory: String) throws -> Report {
        var report = report
        if let baseline {
            do { report = try Baseline.load(path: baseline).filter(report, workingDirectory: workingDirectory) } catch {
                Output.error("\(error)")
                throw ExitCode(2)
            }
        }
        if redact {
            let key = redactKey ?? ProcessInfo.processInfo.environment["SAMLLINT_REDACT_KEY"] ?? Redactor.defaultKey
            report = Redactor(key: key).redact(report)
        }
        return report
    }

    /// The proposed mappings for the HTML report, from the run before baseline and redaction
    /// (attribute names only; evidence sentences are masked with the report when --redact is on).
    func connections(of report: Report, linter: Linter) -> [ConnectionReport] {
        let connections = Reconciliation(context: linter.context).connections(in: report)
        guard redact else { return connections }
        let key = redactKey ?? ProcessInfo.processInfo.environment["SAMLLINT_REDACT_KEY"] ?? Redactor.defaultKey
        return Redactor(key: key).redact(connections)
    }

    func progressBar(inputs: Int) -> ProgressBar? {
        let wanted = progress ?? (Terminal.isTerminal(STDERR_FILENO) && inputs >= ProgressBar.threshold)
        return wanted && inputs > 0 ? ProgressBar(total: inputs) : nil
    }

    /// With `--format github` and `$GITHUB_STEP_SUMMARY` set, appends the Markdown summary there.
    func writeStepSummary(_ report: Report, options: ReportOptions) {
        guard let path = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"], !path.isEmpty else { return }
        let text = GitHubReporter.stepSummary(report, options: options)
        guard let handle = FileHandle(forWritingAtPath: path) else {
            if !FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) {
                Output.error("cannot write the step summary to \(path)")
            }
            return
        }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: Data(text.utf8))
    }
}
