import CLibXMLSec
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One-time xmlsec1 + OpenSSL initialisation, and per-call capture of xmlsec's error messages.
///
/// xmlsec reports errors through one process-wide callback without a user-data pointer. Each call
/// is synchronous on its thread, so messages are filed per thread id; `capture` returns what the
/// body's thread produced, so parallel verifications do not see each other's errors.
public enum XMLSec {
    /// Whether xmlsec initialised; false only if the library refused (never seen on a sane install).
    public static let isAvailable: Bool = {
        LibXML.ensureInitialized()
        guard xmlSecInit() >= 0 else { return false }
        guard cxmlsec_check_version() == 1 else { return false }
        guard xmlSecOpenSSLAppInit(nil) >= 0, xmlSecOpenSSLInit() >= 0 else { return false }
        xmlSecErrorsSetCallback { _, _, function, _, subject, reason, message in
            // The parts joined by ": " as bytes, decoded once (the ASCII separator keeps each part's
            // invalid UTF-8, if any, repaired as it was part by part).
            var bytes: [UInt8] = []
            bytes.reserveCapacity(256)
            func append(_ part: UnsafeRawBufferPointer) {
                if !bytes.isEmpty { bytes += [0x3A, 0x20] }
                bytes += part
            }
            if let function { append(UnsafeRawBufferPointer(start: function, count: strlen(function))) }
            if let subject { append(UnsafeRawBufferPointer(start: subject, count: strlen(subject))) }
            if let message {
                // Drop the libxml2 last-error suffix: it is thread state, not about this signature.
                let length = strstr(message, "; xml error: ").map { UnsafePointer($0) - message } ?? Int(strlen(message))
                append(UnsafeRawBufferPointer(start: message, count: length))
            }
            XMLSec.record(reason: reason, text: String(decoding: bytes, as: UTF8.self))
        }
        return true
    }()

    private static let messages = Mutex<[UInt: [String]]>([:])

    private static var threadKey: UInt {
        #if canImport(Darwin)
        return UInt(bitPattern: pthread_self())
        #else
        return UInt(pthread_self())
        #endif
    }

    fileprivate static func record(reason: Int32, text: String) {
        let key = threadKey
        messages.withLock { table in
            guard table[key] != nil else { return }
            if table[key]!.count < 20 { table[key]!.append(text) }
        }
    }

    /// Runs `body` and returns its value with the xmlsec errors raised on this thread meanwhile.
    static func capture<T>(_ body: () -> T) -> (T, [String]) {
        _ = isAvailable
        let key = threadKey
        let previous = messages.withLock { table -> [String]? in
            let old = table[key]
            table[key] = []
            return old
        }
        // xmlsec appends libxml2's thread-local last error to its messages; a stale one from an
        // earlier parse on this thread would make the text depend on scheduling.
        xmlResetLastError()
        let value = body()
        let captured = messages.withLock { table -> [String] in
            let list = table[key] ?? []
            table[key] = previous
            return list
        }
        return (value, captured)
    }

    /// The most telling line among captured errors (the first one that names a reason).
    static func summary(_ errors: [String]) -> String {
        let interesting = errors.first { $0.contains("do not match") || $0.contains("verification failed") }
        return (interesting ?? errors.first ?? "unknown xmlsec error").map { $0 == "\n" ? " " : $0 }.reduce(into: "") { $0.append($1) }
    }
}
