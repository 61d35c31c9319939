/// Base64 (RFC 4648, standard alphabet) decoding over UTF-8 bytes, ASCII whitespace skipped. A
/// hot path in aggregates (tens of thousands of certificates): no String or Character work.
public enum Base64 {
    private static let table: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(byte)] = UInt8(index)
        }
        return table
    }()

    /// The bytes with ASCII whitespace (space, tab, CR, LF) removed.
    public static func compact(_ text: String) -> [UInt8] {
        var bytes = Array(text.utf8)
        bytes.removeAll { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        return bytes
    }

    /// Decodes; nil when a character is outside the alphabet or the padding is wrong.
    public static func decode(_ text: [UInt8]) -> [UInt8]? {
        text.withUnsafeBufferPointer { decode($0) }
    }

    public static func decode(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var failed = false
        let output = table.withUnsafeBufferPointer { table in
            [UInt8](unsafeUninitializedCapacity: text.count * 3 / 4 + 3) { out, written in
                var count = 0
                var accumulator: UInt32 = 0
                var bits: UInt32 = 0
                var padding = 0
                for byte in text {
                    if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { continue }
                    if byte == 0x3D {
                        padding += 1
                        continue
                    }
                    let value = table[Int(byte)]
                    if value == 0xFF || padding > 0 {
                        failed = true
                        break
                    }
                    accumulator = (accumulator << 6) | UInt32(value)
                    bits += 6
                    if bits >= 8 {
                        bits -= 8
                        out[count] = UInt8(truncatingIfNeeded: accumulator >> bits)
                        count += 1
                    }
                }
                if padding > 2 || bits >= 6 { failed = true }
                written = count
            }
        }
        return failed ? nil : output
    }

    /// Standard base64 with `=` padding, no line breaks (for evidence).
    public static func encode(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let b0 = UInt32(bytes[index])
            let b1 = index + 1 < bytes.count ? UInt32(bytes[index + 1]) : 0
            let b2 = index + 2 < bytes.count ? UInt32(bytes[index + 2]) : 0
            let triple = b0 << 16 | b1 << 8 | b2
            out.append(alphabet[Int(triple >> 18 & 63)])
            out.append(alphabet[Int(triple >> 12 & 63)])
            out.append(index + 1 < bytes.count ? alphabet[Int(triple >> 6 & 63)] : 0x3D)
            out.append(index + 2 < bytes.count ? alphabet[Int(triple & 63)] : 0x3D)
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
