import ArgumentParser
import Foundation
import SAMLLint

extension SAMLLintCommand {
    struct Reconcile: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reconcile", abstract: "Over a folder of captured assertions: per connection, how many profiles are awaiting reconciliation, and the mapping that would reconcile the most.")

        @Argument(help: "Files, folders, or - for standard input.")
        var paths: [String] = []

        @OptionGroup var common: CommonOptions

        @Option(name: [.short, .customLong("format")], help: "Output format: text or json.")
        var format: String = "text"

        @Option(name: [.short, .customLong("output")], help: "Write the report to FILE instead of standard output.")
        var output: String?

        func validate() throws {
            if paths.isEmpty { throw ValidationError("give at least one file or folder") }
            guard ["text", "json"].contains(format) else { throw ValidationError("--format must be text or json") }
        }

        func run() throws {
            let setup = try common.makeLinter()
            let sources = try common.sources(for: paths, configuration: setup.configuration)
            let report = setup.linter.lint(inputs: sources)
            let connections = Reconciliation(context: setup.linter.context).connections(in: report)
            let summary = Reconciliation.summary(connections)
            if format == "json" {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                let payload = ReconcileReport(
                    connections: connections, awaitingReconciliation: connections.reduce(0) { $0 + $1.awaitingReconciliation },
                    profiles: connections.reduce(0) { $0 + $1.profiles }, summary: summary)
                try Output.write(String(decoding: try encoder.encode(payload), as: UTF8.self) + "\n", to: output)
            } else {
                try Output.write(ReconcileText.render(connections, summary: summary), to: output)
            }
            if report.summary.unusableInputs > 0 { throw ExitCode(2) }
        }
    }
}

struct ReconcileReport: Codable {
    var connections: [ConnectionReport]
    var awaitingReconciliation: Int
    var profiles: Int
    var summary: String
}

enum ReconcileText {
    static func render(_ connections: [ConnectionReport], summary: String) -> String {
        var out = ""
        for connection in connections {
            out += "\(connection.issuer)\n"
            if let vendor = connection.vendor { out += "  vendor: \(vendor.vendor.name) (\(vendor.evidence))\n" }
            out += "  \(connection.profiles) profile\(connection.profiles == 1 ? "" : "s"), \(connection.awaitingReconciliation) awaiting reconciliation under the current mapping, \(connection.awaitingUnderProposedMapping) under the proposed one\n"
            out += "  proposed mapping (confidence \(String(format: "%.2f", connection.confidence))):\n"
            for decision in connection.fields {
                let current = connection.currentMapping[decision.field]
                let target = decision.status == "decided" ? (decision.attribute ?? "—") : "(\(decision.status))"
                let change = current != nil && current != decision.attribute && decision.isDecided ? "   [was \(current!)]" : ""
                out += "    \(decision.field.padding(toLength: 12, withPad: " ", startingAt: 0)) \(target)  \(String(format: "%.2f", decision.confidence))\(change)\n"
                if let first = decision.evidence.first { out += "      \(first)\n" }
            }
            for item in connection.awaiting.prefix(20) {
                out += "  awaiting: \(item.path)\(item.message > 0 ? "#\(item.message)" : ""): \(item.reasons.joined(separator: "; "))\n"
            }
            if connection.awaiting.count > 20 { out += "  … and \(connection.awaiting.count - 20) more\n" }
            out += "\n"
        }
        return out + summary + "\n"
    }
}
