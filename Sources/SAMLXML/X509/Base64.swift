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
        var compacted = text
        compacted.removeAll { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        guard !compacted.isEmpty, let data = Data(base64Encoded: Data(compacted)) else { return nil }
        return [UInt8](data)
    }

    /// Decodes base64 text read in place (UTF-8 bytes); nil when it is not valid base64.
    public static func decode(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? { decode(Array(text)) }

    /// Decodes base64 text; nil when it is not valid base64.
    public static func decode(_ text: String) -> [UInt8]? { decode(Array(text.utf8)) }

    public static func encode(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }
}
