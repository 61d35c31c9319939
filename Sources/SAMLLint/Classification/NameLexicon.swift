import Foundation

/// Given-name and family-name frequencies (per million people) from `rules/lexicons/names.tsv`,
/// built by `scripts/build-name-lexicon` from the US Census 1990 lists and per-locale public lists.
public final class NameLexicon: Sendable {
    public struct Frequency: Sendable, Equatable {
        public var given: Double
        public var family: Double
        public init(given: Double, family: Double) {
            self.given = given
            self.family = family
        }
    }

    /// The file's bytes from its first entry on. `scripts/build-name-lexicon` writes one entry per
    /// line, `token<TAB>given<TAB>family`, tokens lowercased, in NFC and sorted by code point (so by
    /// UTF-8 bytes): a lookup is a binary search over the lines as they are, and nothing is parsed
    /// at start-up (building a 17,000-entry dictionary was a tenth of a one-file run). Entries out
    /// of order are found by a test, not here.
    /// Read in place from the text (the built-in file is a string literal: no copy at start-up).
    private let storage: String
    /// Where the first entry starts (after the comment header).
    private let start: Int

    /// `knownSorted`: the built-in file (a test checks its order), so the check pass is skipped.
    public init(tsv text: String, knownSorted: Bool = false) {
        var text = text
        text.makeContiguousUTF8()
        let utf8 = text.utf8
        var start = utf8.startIndex
        while start < utf8.endIndex, utf8[start] == UInt8(ascii: "#") {
            start = utf8[start...].firstIndex(of: 0x0A).map(utf8.index(after:)) ?? utf8.endIndex
        }
        let offset = utf8.distance(from: utf8.startIndex, to: start)
        if knownSorted || Self.isSorted(Array(utf8[start...])) {
            storage = text
            self.start = offset
        } else {
            storage = String(decoding: Self.sortedLines(Array(utf8[start...])), as: UTF8.self)
            self.start = 0
        }
    }

