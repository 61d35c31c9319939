import Foundation

/// Whether a name token *looks* like a given name or a family name, by its ending and beginning
/// (`rules/lexicons/name-shapes.tsv`, written by `scripts/build-name-shapes` from the same public lists as
/// the name lexicon): a logistic model whose log-odds is the sum of the weights of the token's features,
/// `$` (the bias), its endings `x$` (up to five characters) and beginnings `^x` (up to three). For names
/// the lexicon has no frequency for (`Шевчук`, `Kazlauskienė`, `Beridze`); weak evidence, since names of
/// languages the lists lack follow other patterns.
public final class NameShapeModel: Sendable {
    private let weights: [String: Double]
    private let maxSuffix = 5
    private let maxPrefix = 3

    /// Parsed on first use (`shared` is called only where the lexicon is silent about a name).
    public init(tsv text: String) {
        // Read by UTF-8 line and tab, without Foundation trimming: 17,000 lines at first use.
        var weights: [String: Double] = [:]
        weights.reserveCapacity(text.utf8.count / 12)
        for line in text.utf8.split(separator: 0x0A) where line.first != UInt8(ascii: "#") {
            guard let tab = line.firstIndex(of: 0x09) else { continue }
            let number = line[line.index(after: tab)...].filter { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }
            guard let value = Double(String(decoding: number, as: UTF8.self)) else { continue }
            weights[String(decoding: line[..<tab], as: UTF8.self)] = value
        }
        self.weights = weights
    }

    public static func shared(_ data: RuleData) -> NameShapeModel {
        data.cached("lexicon:name-shapes") { data in NameShapeModel(tsv: data.text("lexicons/name-shapes.tsv") ?? "") }
    }

    public var isEmpty: Bool { weights.isEmpty }

    /// Log-odds that one token is a given name rather than a family name (positive: given); 0 for a token
    /// shorter than two letters, one with other characters than letters and marks, or an empty model.
    /// Odds already computed, per token (names repeat across the messages of a folder).
    private let memo = LookupMemo<Double>()

    public func givenLogOdds(_ token: String) -> Double {
        guard !weights.isEmpty else { return 0 }
        return memo.value(for: token) { computeGivenLogOdds(token) }
    }

    private func computeGivenLogOdds(_ token: String) -> Double {
        var key = token.lowercased()
        if !key.utf8.allSatisfy({ $0 < 0x80 }) { key = key.precomposedStringWithCanonicalMapping }
        let scalars = Array(key.unicodeScalars.drop(while: { Self.edgeMarks.contains($0) }).reversed().drop(while: { Self.edgeMarks.contains($0) }).reversed())
        guard scalars.count >= 2, scalars.allSatisfy({ $0.properties.isAlphabetic || $0.properties.generalCategory.isMark }) else { return 0 }
        func string(_ slice: ArraySlice<Unicode.Scalar>) -> String { String(String.UnicodeScalarView(slice)) }
        var sum = weights["$"] ?? 0
        for k in 1...min(maxSuffix, scalars.count) { sum += weights[string(scalars.suffix(k)) + "$"] ?? 0 }
        for k in 1...min(maxPrefix, scalars.count) { sum += weights["^" + string(scalars.prefix(k))] ?? 0 }
        return sum
    }

    /// A value's log-odds: the mean over its tokens (split at spaces and hyphens, as the model was trained).
    public func valueLogOdds(_ value: String) -> Double {
        let tokens = value.split(whereSeparator: { $0.isWhitespace || $0 == "-" || $0 == "," })
        guard !tokens.isEmpty else { return 0 }
        return tokens.map { givenLogOdds(String($0)) }.reduce(0, +) / Double(tokens.count)
    }

    static let edgeMarks: Set<Unicode.Scalar> = [".", ",", "'", "’"]
}

extension Unicode.GeneralCategory {
    fileprivate var isMark: Bool { self == .nonspacingMark || self == .spacingMark || self == .enclosingMark }
}
