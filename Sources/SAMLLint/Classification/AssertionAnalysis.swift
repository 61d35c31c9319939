import Foundation

/// One attribute with the field its name promises and what its values look like. An object:
/// every mapping rule filters and passes these around, and copying one copied all its tables.
public final class AnalyzedAttribute: Sendable {
    public let attribute: Attribute
    public var name: String { attribute.name }
    /// The field the configured mapping or the catalog says it carries.
    public let field: ProfileField?
    public let match: CatalogMatch?
    public let configured: Bool
    /// Trimmed values (empty ones included, as "").
    public let values: [String]
    public let classes: [Classification]

    /// Non-empty values with their classification (computed once: every mapping rule reads them).
    public let filled: [(value: String, class: Classification)]

    /// The most common label among the non-empty values, its share and mean confidence.
    public let dominant: (label: ValueLabel, share: Double, confidence: Double)?

    public init(attribute: Attribute, field: ProfileField?, match: CatalogMatch?, configured: Bool, values: [String], classes: [Classification]) {
        self.attribute = attribute
        self.field = field
        self.match = match
        self.configured = configured
        self.values = values
        self.classes = classes
        let filled = zip(values, classes).filter { !$0.0.isEmpty }.map { (value: $0.0, class: $0.1) }
        self.filled = filled
        self.dominant = Self.dominant(of: filled)
    }

    static func dominant(of items: [(value: String, class: Classification)]) -> (label: ValueLabel, share: Double, confidence: Double)? {
        guard !items.isEmpty else { return nil }
        // One value (most attributes): its label, all of the share, its confidence; no tables.
        if items.count == 1 { return (items[0].class.label, 1, 0 + items[0].class.confidence) }  // 0 + as the sum: -0 stays 0
        // Counts and confidence sums per label, by the label's position (no dictionary per attribute).
        var counts = [Int](repeating: 0, count: ValueLabel.allCases.count)
        var sums = [Double](repeating: 0, count: ValueLabel.allCases.count)
        for item in items {
            counts[item.class.label.ordinal] += 1
            sums[item.class.label.ordinal] += item.class.confidence
        }
        // The most common label; on a tie, the one whose raw value sorts first.
        var best: ValueLabel?
        for label in ValueLabel.allCases where counts[label.ordinal] > 0 {
            guard let leader = best else { best = label; continue }
            let count = counts[label.ordinal], leading = counts[leader.ordinal]
            if count > leading || count == leading && label.rawValue < leader.rawValue { best = label }
        }
        let label = best!
        return (label, Double(counts[label.ordinal]) / Double(items.count), sums[label.ordinal] / Double(counts[label.ordinal]))
    }

    /// Evidence entries for the values with the given labels (at most 3).
    public func evidence(where keep: (ValueLabel) -> Bool = { _ in true }) -> [Evidence] {
        filled.filter { keep($0.class.label) }.prefix(3).map {
            Evidence(value: $0.value, classifiedAs: $0.class.label.rawValue, confidence: ($0.class.confidence * 100).rounded() / 100)
        }
    }
}

/// Everything the mapping rules read about one assertion, computed once per rule call.
public final class AssertionAnalysis: Sendable {
    /// Values derived from the attributes, computed on first use (several rules read each). An
    /// analysis is read by the thread linting its message only, so no lock.
    private final class Derived: @unchecked Sendable {
        var emailValue: String??
        var expectedNames: (given: String, family: String, source: String)??
        var nameLocalParts: [(letters: String, source: String)]?
        var displayNameParts: (first: String, last: String, commaForm: Bool, value: String)??
    }

    private let derived = Derived()

    public let assertion: Assertion
    public let attributes: [AnalyzedAttribute]
    public let catalog: AttributeCatalog
    public let classifier: ValueClassifier
    public let minShare: Double
    public let minConfidence: Double

    public init(_ assertion: Assertion, context: LintContext) {
        // A fresh view of the same element: the assertion's own memo keeps this analysis, so holding
        // that assertion here would be a reference cycle that never frees the document.
        self.assertion = Assertion(assertion.element)
        let catalog = AttributeCatalog.shared(context.ruleData)
        let classifier = ValueClassifier.shared(context.ruleData)
        self.catalog = catalog
        self.classifier = classifier
        minShare = context.ruleData.threshold("mapping.minShare", default: 0.5)
        minConfidence = context.ruleData.threshold("mapping.minConfidence", default: 0.8)
        var configured: [String: ProfileField] = [:]
        for (key, names) in context.configuration.mapping {
            guard let field = ProfileField(rawValue: key) else { continue }
            for name in names where configured[name.lowercased()] == nil { configured[name.lowercased()] = field }
        }
        attributes = assertion.attributes.prefix(500).map { attribute in
            let match = catalog.lookup(attribute)
            let configuredField = configured.isEmpty ? nil : configured[attribute.name.trimmed.lowercased()]
            let values = attribute.values.prefix(200).map(\.trimmed)
            return AnalyzedAttribute(
                attribute: attribute, field: configuredField ?? match?.field, match: match, configured: configuredField != nil,
                values: Array(values), classes: values.map(classifier.classify))
        }
    }

