import Foundation

/// Which order a person's names are written in: East Asian scripts and family-first cultures put the
/// family name first, so the order of a display name or an email local part says nothing there.
public enum NameOrder {
    /// Han, Kana or Hangul only.
    public static func isEastAsian(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x1100...0x11FF, 0x3040...0x30FF, 0x3400...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF: return true
            default: return false
            }
        }
    }

    /// Thai script only (letters, vowel and tone marks), ignoring spaces. Thai names are written given name
    /// first, never family first.
    public static func isThai(_ text: String) -> Bool {
        var any = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace { continue }
            guard (0x0E00...0x0E7F).contains(scalar.value) else { return false }
            any = true
        }
        return any
    }

    /// Hangul, Han, Kana, Vietnamese-only letters, Hungarian ő/ű, or a frequent family-first surname.
    public static func mayBeFamilyFirst(_ a: String, _ b: String, context: LintContext) -> Bool {
        let surnames = context.ruleData.lineList("lexicons/family-first-names.txt")
        for value in [a, b] {
            if surnames.contains(AssertionAnalysis.fold(value)) { return true }
            // A value without separators is its one token: its fold was just looked up.
            if !NameClassifier.isOneASCIIToken(value),
                NameClassifier.tokens(value).contains(where: { surnames.contains(AssertionAnalysis.fold($0)) })
            { return true }
            for scalar in value.unicodeScalars {
                switch scalar.value {
                case 0x1100...0x11FF, 0x3040...0x30FF, 0x3400...0x9FFF, 0xAC00...0xD7AF: return true  // Hangul, Kana, Han
                case 0x1EA0...0x1EF9, 0x01A0, 0x01A1, 0x01AF, 0x01B0, 0x0110, 0x0111, 0x0103, 0x0102: return true  // Vietnamese
                case 0x0150, 0x0151, 0x0170, 0x0171: return true  // Hungarian ő ű
                default: continue
                }
            }
        }
        return false
    }
}

/// The surnames and the given names of `rules/lexicons/family-first-names.txt`, told apart by their
/// section headings (`# Hungarian given names`; the other sections list surnames).
public struct FamilyFirstNames: Sendable {
    public let surnames: Set<String>
    public let givenNames: Set<String>

    public init(text: String) {
        var surnames = Set<String>(), given = Set<String>()
        var inGiven = false
        // Split over the bytes: Foundation trimming per line was a tenth of a one-file run.
        for line in text.utf8.split(separator: 0x0A) {
            let trimmed = String(decoding: line, as: UTF8.self).trimmed
            if trimmed.hasPrefix("#") {
                // Only the short section headings switch (`# Hungarian`, `# Chinese given names (pinyin)`),
                // not the prose of the header.
                let heading = (trimmed.dropFirst().split(separator: "(").first ?? "").lowercased()
                let words = heading.split(separator: " ")
                if !words.isEmpty, words.count <= 4 { inGiven = heading.contains("given names") }
                continue
            }
            let name = trimmed.lowercased()
            guard !name.isEmpty else { continue }
            if inGiven { given.insert(name) } else { surnames.insert(name) }
        }
        self.surnames = surnames
        self.givenNames = given
    }

    public static func shared(_ data: RuleData) -> FamilyFirstNames {
        data.cached("lexicon:family-first-sections") { FamilyFirstNames(text: $0.text("lexicons/family-first-names.txt") ?? "") }
    }

    /// +1 for a token only in the given-name sections, -1 for one only among the surnames, 0 otherwise
    /// (`Tamás`, `Wei`: both).
    public func vote(_ token: String) -> Int {
        let folded = AssertionAnalysis.fold(token)
        let given = givenNames.contains(folded), surname = surnames.contains(folded)
        return given == surname ? 0 : given ? 1 : -1
    }
}
