import ArgumentParser
import Foundation
import SAMLLint

extension SAMLLintCommand {
    struct ProfileCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "profile",
            abstract: "Print the normalized profile of each message: id, email, names, groups, raw attributes, and where each field came from.")

        @Argument(help: "Files, folders, or - for standard input.")
        var paths: [String] = []

        @OptionGroup var common: CommonOptions

        @Option(name: [.short, .customLong("format")], help: "Output format: text or json.")
        var format: String = "text"

        func validate() throws {
            if paths.isEmpty { throw ValidationError("give at least one file, folder, or - for standard input") }
            guard ["text", "json"].contains(format) else { throw ValidationError("--format must be text or json") }
        }

        func run() throws {
            let setup = try common.makeLinter()
            let sources = try common.sources(for: paths, configuration: setup.configuration)
            let report = setup.linter.lint(inputs: sources)
            let entries = report.inputs.flatMap { input in
                input.messages.compactMap { message in
                    message.profile.map { ProfileEntry(path: input.path, message: message.index, issuer: message.issuer, profile: $0) }
                }
            }
            if format == "json" {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                try Output.write(String(decoding: try encoder.encode(["profiles": entries]), as: UTF8.self) + "\n", to: nil)
            } else {
                var out = ""
                for entry in entries { out += ProfileText.render(entry) + "\n" }
                out += "\(entries.count) profile\(entries.count == 1 ? "" : "s") from \(report.summary.messages) message\(report.summary.messages == 1 ? "" : "s")\n"
                try Output.write(out, to: nil)
            }
            if report.summary.unusableInputs > 0 { throw ExitCode(2) }
        }
    }
}

struct ProfileEntry: Codable {
    var path: String
    var message: Int
    var issuer: String?
    var profile: Profile
}

enum ProfileText {
    static func render(_ entry: ProfileEntry) -> String {
        let p = entry.profile
        var out = "\(entry.path)\(entry.message > 0 ? " [message \(entry.message)]" : "")  issuer \(entry.issuer ?? "-")\n"
        let rows: [(String, String, String?)] = [
            ("idp_id", "id", p.idpID), ("email", "email", p.email), ("first_name", "firstName", p.firstName),
            ("last_name", "lastName", p.lastName), ("name", "displayName", p.name),
            ("groups", "groups", p.groups.isEmpty ? nil : p.groups.joined(separator: ", ")),
        ]
        for (label, field, value) in rows {
            let source = p.sources[field].map { "  ← \($0.attribute) (\($0.via), \(String(format: "%.2f", $0.confidence)))" } ?? ""
            out += "  \(label.padding(toLength: 11, withPad: " ", startingAt: 0)) \(value ?? "—")\(source)\n"
        }
        if let trust = p.emailTrust {
            out += "  emailTrust  \(trust.verdict)\(trust.reasons.isEmpty ? "" : ": " + trust.reasons.joined(separator: "; "))\n"
        }
        out += "  raw_attributes:\n"
        for (name, values) in p.rawAttributes.sorted(by: { $0.key < $1.key }) {
            out += "    \(name): \(values.map { "\"\($0)\"" }.joined(separator: ", "))\n"
        }
        return out
    }
}
