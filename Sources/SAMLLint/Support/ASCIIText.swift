/// String helpers without Foundation or Character work, for the per-entity hot paths of
/// aggregate linting (tens of thousands of entities).
extension String {
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    /// Without ASCII whitespace at either end.
    var asciiTrimmed: String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return self }
        if !Self.isSpace(first) && !Self.isSpace(last) { return self }
        guard let start = utf8.firstIndex(where: { !Self.isSpace($0) }), let end = utf8.lastIndex(where: { !Self.isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }

    /// False when the text starts and ends with a visible ASCII character (`!`...`~`), so neither end
    /// can be whitespace of any kind; true otherwise (empty, whitespace or non-ASCII at an end), when
    /// a closer look by character is needed.
    var mayHaveWhitespaceAtEnds: Bool {
        guard let first = utf8.first, let last = utf8.last else { return true }
        return !(0x21...0x7E).contains(first) || !(0x21...0x7E).contains(last)
    }

    /// Whether the text, leading whitespace skipped, starts with the ASCII `prefix`, ignoring case.
    func hasASCIIPrefixIgnoringCase(_ prefix: String) -> Bool {
        var text = self.utf8.drop { Self.isSpace($0) }.makeIterator()
        for expected in prefix.utf8 {
            guard let byte = text.next() else { return false }
            let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            if lower != expected { return false }
        }
        return true
    }

    /// ASCII lowercase; other characters unchanged.
    var asciiLowercased: String {
        guard utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return self }
        let source = self.utf8
        // One allocation; only ASCII bytes change, so the result is valid UTF-8 as the input was.
        return String(unsafeUninitializedCapacity: source.count) { buffer in
            var index = 0
            for byte in source {
                buffer[index] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                index += 1
            }
            return index
        }
    }
}

extension String {
    /// Whether the UTF-8 bytes hold `character` (an ASCII character): no Foundation search, no
    /// grapheme breaking.
    func hasASCII(_ character: Unicode.Scalar) -> Bool {
        let byte = UInt8(character.value)
        return utf8.contains(byte)
    }

    /// Whether the UTF-8 bytes hold the ASCII `needle`, comparing ASCII letters without case when asked.
    func containsASCII(_ needle: String, ignoringCase: Bool = false) -> Bool {
        @inline(__always) func fold(_ byte: UInt8) -> UInt8 { ignoringCase && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        let pattern = needle.utf8.map(fold)
        guard !pattern.isEmpty else { return true }
        let bytes = Array(utf8)
        var start = 0
        while start + pattern.count <= bytes.count {
            var matched = 0
            while matched < pattern.count, fold(bytes[start + matched]) == pattern[matched] { matched += 1 }
            if matched == pattern.count { return true }
            start += 1
        }
        return false
    }
}
