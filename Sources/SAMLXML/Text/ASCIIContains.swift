import Foundation

extension String {
    /// `contains(needle)` as Foundation answers it, without Foundation when the text is ASCII: an
    /// ASCII text has no composed characters, so a byte search gives the same answer (Foundation's
    /// search bridges to NSString and showed in profiles of every file's XML declaration).
    /// `needle` must be ASCII.
    package func containsFoundationEquivalent(_ needle: String) -> Bool {
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return contains(needle) }
        return asciiOffset(of: needle) != nil
    }

    /// The byte offset where the ASCII `needle` first occurs in the UTF-8 bytes.
    package func asciiOffset(of needle: String) -> Int? {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty else { return 0 }
        var copy = self
        return copy.withUTF8 { bytes -> Int? in
            guard pattern.count <= bytes.count else { return nil }
            for start in 0...(bytes.count - pattern.count) where bytes[start] == pattern[0] {
                var matched = 1
                while matched < pattern.count, bytes[start + matched] == pattern[matched] { matched += 1 }
                if matched == pattern.count { return start }
            }
            return nil
        }
    }
}
