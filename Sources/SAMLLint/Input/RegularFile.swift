import Foundation

/// Regular files read with POSIX calls: one `open` (non-blocking, so a FIFO cannot hang it), one
/// `fstat` on the open descriptor (the type checked is the type read), and `read` into one buffer
/// sized from the file. `FileManager` attribute dictionaries cost more than linting a small file.
enum RegularFile {
    /// The file's size when `path` names a regular file (following links), else nil.
    static func size(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// The whole file, refusing more than `limit` bytes without reading them all.
    static func read(_ path: String, limit: Int) -> Result<[UInt8], InputError> {
        read(path, limit: limit, unlessAtLeast: nil)!
    }

    /// The whole file as `read(_:limit:)` gives it, or nil, unread, when it is a regular file of at
    /// least `threshold` bytes (the caller peeks at those). One `open` and `fstat` for both
    /// questions: a separate `stat` walked the path again for every small file.
    static func read(_ path: String, limit: Int, unlessAtLeast threshold: Int?) -> Result<[UInt8], InputError>? {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            switch code {
            case ENOENT, ENOTDIR: return .failure(InputError(ruleId: "input/unreadable", message: "no such file"))
            case ELOOP: return .failure(InputError(ruleId: "input/unreadable", message: "too many levels of symbolic links"))
            case EACCES, EPERM: return .failure(InputError(ruleId: "input/unreadable", message: "cannot open the file (permission denied?)"))
            default: return .failure(InputError(ruleId: "input/unreadable", message: "cannot open the file (\(String(cString: strerror(code))))"))
            }
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            return .failure(InputError(ruleId: "input/unreadable", message: "cannot read the file's status"))
        }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR { return .failure(InputError(ruleId: "input/unreadable", message: "is a directory")) }
        // A FIFO, socket or device could block forever or never end: only regular files are read.
        guard type == S_IFREG else {
            return .failure(InputError(ruleId: "input/unreadable", message: "not a regular file (\(Self.typeName(type)))"))
        }
        let expected = Int(info.st_size)
        if let threshold, expected >= threshold { return nil }
        if expected > limit {
            return .failure(InputError(ruleId: "input/too-large", message: "input is over \(limit) bytes; refused without reading the rest"))
        }
        // The file may grow or shrink while read: read to the end, within the limit.
        var bytes = [UInt8](repeating: 0, count: max(expected, 4096) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                if count > limit {
                    return .failure(InputError(ruleId: "input/too-large", message: "input is over \(limit) bytes; refused without reading the rest"))
                }
                bytes.append(contentsOf: repeatElement(0, count: min(max(count, 4096), limit + 1 - count + 1)))
            }
            let got = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(InputError(ruleId: "input/unreadable", message: "read failed: \(String(cString: strerror(errno)))"))
            }
            if got == 0 { break }
            count += got
        }
        if count > limit {
            return .failure(InputError(ruleId: "input/too-large", message: "input is over \(limit) bytes; refused without reading the rest"))
        }
        bytes.removeSubrange(count...)
        return .success(bytes)
    }

    static func typeName(_ type: mode_t) -> String {
        switch type {
        case S_IFIFO: return "a FIFO"
        case S_IFSOCK: return "a socket"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        default: return "an unknown file type"
        }
    }
}
