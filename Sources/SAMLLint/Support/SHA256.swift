import SAMLXML

/// SHA-256 and HMAC-SHA-256 for fingerprints and redaction masks, from libcrypto (`Digest`).
public enum SHA256 {
    public static func hash(_ message: [UInt8]) -> [UInt8] { Digest.sha256(message) }

    public static func hmac(key: [UInt8], message: [UInt8]) -> [UInt8] { Digest.hmacSHA256(key: key, message: message) }

    /// Lowercase hex.
    public static func hex(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func hex(of text: String) -> String { hex(hash(Array(text.utf8))) }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
