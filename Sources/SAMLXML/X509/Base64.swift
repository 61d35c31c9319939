import Foundation

/// Base64 as SAML carries it (certificates, signature values, encrypted keys): Foundation's decoder,
/// after the line breaks and indentation of pretty-printed XML are removed. Anything else outside the
/// alphabet makes the value invalid (nil), rather than being skipped.
public enum Base64 {
    /// The bytes with ASCII whitespace (space, tab, CR, LF) removed.
    public static func compact(_ text: String) -> [UInt8] {
        var bytes = Array(text.utf8)
        bytes.removeAll { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        return bytes
    }

    /// Decodes base64 text given as UTF-8 bytes; nil when it is not valid base64.
    public static func decode(_ text: [UInt8]) -> [UInt8]? {
        text.withUnsafeBufferPointer { decode($0) }
    }

    /// Decodes base64 text read in place (UTF-8 bytes); nil when it is not valid base64. Whitespace
    /// is dropped while copying once, and Foundation's decoder reads that copy in place.
    public static func decode(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var compacted = [UInt8](unsafeUninitializedCapacity: text.count) { buffer, count in
            var kept = 0
            for byte in text where !(byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09) {
                buffer[kept] = byte
                kept += 1
            }
            count = kept
        }
        guard !compacted.isEmpty else { return nil }
        let data = compacted.withUnsafeMutableBytes { raw in
            Data(base64Encoded: Data(bytesNoCopy: raw.baseAddress!, count: raw.count, deallocator: .none))
        }
        return data.map { decoded in decoded.withUnsafeBytes { [UInt8]($0) } }
    }

    /// Decodes base64 text; nil when it is not valid base64.
    public static func decode(_ text: String) -> [UInt8]? { decode(Array(text.utf8)) }

    public static func encode(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }
}
