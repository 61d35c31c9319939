/// Escaping for XML and HTML text and attribute values. Characters XML 1.0 forbids (most C0
/// controls, lone surrogates cannot occur in Swift strings, U+FFFE/U+FFFF) become U+FFFD.
enum XMLEscape {
    /// On the UTF-8 bytes: every character escaped or replaced is ASCII, or U+FFFE/U+FFFF (EF BF BE,
    /// EF BF BF), so the other bytes are copied as they are. Text that needs nothing is returned
    /// as it is (most of an HTML report: a scalar-by-scalar copy was 10% of a folder's run).
    static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: needsLook) else { return text }
        let bytes = Array(utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            case UInt8(ascii: "\""): out += "&quot;".utf8
            case UInt8(ascii: "'"): out += "&#39;".utf8
            case 0x09, 0x0A, 0x0D: out.append(byte)
            case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                out += replacement
                index += 3
                continue
            default:
                if byte < 0x20 { out += replacement } else { out.append(byte) }
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// U+FFFD in UTF-8.
    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// A byte that is escaped, replaced, or may start U+FFFE/U+FFFF.
    private static func needsLook(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0xEF: return true
        case 0x09, 0x0A, 0x0D: return false
        default: return byte < 0x20
        }
    }
}
