/// A fast seeded 64-bit hash of bytes, eight at a time, for tables whose keys are long or hashed
/// often (certificates, memo keys): SipHash over every byte of a certificate showed in profiles.
/// Seeded per process, so colliding keys cannot be prepared in advance.
package enum FastHash {
    private static let seed = UInt64.random(in: 1...UInt64.max)
    private static var multiplier: UInt64 { 0x9FB2_1C65_1E98_DF25 }

    package static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = seed ^ (UInt64(bytes.count) &* multiplier)
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = (hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* multiplier
            hash ^= hash >> 29
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        hash = (hash ^ tail) &* multiplier
        hash ^= hash >> 32
        hash = hash &* multiplier
        hash ^= hash >> 29
        return hash
    }

    /// The hash of a string's UTF-8 bytes.
    package static func of(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { of(UnsafeRawBufferPointer($0)) }
    }
}