    /// The entries' bytes.
    private func withBytes<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        if let result = storage.utf8.withContiguousStorageIfAvailable({ body(UnsafeBufferPointer(rebasing: $0[start...])) }) {
            return result
        }
        return Array(storage.utf8.dropFirst(start)).withUnsafeBufferPointer(body)
    }

    /// Whether every line's token sorts after the previous one (one pass; the built-in file is).
    static func isSorted(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var previous = 0..<0
            var lineStart = 0
            while lineStart < buffer.count {
                var tokenEnd = lineStart
                while tokenEnd < buffer.count, buffer[tokenEnd] != 0x09, buffer[tokenEnd] != 0x0A { tokenEnd += 1 }
                var lineEnd = tokenEnd
                while lineEnd < buffer.count, buffer[lineEnd] != 0x0A { lineEnd += 1 }
                if tokenEnd == lineStart || buffer[lineStart] == UInt8(ascii: "#") { return false }
                let token = UnsafeBufferPointer(rebasing: buffer[lineStart..<tokenEnd])
                if !previous.isEmpty, !UnsafeBufferPointer(rebasing: buffer[previous]).lexicographicallyPrecedes(token) { return false }
                previous = lineStart..<tokenEnd
                lineStart = lineEnd + 1
            }
            return true
        }
    }

    /// A rules folder's own `names.tsv` may be in any order: its entry lines sorted by token
    /// (comments and blank lines dropped; of repeated tokens the last wins, as in a dictionary).
    static func sortedLines(_ bytes: [UInt8]) -> [UInt8] {
        var byToken: [[UInt8]: ArraySlice<UInt8>] = [:]
        for line in bytes.split(separator: 0x0A) where line.first != UInt8(ascii: "#") {
            guard let tab = line.firstIndex(of: 0x09), tab > line.startIndex else { continue }
            byToken[Array(line[..<tab])] = line
        }
        var out: [UInt8] = []
        for token in byToken.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            out += byToken[token]!
            out.append(0x0A)
        }
        return out
    }

    /// A non-negative decimal number (`12`, `0.5`) between two offsets; nil otherwise.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        guard start < end else { return nil }
        var value = 0.0
        var scale = 0.0
        for index in start..<end {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                guard scale == 0 else { return nil }
                scale = 0.1
            } else if byte >= 48, byte <= 57 {
                if scale == 0 {
                    value = value * 10 + Double(byte - 48)
                } else {
                    value += Double(byte - 48) * scale
                    scale /= 10
                }
            } else if byte == 0x0D, index == end - 1 {
                continue
            } else {
                return nil
            }
        }
        return value
    }

    /// The entry whose token is exactly `key` (UTF-8 bytes).
    func entry(_ key: [UInt8]) -> Frequency? {
        withBytes { buffer -> Frequency? in
            var low = 0
            var high = buffer.count
            while low < high {
                // The line that holds the middle byte.
                var lineStart = (low + high) / 2
                while lineStart > low, buffer[lineStart - 1] != 0x0A { lineStart -= 1 }
                var lineEnd = lineStart
                while lineEnd < buffer.count, buffer[lineEnd] != 0x0A { lineEnd += 1 }
                var tokenEnd = lineStart
                while tokenEnd < lineEnd, buffer[tokenEnd] != 0x09 { tokenEnd += 1 }
                let order = Self.compare(buffer, lineStart, tokenEnd, key)
                if order == 0 {
                    guard tokenEnd < lineEnd else { return nil }
                    var secondTab = tokenEnd + 1
                    while secondTab < lineEnd, buffer[secondTab] != 0x09 { secondTab += 1 }
                    guard let given = Self.number(buffer, tokenEnd + 1, secondTab),
                        let family = Self.number(buffer, secondTab + 1, lineEnd)
                    else { return nil }
                    return Frequency(given: given, family: family)
                }
                if order < 0 { low = lineEnd + 1 } else { high = lineStart }
            }
            return nil
        }
    }

    /// -1, 0 or 1 as the token between two offsets sorts before, equal to or after `key`.
    static func compare(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ key: [UInt8]) -> Int {
        var index = 0
        while start + index < end, index < key.count {
            let a = buffer[start + index]
            let b = key[index]
            if a != b { return a < b ? -1 : 1 }
            index += 1
        }
        let lineLength = end - start
        return lineLength == key.count ? 0 : (lineLength < key.count ? -1 : 1)
    }

    public static func shared(_ data: RuleData) -> NameLexicon {
        data.cached("lexicon:names") { data in
            let path = "lexicons/names.tsv"
            return NameLexicon(tsv: data.text(path) ?? "", knownSorted: data.isBuiltIn(path))
        }
    }

    /// How many entries the file holds.
    public var count: Int {
        withBytes { bytes in bytes.count(where: { $0 == 0x0A }) + (bytes.last.map { $0 == 0x0A ? 0 : 1 } ?? 0) }
    }

    /// The frequencies of one name token (case-insensitive; hyphenated parts fall back to the first part).
    public func frequency(_ token: String) -> Frequency? {
        memo.value(for: token) { Memo(frequency: lookUp(token)) }.frequency
    }

    /// Several rules and inference ask for the same tokens of a message.
    private struct Memo { var frequency: Frequency? }
    private let memo = LookupMemo<Memo>()

    func lookUp(_ token: String) -> Frequency? {
        let lower = token.lowercased()
        // The file is in NFC; ASCII already is.
        let key = lower.utf8.allSatisfy({ $0 < 0x80 }) ? lower : lower.precomposedStringWithCanonicalMapping
        if let hit = entry(Array(key.utf8)) { return hit }
        let scalars = key.unicodeScalars
        guard let first = scalars.first, let last = scalars.last, Self.edgeMarks.contains(first) || Self.edgeMarks.contains(last) else { return nil }
        guard let start = scalars.firstIndex(where: { !Self.edgeMarks.contains($0) }) else { return nil }
        let end = scalars.lastIndex(where: { !Self.edgeMarks.contains($0) })!
        return entry(Array(String(scalars[start...end]).utf8))
    }

    /// Punctuation a token may carry at either end (`J.`, `Doe,`, `O'`).
    static let edgeMarks: Set<Unicode.Scalar> = [".", ",", "'", "’"]

    /// Log-odds that the token is a given name rather than a family name; 0 when unknown.
    /// Positive: given; negative: family. Each side gets a small pseudo-count so a name in only
    /// one list is clear but bounded (a locale-list entry without frequency gives about ±3).
    public func givenLogOdds(_ token: String) -> Double {
        guard let f = frequency(token) else { return 0 }
        return log((f.given + 0.1) / (f.family + 0.1))
    }

    public func contains(_ token: String) -> Bool { frequency(token) != nil }
}
