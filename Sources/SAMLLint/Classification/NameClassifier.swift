import Foundation

/// Human names in every script: given name, family name, full name (`Jane Doe`, `Doe, Jane`,
/// `DOE Jane`), initials. Never labels a value with digits, `@` or `=`, so ids stay ids; and
/// never labels a name as anything else, whatever its script.
public struct NameClassifier: Sendable {
    let lexicon: NameLexicon
    let patterns: ValuePatterns
    let strongOdds: Double

    public init(lexicon: NameLexicon, patterns: ValuePatterns, strongOdds: Double = 2.0) {
        self.lexicon = lexicon
        self.patterns = patterns
        self.strongOdds = strongOdds
    }

    static let nameMarks = CharacterSet(charactersIn: "-'’.‐ ·・")

    /// Letters of any script, combining marks, spaces, hyphens, apostrophes, periods; a comma in
    /// `Family, Given`. No digits, no `@`.
    public static func isNameShaped(_ value: String) -> Bool {
        // (A string has no more characters than bytes; an ASCII one's letters are its A-Z and a-z bytes.)
        let isASCII = value.utf8.allSatisfy { $0 < 0x80 }
        guard !value.isEmpty, value.utf8.count <= 120 || value.count <= 120,
            isASCII ? value.utf8.contains(where: IdentifierClassifier.isASCIILetter) : value.contains(where: \.isLetter)
        else { return false }
        var commas = 0
        for scalar in value.unicodeScalars {
            if scalar.value < 0x80 {
                switch asciiNameScalars[Int(scalar.value)] {
                case .part: continue
                case .comma: commas += 1; continue
                case .other: return false
                }
            }
            if CharacterSets.letters.contains(scalar) || CharacterSets.nonBaseCharacters.contains(scalar) { continue }
            if nameMarks.contains(scalar) || CharacterSets.whitespaces.contains(scalar) { continue }
            if scalar == "," { commas += 1; continue }
            if scalar == "\u{200C}" || scalar == "\u{200D}" { continue }  // ZWNJ/ZWJ in Persian, Indic names
            return false
        }
        return commas <= 1
    }

    private enum NameScalar { case part, comma, other }

    /// The scalar test of `isNameShaped` for each ASCII scalar, computed once with the same sets.
    private static let asciiNameScalars: [NameScalar] = (0..<128).map { code in
        let scalar = Unicode.Scalar(UInt8(code))
        if CharacterSets.letters.contains(scalar) || CharacterSets.nonBaseCharacters.contains(scalar) { return .part }
        if nameMarks.contains(scalar) || CharacterSets.whitespaces.contains(scalar) { return .part }
        if scalar == "," { return .comma }
        return .other
    }

    /// Splits a name into tokens (whitespace; CJK runs stay whole).
    public static func tokens(_ value: String) -> [String] {
        // ASCII text splits on bytes (a `\r\n` pair is one whitespace character or two whitespace
        // bytes: the same tokens either way).
        if value.utf8.allSatisfy({ $0 < 0x80 }) {
            return value.utf8.split(whereSeparator: { $0 == 0x20 || (0x09...0x0D).contains($0) || $0 == UInt8(ascii: ",") })
                .map { String(decoding: $0, as: UTF8.self) }
        }
        return tokensByCharacter(value)
    }

    /// `tokens(value).count`, without making the tokens when the value is ASCII.
    public static func tokenCount(_ value: String) -> Int {
        guard value.utf8.allSatisfy({ $0 < 0x80 }) else { return tokensByCharacter(value).count }
        var count = 0
        var inToken = false
        for byte in value.utf8 {
            let separates = byte == 0x20 || (0x09...0x0D).contains(byte) || byte == UInt8(ascii: ",")
            if !separates, !inToken { count += 1 }
            inToken = !separates
        }
        return count
    }

    /// ASCII without a separator: `tokens(value) == [value]`.
    public static func isOneASCIIToken(_ value: String) -> Bool {
        !value.isEmpty && value.utf8.allSatisfy { $0 < 0x80 && $0 != 0x20 && !(0x09...0x0D).contains($0) && $0 != UInt8(ascii: ",") }
    }

    static func tokensByCharacter(_ value: String) -> [String] {
        value.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
    }

    public func classify(_ value: String) -> Classification? {
        guard Self.isNameShaped(value) else { return nil }
        if let initials = initials(value) { return initials }
        if value.hasASCII(",") {
            let halves = value.split(separator: ",").map { String($0).trimmed }
            if halves.count == 2, !halves[0].isEmpty, !halves[1].isEmpty { return Classification(.fullName, 0.95) }
            return nil
        }
        let tokens = Self.tokens(value)
        switch tokens.count {
        case 0:
            return nil
        case 1:
            return single(tokens[0])
        default:
            if tokens.count > 6 { return Classification(.text, 0.6) }
            let first = tokens[0]
            if patterns.familyParticles.contains(first.lowercased()) || first.lowercased().hasPrefix("al-") {
                return Classification(.familyName, 0.7)
            }
            // DOE Jane: one all-caps token (family, French/administrative style) and a capitalised one.
            let caps = tokens.filter { $0.count >= 2 && $0 == $0.uppercased() && $0 != $0.lowercased() }
            if caps.count == 1, tokens.count == 2 { return Classification(.fullName, 0.9) }
            let odds = tokens.map(odds)
            let allGiven = odds.allSatisfy { $0 >= strongOdds }
            let allFamily = odds.allSatisfy { $0 <= -strongOdds }
            if allGiven { return Classification(.givenName, 0.6) }  // Mary Ann, Jean Pierre
            if allFamily { return Classification(.familyName, 0.6) }  // García López
            if odds.first! >= strongOdds && odds.last! <= -strongOdds || odds.first! <= -strongOdds && odds.last! >= strongOdds {
                return Classification(.fullName, 0.9)
            }
            return Classification(.fullName, 0.6)
        }
    }

    /// Name frequencies, else a family-name ending (`Petrova`, `Kubíková`) for tokens the lexicon lacks.
    func odds(_ token: String) -> Double {
        let known = lexicon.givenLogOdds(token)
        if abs(known) >= strongOdds { return known }
        return patterns.hasFamilyEnding(token) ? -strongOdds : known
    }

    func single(_ token: String) -> Classification {
        let odds = odds(token)
        if odds >= strongOdds { return Classification(.givenName, min(0.95, 0.6 + odds / 20)) }
        if odds <= -strongOdds { return Classification(.familyName, min(0.95, 0.6 - odds / 20)) }
        return Classification(.personName, 0.6)
    }

    /// `J.`, `J. D.`, `J.-P.`, `JD` only with dots or a single letter.
    func initials(_ value: String) -> Classification? {
        // How many letters the value's letters make (ASCII: its A-Z and a-z bytes, counted without
        // building a string; other text as the letters joined, where marks and jamo may combine).
        let letterCount = value.utf8.allSatisfy({ $0 < 0x80 })
            ? value.utf8.count(where: IdentifierClassifier.isASCIILetter) : value.filter(\.isLetter).count
        guard letterCount > 0, letterCount <= 4 else { return nil }
        let chunks = value.split(whereSeparator: { $0 == "." || $0 == " " || $0 == "-" })
        guard chunks.allSatisfy({ $0.count == 1 && $0.first!.isLetter }) else { return nil }
        if value.hasASCII(".") || letterCount == 1 { return Classification(.initials, value.hasASCII(".") ? 0.9 : 0.7) }
        return nil
    }
}
