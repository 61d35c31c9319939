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
        return String(decoding: utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}
