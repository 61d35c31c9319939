import CLibXMLSec

/// SHA-256 and HMAC-SHA-256 from OpenSSL's libcrypto (the library xmlsec1 verifies signatures with):
/// for finding fingerprints and redaction masks. Whole messages in memory, not a streaming API.
public enum Digest {
    public static func sha256(_ message: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let done = withNonNullBytes(message) { data in
            out.withUnsafeMutableBufferPointer { EVP_Digest(data, message.count, $0.baseAddress, &length, EVP_sha256(), nil) }
        }
        precondition(done == 1 && length == 32, "libcrypto's SHA-256 failed")
        return out
    }

    public static func hmacSHA256(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        var length = 0
        let made = withNonNullBytes(key) { keyBytes in
            withNonNullBytes(message) { data in
                out.withUnsafeMutableBufferPointer { EVP_Q_mac(nil, "HMAC", nil, "SHA256", nil, keyBytes, key.count, data, message.count, $0.baseAddress, 32, &length) }
            }
        }
        precondition(made != nil && length == 32, "libcrypto's HMAC-SHA-256 failed")
        return out
    }

    /// The bytes' address, never NULL (an empty array has none, and libcrypto refuses a NULL key).
    private static func withNonNullBytes<R>(_ bytes: [UInt8], _ body: (UnsafeRawPointer) -> R) -> R {
        bytes.withUnsafeBytes { buffer in
            if let base = buffer.baseAddress { return body(base) }
            var empty: UInt8 = 0
            return withUnsafePointer(to: &empty) { body(UnsafeRawPointer($0)) }
        }
    }
}
