import Foundation

/// The word lists of `rules/lexicons/value-patterns.yml`.
public struct ValuePatterns: Sendable {
    public let placeholders: Set<String>
    public let nonRoutableTLDs: Set<String>
    public let upnDomainSuffixes: [String]
    public let booleans: Set<String>
    public let familyParticles: Set<String>

    public init(yaml text: String) {
        let node = (try? Yams.compose(yaml: text)) ?? nil
        func list(_ key: String) -> [String] {
            (node?.mapping?[key]?.sequence ?? []).compactMap { $0.string?.lowercased() }
        }
        placeholders = Set(list("placeholders"))
        nonRoutableTLDs = Set(list("nonRoutableTLDs"))
        upnDomainSuffixes = list("upnDomainSuffixes")
        booleans = Set(list("booleans"))
        familyParticles = Set(list("familyParticles"))
    }

    public static func shared(_ data: RuleData) -> ValuePatterns {
        data.cached("lexicon:value-patterns") { ValuePatterns(yaml: $0.text("lexicons/value-patterns.yml") ?? "") }
    }
}

import Yams
