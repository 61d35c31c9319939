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

    @Option(help: "Force the input encoding.")
    var inputFormat: InputFormat = .auto

    @Option(help: "IdP metadata to check assertions against (repeatable; also idp.metadata in the configuration).")
    var metadata: [String] = []

    @OptionGroup var serviceProvider: SPOptions

    @OptionGroup var schema: SchemaOptions

    @Option(help: "Only lint files in folders that match this glob (repeatable).")
    var include: [String] = []

    @Option(help: "Skip files that match this glob (repeatable).")
    var exclude: [String] = []

    @OptionGroup var organization: OrganizationOptions

    struct Setup {
        let linter: Linter
        let configuration: Configuration
    }

    /// The inputs the paths name: folders walked with the command line's and the configuration's
    /// include/exclude globs. None at all is a usage problem every command reports the same way.
    func sources(for paths: [String], configuration: Configuration) throws -> [InputSource] {
        let discovery = FileDiscovery(include: include + configuration.include, exclude: exclude + configuration.exclude)
        let sources = discovery.sources(for: paths)
        if sources.isEmpty {
            Output.error("no input files found in \(paths.joined(separator: " "))")
            throw ExitCode(2)
        }
        return sources
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
        serviceProvider.apply(to: &configuration)
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
        let context = LintContext(configuration: configuration, ruleData: ruleData, now: clock, metadata: trust, schemas: try schema.load())
        return Setup(linter: Linter(context: context, inputFormat: inputFormat, maxBytes: maxBytes), configuration: configuration)
    }
}

enum Output {
    /// Writes the text's own UTF-8 bytes (no `Data` copy: a folder's JSON report is tens of MB).
    static func write(_ text: String, to path: String?) throws {
        var text = text
        try text.withUTF8 { try write(bytes: $0, to: path) }
    }

    static func write(_ bytes: [UInt8], to path: String?) throws {
        try bytes.withUnsafeBufferPointer { try write(bytes: $0, to: path) }
    }

    private static func write(bytes: UnsafeBufferPointer<UInt8>, to path: String?) throws {
        try write(to: path) { writeAll(bytes, to: $0) }
    }

    /// Pieces of one output, written one after the other (a large report is not joined first).
    static func write(pieces: [[UInt8]], to path: String?) throws {
        try write(to: path) { descriptor in
            pieces.allSatisfy { piece in piece.withUnsafeBufferPointer { writeAll($0, to: descriptor) } }
        }
    }

    /// The report as `reporter` renders it. A file gets each piece as soon as it is made (a folder's
    /// JSON is written while its last chunks are still encoded); should the reporter's fast path
    /// refuse a value midway, the file is started again with its fallback rendering.
    static func write(_ report: Report, with reporter: any Reporter, options: ReportOptions, to path: String?) throws {
        guard let path else { return try write(pieces: reporter.renderUTF8Pieces(report, options: options), to: nil) }
        try write(to: path) { descriptor in
            do {
                return try reporter.write(report, options: options) { writeAll($0, to: descriptor) }
            } catch {
                guard ftruncate(descriptor, 0) == 0, lseek(descriptor, 0, SEEK_SET) == 0 else { return false }
                return reporter.renderUTF8Pieces(report, options: options).allSatisfy { piece in
                    piece.withUnsafeBytes { writeAll($0, to: descriptor) }
                }
            }
        }
    }

    /// Opens `path` (or takes standard output) and runs `body`, which writes and says whether it all went out.
    private static func write(to path: String?, _ body: (Int32) -> Bool) throws {
        if let path {
            let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                Output.error("cannot write \(path): \(String(cString: strerror(errno)))")
                throw ExitCode(2)
            }
            defer { close(descriptor) }
            guard body(descriptor) else {
                Output.error("cannot write \(path): \(String(cString: strerror(errno)))")
                throw ExitCode(2)
            }
        } else {
            _ = body(STDOUT_FILENO)
        }
    }

    static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Bool {
        writeAll(UnsafeRawBufferPointer(bytes), to: descriptor)
    }

    /// `write(2)` until every byte is out (or an error other than EINTR).
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("samllint: \(message)\n".utf8))
    }
}

enum Terminal {
    static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }
}
