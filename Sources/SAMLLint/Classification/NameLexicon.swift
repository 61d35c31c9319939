import Foundation

/// Given-name and family-name frequencies (per million people) from `rules/lexicons/names.tsv`,
/// built by `scripts/build-name-lexicon` from the US Census 1990 lists and per-locale public lists.
public struct NameLexicon: Sendable {
    public struct Frequency: Sendable, Equatable {
        public var given: Double
        public var family: Double
    }

    private let table: [String: Frequency]

    public init(tsv text: String) {
        var table: [String: Frequency] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard parts.count == 3, let given = Double(parts[1]), let family = Double(parts[2]) else { continue }
            table[String(parts[0])] = Frequency(given: given, family: family)
        }
        self.table = table
    }

    public static func shared(_ data: RuleData) -> NameLexicon {
        data.cached("lexicon:names") { NameLexicon(tsv: $0.text("lexicons/names.tsv") ?? "") }
    }

    public var count: Int { table.count }

    /// The frequencies of one name token (case-insensitive; hyphenated parts fall back to the first part).
    public func frequency(_ token: String) -> Frequency? {
        let key = token.lowercased().precomposedStringWithCanonicalMapping
        if let hit = table[key] { return hit }
        let stripped = key.trimmingCharacters(in: CharacterSet(charactersIn: ".,'’"))
        if stripped != key, let hit = table[stripped] { return hit }
        return nil
    }

    /// Log-odds that the token is a given name rather than a family name; 0 when unknown.
    /// Positive: given; negative: family. Each side gets a small pseudo-count so a name in only
    /// one list is clear but bounded (a locale-list entry without frequency gives about ±3).
    public func givenLogOdds(_ token: String) -> Double {
        guard let f = frequency(token) else { return 0 }
        return log((f.given + 0.1) / (f.family + 0.1))
    }

    public func contains(_ token: String) -> Bool { frequency(token) != nil }
}
