import Foundation

/// Where an input's bytes come from.
public enum InputSource: Sendable, Hashable {
    case file(String)
    case standardInput
    case memory(name: String, bytes: [UInt8])

    public var displayPath: String {
        switch self {
        case let .file(path): return path
        case .standardInput: return "-"
        case let .memory(name, _): return name
        }
    }

    /// Reads the bytes, refusing more than `limit` without reading them all.
    public func read(limit: Int) -> Result<[UInt8], InputError> {
        switch self {
        case let .memory(_, bytes):
            return .success(bytes)
        case .standardInput:
            return Self.readAll(from: FileHandle.standardInput, limit: limit)
        case let .file(path):
            return RegularFile.read(path, limit: limit)
        }
    }

    private static func readAll(from handle: FileHandle, limit: Int) -> Result<[UInt8], InputError> {
        var bytes: [UInt8] = []
        while true {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: 1 << 20) } catch {
                return .failure(InputError(ruleId: "input/unreadable", message: "read failed: \(error.localizedDescription)"))
            }
            guard let chunk, !chunk.isEmpty else { break }
            bytes.append(contentsOf: chunk)
            if bytes.count > limit {
                return .failure(InputError(ruleId: "input/too-large", message: "input is over \(limit) bytes; refused without reading the rest"))
            }
        }
        return .success(bytes)
    }
}
