import Foundation

/// Runs the classifier families in order (placeholder, address, identifier, name) and returns one
/// label with a confidence for a value.
public final class ValueClassifier: Sendable {
    public let placeholders: PlaceholderClassifier
    public let emails: EmailClassifier
    public let identifiers: IdentifierClassifier
    public let names: NameClassifier
    public let lexicon: NameLexicon
    public let patterns: ValuePatterns

    public init(data: RuleData = .builtIn) {
        let patterns = ValuePatterns.shared(data)
        let lexicon = NameLexicon.shared(data)
        self.patterns = patterns
        self.lexicon = lexicon
        placeholders = PlaceholderClassifier(patterns: patterns)
        emails = EmailClassifier(
            patterns: patterns, opaqueMinLength: Int(data.threshold("classifiers.opaqueLocalPart.minLength", default: 16)),
            opaqueMaxVowelShare: data.threshold("classifiers.opaqueLocalPart.maxVowelShare", default: 0.2))
        identifiers = IdentifierClassifier(patterns: patterns)
        names = NameClassifier(
            lexicon: lexicon, patterns: patterns, strongOdds: data.threshold("mapping.names.strongLogOdds", default: 2.0))
    }

    public static func shared(_ data: RuleData) -> ValueClassifier {
        data.cached("classifier:values") { ValueClassifier(data: $0) }
    }

    /// Classifications already made, shared by the mapping rules and inference (they read the same
    /// values); bounded, cleared when full.
    private let memo = LookupMemo<Classification>()

    public func classify(_ raw: String) -> Classification {
        memo.value(for: raw) { classifyUncached(raw) }
    }

    func classifyUncached(_ raw: String) -> Classification {
        let value = raw.trimmed
        // More than 4,096 bytes may still be 4,096 characters or fewer: count those only then.
        if value.utf8.count > 4096, value.count > 4096 { return Classification(.text, 0.5) }
        if let hit = placeholders.classify(value) { return hit }
        if value.hasASCII("@"), let hit = emails.classify(value) { return hit }
        if let hit = identifiers.classify(value) { return hit }
        if let hit = names.classify(value) { return hit }
        return Classification(.text, 0.5)
    }
}
