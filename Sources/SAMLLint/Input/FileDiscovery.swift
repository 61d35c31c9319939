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
        func add(_ path: String) {
            if seen.insert(Self.standardized(path, in: directory)).inserted { result.append(.file(path)) }
        }
        for path in paths {
            if path == "-" {
                result.append(.standardInput)
                continue
            }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                var visited = Set<String>()
                walk(directory: path, visited: &visited).forEach(add)
            } else {
                if !exclude.isEmpty && matches(path, exclude) { continue }
                add(path)
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

    private func walk(directory: String, visited: inout Set<String>) -> [String] {
        let real = (try? FileManager.default.destinationOfSymbolicLink(atPath: directory)) ?? directory
        let key = URL(fileURLWithPath: real).resolvingSymlinksInPath().path
        guard visited.insert(key).inserted else { return [] }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var files: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            // lstat(2), not FileManager's attribute dictionary: this runs once per file of a folder,
            // before any linting starts.
            var info = stat()
            guard lstat(path, &info) == 0 else {
                files.append(path)  // unreadable entry: report it rather than skip it silently
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                files += walk(directory: path, visited: &visited)
            case S_IFREG:
                if accepts(path) { files.append(path) }
            case S_IFLNK:
                var target = stat()
                if stat(path, &target) == 0, target.st_mode & S_IFMT != S_IFDIR, accepts(path) {
                    files.append(path)
                }
            default:
                continue
            }
        }
        return files
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
    }

    static func globs(_ patterns: [String]) -> [Glob] {
        patterns.map { glob in
            let loose = glob.replacingOccurrences(of: "**/", with: "*").replacingOccurrences(of: "/**", with: "/*")
            return Glob(pattern: glob, loose: loose == glob ? nil : loose)
        }
    }

    static let defaultIncludeGlobs = globs(defaultInclude)

    func matches(_ path: String, _ globs: [Glob]) -> Bool {
        let name = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[path.index(after: $0)...]) } ?? path
        for glob in globs {
            if fnmatch(glob.pattern, name, 0) == 0 || fnmatch(glob.pattern, path, 0) == 0 { return true }
            if let loose = glob.loose, fnmatch(loose, path, 0) == 0 || fnmatch(loose, name, 0) == 0 { return true }
        }
        return false
    }
}
