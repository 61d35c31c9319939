import ArgumentParser
import Foundation
import SAMLLint

extension SAMLLintCommand {
    struct Mapping: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mapping", abstract: "Work with the connection's attribute mapping.", subcommands: [Suggest.self])

        struct Suggest: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "suggest", abstract: "Infer the best attribute mapping from captured messages and write it as a .samllint.yml mapping block.")

            @Argument(help: "Files, folders, or - for standard input (messages of one or more connections).")
            var paths: [String] = []

            @OptionGroup var common: CommonOptions

            @Option(name: [.short, .customLong("format")], help: "Output format: yaml or json.")
            var format: String = "yaml"

            func validate() throws {
                if paths.isEmpty { throw ValidationError("give at least one file or folder") }
                guard ["yaml", "json"].contains(format) else { throw ValidationError("--format must be yaml or json") }
            }

            func run() throws {
                let setup = try common.makeLinter()
                let sources = try common.sources(for: paths, configuration: setup.configuration)
                let report = setup.linter.lint(inputs: sources)
                let connections = Reconciliation(context: setup.linter.context).connections(in: report)
                if connections.isEmpty {
                    Output.error("no assertions found: nothing to infer a mapping from")
                    throw ExitCode(2)
                }
                let configured = setup.configuration.mapping
                if format == "json" {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                    let payload = connections.map { MappingSuggestion(connection: $0, configured: configured) }
                    try Output.write(String(decoding: try encoder.encode(["connections": payload]), as: UTF8.self) + "\n", to: nil)
                } else {
                    try Output.write(connections.map { MappingYAML.render($0, configured: configured) }.joined(separator: "---\n"), to: nil)
                }
            }
        }
    }
}

/// The JSON form of one connection's suggestion.
struct MappingSuggestion: Codable {
    struct Change: Codable {
        var field: String
        var from: String?
        var to: String?
    }

    var issuer: String
    var messages: Int
    var vendor: String?
    var confidence: Double
    var mapping: [String: String]
    var fields: [InferredMapping.Decision]
    var changes: [Change]

    init(connection: ConnectionReport, configured: [String: [String]]) {
        issuer = connection.issuer
        messages = connection.profiles
        vendor = connection.vendor.map { "\($0.vendor.name) (\($0.evidence))" }
        confidence = connection.confidence
        mapping = connection.proposedMapping
        fields = connection.fields
        changes = MappingYAML.changes(connection, configured: configured).map { Change(field: $0.0, from: $0.1, to: $0.2) }
    }
}

enum MappingYAML {
    /// Fields whose proposed attribute differs from the configured one (field, configured, proposed).
    static func changes(_ connection: ConnectionReport, configured: [String: [String]]) -> [(String, String?, String?)] {
        connection.fields.compactMap { decision in
            guard decision.isDecided else { return nil }
            let current = configured[decision.field]?.first
            guard let current, current.caseInsensitiveCompare(decision.attribute ?? "") != .orderedSame else { return nil }
            return (decision.field, current, decision.attribute)
        }
    }

    static func quote(_ text: String) -> String {
        let plain = text.allSatisfy { $0.isLetter || $0.isNumber || "._-/".contains($0) } && !text.isEmpty
        return plain ? text : "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func render(_ connection: ConnectionReport, configured: [String: [String]]) -> String {
        var out = "# connection: \(connection.issuer) (\(connection.profiles) message\(connection.profiles == 1 ? "" : "s"))\n"
        if let vendor = connection.vendor { out += "# vendor: \(vendor.vendor.name), because \(vendor.evidence)\n" }
        out += "# overall confidence \(String(format: "%.2f", connection.confidence)); proposed by samllint mapping suggest\n"
        out += "mapping:\n"
        for decision in connection.fields {
            switch decision.status {
            case "decided":
                out += "  \(decision.field): \(quote(decision.attribute ?? ""))   # confidence \(String(format: "%.2f", decision.confidence))\n"
            case "undecided":
                out += "  # \(decision.field): undecided between \(decision.attribute ?? "?") and \(decision.alternative ?? "?") (too close to call)\n"
            default:
                out += "  # \(decision.field): no attribute carries it\n"
            }
            for line in decision.evidence { out += "  #   \(line)\n" }
        }
        let changes = changes(connection, configured: configured)
        if !changes.isEmpty {
            out += "# changes against the current configuration:\n"
            for (field, from, to) in changes { out += "#   \(field): \(from ?? "(none)") -> \(to ?? "(none)")\n" }
        }
        return out
    }
}
