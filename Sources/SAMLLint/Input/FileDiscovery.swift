import Foundation

/// Expands the paths given on the command line into input sources: files as given, folders
/// recursively (sorted, symlinked folders not followed so a loop cannot hang the run), `-` as
/// standard input; `include` / `exclude` globs (fnmatch, `**` allowed) filter files found in folders.
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
        for path in paths {
            if path == "-" {
                result.append(.standardInput)
                continue
            }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                var visited = Set<String>()
                result += walk(directory: path, visited: &visited).map { .file($0) }
            } else {
                if !exclude.isEmpty && matches(path, exclude) { continue }
                result.append(.file(path))
            }
        }
        return result
    }

    private func walk(directory: String, visited: inout Set<String>) -> [String] {
        let real = (try? FileManager.default.destinationOfSymbolicLink(atPath: directory)) ?? directory
        let key = URL(fileURLWithPath: real).resolvingSymlinksInPath().path
        guard visited.insert(key).inserted else { return [] }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var files: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                let type = attributes[.type] as? FileAttributeType
            else {
                files.append(path)  // unreadable entry: report it rather than skip it silently
                continue
            }
            switch type {
            case .typeDirectory:
                files += walk(directory: path, visited: &visited)
            case .typeRegular:
                if accepts(path) { files.append(path) }
            case .typeSymbolicLink:
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue, accepts(path) {
                    files.append(path)
                }
            default:
                continue
            }
        }
        return files
    }

    func accepts(_ path: String) -> Bool {
        let includes = include.isEmpty ? Self.defaultInclude : include
        guard matches(path, includes) else { return false }
        return !matches(path, exclude)
    }

    func matches(_ path: String, _ globs: [String]) -> Bool {
        let name = (path as NSString).lastPathComponent
        for glob in globs {
            if fnmatch(glob, name, 0) == 0 || fnmatch(glob, path, 0) == 0 { return true }
            // `**/x` also matches `x` at any depth; `dir/**` matches everything below dir.
            let loose = glob.replacingOccurrences(of: "**/", with: "*").replacingOccurrences(of: "/**", with: "/*")
            if loose != glob, fnmatch(loose, path, 0) == 0 || fnmatch(loose, name, 0) == 0 { return true }
        }
        return false
    }
}
