import ArgumentParser
import Foundation
import SAMLLint

/// Options every linting command shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Configuration file (default: .samllint.yml in the current folder or a parent).")
    var config: String?

    @Option(help: "Folder of rule data overlaying the built-in rules/ (thresholds, catalog, lexicons).")
    var rules: String?

    @Option(help: "The time rules compare validity against: ISO 8601 (2026-01-01T10:00:00Z), 'now', or 'auto' (each message's own IssueInstant).")
    var now: String?

    @Option(help: "Largest message accepted, in bytes (default 16 MiB).")
    var maxBytes: Int?

    @Option(help: "Force the input encoding. (values: \(InputFormat.allCases.map(\.rawValue).joined(separator: ", ")); default: auto)")
    var inputFormat: InputFormat = .auto

    @Option(help: "IdP metadata to check assertions against (repeatable; also idp.metadata in the configuration).")
    var metadata: [String] = []

    @Option(help: "Only lint files in folders that match this glob (repeatable).")
    var include: [String] = []

    @Option(help: "Skip files that match this glob (repeatable).")
    var exclude: [String] = []

    @OptionGroup var organization: OrganizationOptions

    struct Setup {
        let linter: Linter
        let configuration: Configuration
    }

    func makeLinter() throws -> Setup {
        var configuration = Configuration()
        do {
            if let config {
                configuration = try Configuration.load(path: config)
            } else if let found = Configuration.discover(from: FileManager.default.currentDirectoryPath) {
                configuration = try Configuration.load(path: found)
            }
        } catch {
            Output.error(error.description)
            throw ExitCode(2)
        }
        configuration = organization.apply(to: configuration)
        var ruleData = RuleData.builtIn
        if let rules {
            do { ruleData = try RuleData.overlaying(directory: rules) } catch {
                Output.error(error.description)
                throw ExitCode(2)
            }
        }
        let clock: Date?
        switch now {
        case nil, "now": clock = Date()
        case "auto": clock = nil
        case let text?:
            guard let date = ISO8601.parse(text) else {
                throw ValidationError("--now '\(text)' is not an ISO 8601 time, 'now' or 'auto'")
            }
            clock = date
        }
        var trust: MetadataTrust?
        let metadataPaths = metadata + (configuration.idpMetadata.map { [$0] } ?? [])
        if !metadataPaths.isEmpty {
            do { trust = try MetadataTrust.load(paths: metadataPaths) } catch {
                Output.error(error.description)
                throw ExitCode(2)
            }
        }
        let context = LintContext(configuration: configuration, ruleData: ruleData, now: clock, metadata: trust)
        return Setup(linter: Linter(context: context, inputFormat: inputFormat, maxBytes: maxBytes), configuration: configuration)
    }
}

enum Output {
    static func write(_ text: String, to path: String?) throws {
        if let path {
            do { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) } catch let failure {
                Output.error("cannot write \(path): \(failure.localizedDescription)")
                throw ExitCode(2)
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("samllint: \(message)\n".utf8))
    }
}

enum Terminal {
    static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }
}
