import Foundation

/// Given-name and family-name frequencies (per million people) from `rules/lexicons/names.tsv`,
/// built by `scripts/build-name-lexicon` from the US Census 1990 lists and per-locale public lists.
public struct NameLexicon: Sendable {
    public struct Frequency: Sendable, Equatable {
        public var given: Double
        public var family: Double
    }

    private let table: [String: Frequency]

    /// Parsed over the UTF-8 bytes in one pass: this runs at start-up for every one-file lint, and
    /// splitting 17,000 lines into Substrings and Doubles cost a third of such a run.
    public init(tsv text: String) {
        var table: [String: Frequency] = [:]
        var text = text
        text.withUTF8 { bytes in
            table.reserveCapacity(bytes.count / 12)
            var lineStart = 0
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                guard lineEnd > lineStart, bytes[lineStart] != UInt8(ascii: "#") else { continue }
                var tabs: [Int] = []
                for index in lineStart..<lineEnd where bytes[index] == 0x09 { tabs.append(index) }
                guard tabs.count == 2,
                    let given = Self.number(bytes, tabs[0] + 1, tabs[1]),
                    let family = Self.number(bytes, tabs[1] + 1, lineEnd)
                else { continue }
                let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<tabs[0]]), as: UTF8.self)
                table[key] = Frequency(given: given, family: family)
            }
        }
        self.table = table
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

    public static func shared(_ data: RuleData) -> NameLexicon {
        data.cached("lexicon:names") { NameLexicon(tsv: $0.text("lexicons/names.tsv") ?? "") }
    }

    public var count: Int { table.count }

    /// The frequencies of one name token (case-insensitive; hyphenated parts fall back to the first part).
    public func frequency(_ token: String) -> Frequency? {
        // Swift strings hash and compare by canonical equivalence: `e` + U+0301 finds `é` as it is.
        let key = token.lowercased()
        if let hit = table[key] { return hit }
        let scalars = key.unicodeScalars
        guard let first = scalars.first, let last = scalars.last, Self.edgeMarks.contains(first) || Self.edgeMarks.contains(last) else { return nil }
        guard let start = scalars.firstIndex(where: { !Self.edgeMarks.contains($0) }) else { return nil }
        let end = scalars.lastIndex(where: { !Self.edgeMarks.contains($0) })!
        return table[String(scalars[start...end])]
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