    public func attributes(for field: ProfileField) -> [AnalyzedAttribute] {
        // Most fields have no attribute or one: filtering allocated an array every time a rule asked.
        var found: [AnalyzedAttribute] = []
        for attribute in attributes where attribute.field == field { found.append(attribute) }
        return found
    }

    /// The first non-empty value of the first attribute carrying `field`.
    public func value(for field: ProfileField) -> String? {
        attributes(for: field).lazy.compactMap { $0.filled.first?.value }.first
    }

    /// A dominant label that is sure enough to report on.
    public func confidentLabel(_ attribute: AnalyzedAttribute) -> (label: ValueLabel, share: Double, confidence: Double)? {
        guard let dominant = attribute.dominant, dominant.share >= minShare, dominant.confidence >= minConfidence else { return nil }
        return dominant
    }

    // MARK: Cross-checks

    /// The email the profile would get: an email attribute's value, else the NameID when it is an address.
    public var emailValue: String? {
        if let known = derived.emailValue { return known }
        let computed = computeEmailValue()
        derived.emailValue = .some(computed)
        return computed
    }

    private func computeEmailValue() -> String? {
        for attribute in attributes(for: .email) {
            if let hit = attribute.filled.first(where: { $0.class.label == .email }) { return hit.value }
        }
        if let nameID = assertion.nameID?.value.trimmed, classifier.classify(nameID).label == .email { return nameID }
        return nil
    }

    /// What the email local part (`jane.doe@`) and the display name (`Jane Doe`, `Doe, Jane`) say the
    /// given and family names are, folded (lowercase, no diacritics).
    public var expectedNames: (given: String, family: String, source: String)? {
        if let known = derived.expectedNames { return known }
        let computed = computeExpectedNames()
        derived.expectedNames = .some(computed)
        return computed
    }

    private func computeExpectedNames() -> (given: String, family: String, source: String)? {
        if let email = emailValue, let local = EmailClassifier.parts(email)?.local {
            let tokens = local.split(whereSeparator: { $0 == "." || $0 == "_" || $0 == "-" }).map(String.init)
            if tokens.count == 2, tokens.allSatisfy(Self.isWordOfTwoLettersOrMore) {
                return (Self.fold(tokens[0]), Self.fold(tokens[1]), "the email local part '\(local)'")
            }
        }
        return nil
    }

    /// At least two characters, all letters (ASCII text on bytes: a byte is a character there, and
    /// its letters are A-Z and a-z).
    static func isWordOfTwoLettersOrMore(_ token: String) -> Bool {
        if token.utf8.allSatisfy({ $0 < 0x80 }) {
            return token.utf8.count >= 2 && token.utf8.allSatisfy(IdentifierClassifier.isASCIILetter)
        }
        return token.count >= 2 && token.allSatisfy(\.isLetter)
    }

    /// The local parts that may be built as initial + name: the email's, the username's and the UPN's
    /// (`jdoe`, `j.doe`, `doej`; not `jane.doe`), folded, letters only (`jdoe12` -> `jdoe`), each once.
    public var nameLocalParts: [(letters: String, source: String)] {
        if let known = derived.nameLocalParts { return known }
        let computed = computeNameLocalParts()
        derived.nameLocalParts = .some(computed)
        return computed
    }

    private func computeNameLocalParts() -> [(letters: String, source: String)] {
        var result: [(letters: String, source: String)] = []
        var candidates: [(String, String)] = []
        if let email = emailValue, let local = EmailClassifier.parts(email)?.local { candidates.append((local, "the email local part")) }
        for field in [ProfileField.username, .upn] {
            guard let value = value(for: field) else { continue }
            let local = value.split(separator: "@", maxSplits: 1).first.map(String.init) ?? value
            candidates.append((local.split(separator: "\\").last.map(String.init) ?? local, "the \(field.rawValue)"))
        }
        for (local, source) in candidates {
            guard Self.isNameAndInitialShaped(local) else { continue }
            let folded = Self.fold(local)
            // ASCII: the letters are the bytes A-Z and a-z (a `\r\n` pair is not a letter).
            let letters = folded.utf8.allSatisfy({ $0 < 0x80 })
                ? String(decoding: folded.utf8.filter(IdentifierClassifier.isASCIILetter), as: UTF8.self)
                : folded.filter { $0.isASCII && $0.isLetter }
            guard letters.count >= 4, !result.contains(where: { $0.letters == letters }) else { continue }
            result.append((letters, "\(source) '\(local)'"))
        }
        return result
    }

