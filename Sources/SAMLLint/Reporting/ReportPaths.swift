import Foundation

/// Paths and positions as CI systems want them: relative to the working directory (the repository
/// root in CI). For a message decoded out of a container (base64, form, HAR, SAML-tracer) the
/// finding's line and column are those of the decoded XML: `FilePositions` maps them to the file.
public enum ReportPaths {
    /// `fixtures/a.xml` for `./fixtures/a.xml` or `/repo/fixtures/a.xml` under `/repo`; `stdin` for `-`.
    public static func relative(_ path: String, to workingDirectory: String?) -> String {
        if path == "-" { return "stdin" }
        var result = path
        if path.hasPrefix("/"), let base = workingDirectory?.trimmingSuffix("/"), !base.isEmpty {
            let standardized = standardizedPath(path)
            if standardized.hasPrefix(base + "/") { result = String(standardized.dropFirst(base.count + 1)) }
        }
        while result.hasPrefix("./") { result.removeFirst(2) }
        return result
    }

    /// `NSString.standardizingPath` (which on Linux also resolves symbolic links, 18 µs a call), made
    /// once per folder: a path is its standardized folder plus its name when the name is a plain
    /// component that is not itself a link; anything else is standardized whole.
    static func standardizedPath(_ path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), slash != path.utf8.startIndex else {
            return (path as NSString).standardizingPath
        }
        let name = String(path[path.utf8.index(after: slash)...])
        var info = stat()
        guard !name.isEmpty, name != ".", name != "..", lstat(path, &info) == 0, info.st_mode & S_IFMT != S_IFLNK else {
            return (path as NSString).standardizingPath
        }
        let folder = String(path[..<slash])
        let standardizedFolder = folderMemo.value(for: folder) { (folder as NSString).standardizingPath }
        return standardizedFolder == "/" ? "/" + name : standardizedFolder + "/" + name
    }

    private static let folderMemo = LookupMemo<String>()

    /// What a URI reference keeps as it is: letters, digits and `-._~/` (made once, not per finding).
    private static let uriAllowed: CharacterSet = {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/")
        return allowed
    }()

    /// A URI reference for SARIF: the relative path percent-encoded, or `file://` for a path outside
    /// the working directory.
    public static func uri(_ path: String, workingDirectory: String?) -> String {
        let relative = relative(path, to: workingDirectory)
        let encoded = relative.addingPercentEncoding(withAllowedCharacters: uriAllowed) ?? relative
        return relative.hasPrefix("/") ? "file://" + encoded : encoded
    }

    /// Whether the finding's line and column are inside a decoded message rather than the file.
    public static func isDecoded(_ finding: Finding) -> Bool { finding.location.origin != nil }

    /// Line and column in the file itself, ignoring where a container put the message.
    public static func filePosition(_ finding: Finding) -> (line: Int, column: Int) {
        isDecoded(finding) ? (1, 1) : (max(1, finding.location.line), max(1, finding.location.column))
    }

    /// `message 1 (entry 4: POST https://sp.example.com/acs, SAMLResponse), line 19:7 of the decoded XML`.
    public static func decodedPlace(_ finding: Finding) -> String? {
        guard let origin = finding.location.origin else { return nil }
        return "message \(finding.location.message) (\(origin)), line \(finding.location.line):\(finding.location.column) of the decoded XML"
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        var text = self
        while text.count > 1 && text.hasSuffix(suffix) { text.removeLast(suffix.count) }
        return text
    }
}

/// Positions in the input files for CI formats: a finding's own line and column for plain XML; for
/// a message decoded out of a capture, where its payload sits in the capture (the HAR entry), when
/// the decoder found it; else line 1.
public struct FilePositions: Sendable {
    private let containers: [String: [Int: ContainerPosition]]

    struct ContainerPosition: Sendable {
        let line: Int
        let column: Int
    }

    public init(_ report: Report) {
        var containers: [String: [Int: ContainerPosition]] = [:]
        for input in report.inputs {
            for message in input.messages {
                guard let line = message.containerLine else { continue }
                containers[input.path, default: [:]][message.index] = ContainerPosition(line: line, column: message.containerColumn ?? 1)
            }
        }
        self.containers = containers
    }

    public func of(_ finding: Finding) -> (line: Int, column: Int) {
        guard ReportPaths.isDecoded(finding) else { return ReportPaths.filePosition(finding) }
        guard let position = containers[finding.location.path]?[finding.location.message] else { return (1, 1) }
        return (position.line, position.column)
    }
}
