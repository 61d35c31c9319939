import Foundation

/// Expands the paths given on the command line into input sources: files as given, folders
/// recursively (sorted, symlinked folders not followed so a loop cannot hang the run), `-` as
/// standard input; `include` / `exclude` globs (fnmatch, `**` allowed) filter files found in folders.
/// A file reached twice (named and inside a named folder, or through two overlapping folders) is
/// linted once, where it first appears.
public struct FileDiscovery: Sendable {
    /// Globs a file found in a folder must match (by name or by path). Empty: the default set.
    public var include: [String]
    public var exclude: [String]

    public static let defaultInclude = ["*.xml", "*.saml", "*.b64", "*.base64", "*.txt", "*.har", "*.json", "*.deflate"]

    public init(include: [String] = [], exclude: [String] = []) {
        self.include = include
        self.exclude = exclude
    }

    public func sources(for paths: [String]) -> [InputSource] {
        var result: [InputSource] = []
        var seen = Set<String>()
        let directory = FileManager.default.currentDirectoryPath
        func add(_ path: String, key: String) {
            if seen.insert(key).inserted { result.append(.file(path)) }
        }
        for path in paths {
            if path == "-" {
                result.append(.standardInput)
                continue
            }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                var visited = Set<String>()
                for file in walk(directory: path, key: Self.standardized(path, in: directory), visited: &visited) { add(file.path, key: file.key) }
            } else {
                if !exclude.isEmpty && matches(path, exclude) { continue }
                add(path, key: Self.standardized(path, in: directory))
            }
        }
        return result
    }

    /// The path made absolute with `.` and repeated slashes dropped; a path with `..` is resolved by
    /// realpath(3), since `link/..` need not be where the link is. Otherwise symlinks are not
    /// followed: two names of one file are two inputs.
    static func standardized(_ path: String, in directory: String) -> String {
        if path.split(separator: "/").contains("..") {
            if let resolved = realpath(path, nil) {
                defer { free(resolved) }
                return String(cString: resolved)
            }
            return path
        }
        let absolute = path.hasPrefix("/") ? path : directory + "/" + path
        var parts: [Substring] = []
        for part in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The files under `directory` with their `standardized` keys: `key` is the folder's own, and
    /// an entry's is the folder's plus its name (a name read from a folder has no `/`, `.` or `..`).
    private func walk(directory: String, key: String, visited: inout Set<String>) -> [(path: String, key: String)] {
        let real = (try? FileManager.default.destinationOfSymbolicLink(atPath: directory)) ?? directory
        let identity = URL(fileURLWithPath: real).resolvingSymlinksInPath().path
        guard visited.insert(identity).inserted else { return [] }
        guard let entries = Self.entries(of: directory) else { return [] }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        let keyPrefix = key.hasSuffix("/") ? key : key + "/"
        var files: [(path: String, key: String)] = []
        for (name, type) in entries where !name.hasPrefix(".") {
            let path = prefix + name
            // The entry's type as the folder lists it; lstat(2) only where the file system does not say.
            var kind = type
            if kind == UInt8(DT_UNKNOWN) {
                var info = stat()
                guard lstat(path, &info) == 0 else {
                    files.append((path, keyPrefix + name))  // unreadable entry: report it rather than skip it silently
                    continue
                }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: kind = UInt8(DT_DIR)
                case S_IFREG: kind = UInt8(DT_REG)
                case S_IFLNK: kind = UInt8(DT_LNK)
                default: continue
                }
            }
            switch kind {
            case UInt8(DT_DIR):
                files += walk(directory: path, key: keyPrefix + name, visited: &visited)
            case UInt8(DT_REG):
                if accepts(path) { files.append((path, keyPrefix + name)) }
            case UInt8(DT_LNK):
                var target = stat()
                if stat(path, &target) == 0, target.st_mode & S_IFMT != S_IFDIR, accepts(path) {
                    files.append((path, keyPrefix + name))
                }
            default:
                continue
            }
        }
        return files
    }

    /// A folder's entries with their types (readdir(3)'s d_type, DT_UNKNOWN where the file system
    /// gives none), sorted by name; nil when it cannot be opened. One call per folder: FileManager's
    /// listing plus an lstat per file cost 5 µs a file, before any linting starts.
    static func entries(of directory: String) -> [(name: String, type: UInt8)]? {
        guard let stream = opendir(directory) else { return nil }
        defer { closedir(stream) }
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            entries.append((name, entry.pointee.d_type))
        }
        entries.sort { $0.name < $1.name }
        return entries
    }

    func accepts(_ path: String) -> Bool {
        guard matches(path, include.isEmpty ? Self.defaultIncludeGlobs : Self.globs(include)) else { return false }
        return exclude.isEmpty || !matches(path, Self.globs(exclude))
    }

    func matches(_ path: String, _ globs: [String]) -> Bool { matches(path, Self.globs(globs)) }

    /// A glob with its loose form: `**/x` also matches `x` at any depth; `dir/**` everything below dir.
    struct Glob: Sendable {
        let pattern: String
        let loose: String?
        /// For `*` and a literal (`*.xml`): the literal, which a path matches by ending with it (a `*`
        /// matches anything without FNM_PATHNAME, and a name ends a path), no fnmatch(3) per file.
        let suffix: [UInt8]?
    }

    static func globs(_ patterns: [String]) -> [Glob] {
        patterns.map { glob in
            let loose = glob.replacingOccurrences(of: "**/", with: "*").replacingOccurrences(of: "/**", with: "/*")
            let rest = glob.utf8.dropFirst()
            let literal = glob.hasPrefix("*") && !rest.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "\\") }
            return Glob(pattern: glob, loose: loose == glob ? nil : loose, suffix: literal && loose == glob ? Array(rest) : nil)
        }
    }

    static let defaultIncludeGlobs = globs(defaultInclude)

    func matches(_ path: String, _ globs: [Glob]) -> Bool {
        var fileName: String?
        for glob in globs {
            if let suffix = glob.suffix {
                if path.utf8.count >= suffix.count, path.utf8.suffix(suffix.count).elementsEqual(suffix) { return true }
                continue
            }
            let name = fileName ?? path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[path.index(after: $0)...]) } ?? path
            fileName = name
            if fnmatch(glob.pattern, name, 0) == 0 || fnmatch(glob.pattern, path, 0) == 0 { return true }
            if let loose = glob.loose, fnmatch(loose, path, 0) == 0 || fnmatch(loose, name, 0) == 0 { return true }
        }
        return false
    }
}