    /// One part, or two parts one of which is a single character, once split at `.`, `_` and `-`
    /// (empty parts dropped): `jdoe`, `j.doe`, `doe_j`; not `jane.doe`. ASCII without CR is
    /// counted on bytes (a byte is a Character there), anything else on Characters.
    static func isNameAndInitialShaped(_ local: String) -> Bool {
        let utf8 = local.utf8
        if utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            var parts = 0, length = 0, hasSingle = false
            for byte in utf8 {
                if byte == 0x2E || byte == 0x5F || byte == 0x2D {  // . _ -
                    if length > 0 { parts += 1; hasSingle = hasSingle || length == 1 }
                    length = 0
                    if parts > 2 { return false }
                } else {
                    length += 1
                }
            }
            if length > 0 { parts += 1; hasSingle = hasSingle || length == 1 }
            return parts == 1 || parts == 2 && hasSingle
        }
        let parts = local.split(whereSeparator: { $0 == "." || $0 == "_" || $0 == "-" })
        return parts.count == 1 || parts.count == 2 && parts.contains(where: { $0.count == 1 })
    }

    /// Whether a Latin token from an email or username names `value`: its Latin form, or, for a value
    /// in another script, the same consonant skeleton give or take one letter (transliterations differ
    /// in vowels, doubling and w/v: `Коцева` koceva/kotseva, `पौडेल` paudela/pauddel, `מוסא` mws/mvsa).
    public static func spells(_ token: String, _ value: String) -> Bool {
        let latin = latin(value)
        guard !latin.isEmpty, !token.isEmpty else { return false }
        if token == latin { return true }
        guard isTransliterated(value) else { return false }
        let a = skeleton(token), b = skeleton(latin)
        guard min(a.count, b.count) >= 3 else { return false }
        let allowed = min(a.count, b.count) >= 5 ? 1 : 0
        return editDistance(a, b, limit: allowed) <= allowed
    }

    /// Consonants only, doubled letters once, w for v, k for q and c: what transliterations agree on.
    static func skeleton(_ latin: String) -> String {
        var result = ""
        for character in latin {
            guard !"aeiouy".contains(character) else { continue }
            let mapped: Character = character == "v" ? "w" : character == "q" || character == "c" ? "k" : character
            if result.last != mapped { result.append(mapped) }
        }
        return result
    }

    /// Whether a name is written in a script other than Latin (its Latin form is a transliteration).
    public static func isTransliterated(_ value: String) -> Bool {
        fold(value).unicodeScalars.contains { $0.value > 0x24F && CharacterSets.letters.contains($0) }
    }

    /// Levenshtein distance, stopping early above `limit`.
    static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        let a = Array(a), b = Array(b)
        guard abs(a.count - b.count) <= limit else { return limit + 1 }
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            if current.min()! > limit { return limit + 1 }
            previous = current
        }
        return previous[b.count]
    }

    /// The display name split into (first token, last token) and whether it was in `Family, Given` form.
    public var displayNameParts: (first: String, last: String, commaForm: Bool, value: String)? {
        if let known = derived.displayNameParts { return known }
        let computed = computeDisplayNameParts()
        derived.displayNameParts = .some(computed)
        return computed
    }

    private func computeDisplayNameParts() -> (first: String, last: String, commaForm: Bool, value: String)? {
        guard let display = value(for: .displayName), NameClassifier.isNameShaped(display) else { return nil }
        if display.hasASCII(",") {
            let halves = display.split(separator: ",").map { String($0).trimmed }
            guard halves.count == 2 else { return nil }
            return (Self.fold(halves[0]), Self.fold(halves[1]), true, display)
        }
        let tokens = NameClassifier.tokens(display)
        guard tokens.count >= 2 else { return nil }
        return (Self.fold(tokens.first!), Self.fold(tokens.last!), false, display)
    }

    /// A name as it would appear in an email local part: folded, transliterated to Latin when it is in
    /// another script (`Ольга` -> `olga`, `王` -> `wang`), ASCII letters only.
    public static func latin(_ text: String) -> String {
        guard text.utf8.count <= 512 else { return "" }  // names are short; never transliterate hostile blobs
        return latinMemo.value(for: text) { computeLatin(text) }
    }

    private static let latinMemo = LookupMemo<String>()

    private static func computeLatin(_ text: String) -> String {
        var folded = fold(text)
        if folded.unicodeScalars.contains(where: { $0.value > 0x7F && CharacterSets.letters.contains($0) }) {
            let transliterated = folded.applyingTransform(.toLatin, reverse: false) ?? folded
            folded = fold(transliterated.applyingTransform(.stripDiacritics, reverse: false) ?? transliterated)
        }
        return String(String.UnicodeScalarView(folded.unicodeScalars.filter { $0.isASCII && CharacterSets.letters.contains($0) }))
    }

    /// Lowercased, diacritics removed, for comparing names across attributes.
    public static func fold(_ text: String) -> String {
        // ASCII has no diacritics or width variants: lowercasing is the whole fold.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        if let known = foldMemo.get(text) { return known }
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var out = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars {
            switch scalar {
            case "ß": out.append(contentsOf: "ss".unicodeScalars)
            case "ı": out.append("i")
            case "ł": out.append("l")
            case "ø": out.append("o")
            case "æ": out.append(contentsOf: "ae".unicodeScalars)
            case "đ": out.append("d")
            default: out.append(scalar)
            }
        }
        let result = String(out)
        foldMemo.set(text, result)
        return result
    }

    /// Folds already made: several rules and inference fold the same names of a message.
    private static let foldMemo = LookupMemo<String>()
}
