import Foundation

/// The word lists of `rules/lexicons/value-patterns.yml`.
public final class ValuePatterns: Sendable {
    public let placeholders: Set<String>
    /// Placeholder words that are also people's names (`Nil`, `Blank`).
    public let placeholderNames: Set<String>
    public let nonRoutableTLDs: Set<String>
    public let upnDomainSuffixes: [String]
    public let booleans: Set<String>
    public let familyParticles: Set<String>
    /// The particles that only ever begin a family name (`Ó`, `Ní`, `Mac`, `آل`).
    public let strongFamilyParticles: Set<String>
    public let familySuffixes: [String]
    /// The family-name endings no given name has (`-shvili`, `-ová`).
    public let strongFamilySuffixes: [String]
    public let familySuffixExceptions: Set<String>

    public init(yaml text: String) {
        let node = (try? RuleData.compose(text)) ?? nil
        func list(_ key: String) -> [String] {
            (node?.mapping?[key]?.sequence ?? []).compactMap { $0.string?.lowercased() }
        }
        placeholders = Set(list("placeholders"))
        placeholderNames = Set(list("placeholderNames"))
        nonRoutableTLDs = Set(list("nonRoutableTLDs"))
        upnDomainSuffixes = list("upnDomainSuffixes")
        booleans = Set(list("booleans"))
        familyParticles = Set(list("familyParticles"))
        strongFamilyParticles = Set(list("strongFamilyParticles"))
        familySuffixes = list("familySuffixes").sorted { $0.count > $1.count }
        strongFamilySuffixes = list("strongFamilySuffixes")
        familySuffixExceptions = Set(list("familySuffixExceptions"))
    }

    /// Whether a single name token ends like a family name (`Kubíková`, `Ivanov`, `Abeghyan`, `O'Brien`).
    public func hasFamilyEnding(_ token: String) -> Bool {
        endingMemo.value(for: token) { computeFamilyEnding(token) }
    }

    /// Several rules and the classifier ask about the same tokens of a message.
    private let endingMemo = LookupMemo<Bool>()

    func computeFamilyEnding(_ token: String) -> Bool {
        guard let lower = Self.comparable(token), !familySuffixExceptions.contains(lower) else { return false }
        if (lower.hasPrefix("o'") || lower.hasPrefix("o’")) && lower.count >= 5 { return true }
        return familySuffixes.contains { lower.hasSuffix($0) && lower.count >= $0.count + 3 }
    }

    /// Whether a value of several tokens begins with a particle that only ever begins a family name
    /// (`Ó Haoláin`, `Ní Bhriain`, `Mac Giolla`).
    public func startsWithStrongFamilyParticle(_ value: String) -> Bool {
        let tokens = NameClassifier.tokens(value)
        return tokens.count >= 2 && strongFamilyParticles.contains(tokens[0].lowercased())
    }

    /// Whether a single name token ends in one of the family-name endings no given name has
    /// (`Khozrevanidze`, `Kubíková`, `Юхименко`).
    public func hasStrongFamilyEnding(_ token: String) -> Bool {
        guard hasFamilyEnding(token), let lower = Self.comparable(token) else { return false }
        return strongFamilySuffixes.contains { lower.hasSuffix($0) && lower.count >= $0.count + 3 }
    }

    /// The token lowercased and composed (suffixes compare by code points; ASCII already is), when long
    /// enough to carry an ending.
    static func comparable(_ token: String) -> String? {
        let folded = token.lowercased()
        let lower = folded.utf8.allSatisfy({ $0 < 0x80 }) ? folded : folded.precomposedStringWithCanonicalMapping
        return lower.count >= 5 ? lower : nil
    }

    public static func shared(_ data: RuleData) -> ValuePatterns {
        data.cached("lexicon:value-patterns") { ValuePatterns(yaml: $0.text("lexicons/value-patterns.yml") ?? "") }
    }
}

import Yams
