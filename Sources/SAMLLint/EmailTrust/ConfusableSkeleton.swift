import Foundation

/// The "skeleton" of a domain (after UTS #39): accents dropped, each confusable character replaced by
/// the Latin letter it looks like, letter pairs that read as one letter folded. Two different domains
/// with the same skeleton look alike. The table is data: `rules/email/confusables.tsv`.
public struct ConfusableSkeleton: Sendable {
    public static let dataPath = "email/confusables.tsv"

    private let single: [Unicode.Scalar: String]
    private let sequences: [(String, String)]

    /// Parses the table's text (see the file's header for the format).
    public init(tsv text: String) {
        var single: [Unicode.Scalar: String] = [:]
        var sequences: [(String, String)] = []
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count >= 2 else { continue }
            // ASCII spaces and tabs only (the file has no other blanks; Foundation trimming cost more
            // than the rest of a one-file run's email checks).
            let target = String(columns[1]).asciiTrimmed
            let source = String(columns[0]).asciiTrimmed
            guard !source.isEmpty, !target.isEmpty else { continue }
            if source.hasPrefix("U+") {
                let scalars = source.split(separator: " ").compactMap { token -> Unicode.Scalar? in
                    guard token.hasPrefix("U+"), let value = UInt32(token.dropFirst(2), radix: 16) else { return nil }
                    return Unicode.Scalar(value)
                }
                if scalars.count == 1 {
                    single[scalars[0]] = target
                } else if !scalars.isEmpty {
                    sequences.append((String(String.UnicodeScalarView(scalars)), target))
                }
            } else if source.unicodeScalars.count == 1 {
                single[source.unicodeScalars.first!] = target
            } else {
                sequences.append((source, target))
            }
        }
        self.single = single
        self.sequences = sequences
    }

    /// The table from the rule data (built once per `RuleData`).
    public static func from(_ data: RuleData) -> ConfusableSkeleton {
        data.cached("email.confusableSkeleton") { ConfusableSkeleton(tsv: $0.text(dataPath) ?? "") }
    }

    /// The skeleton of a domain or label. A character is looked up as written first (so a capital
    /// `I` can read as `l`), then lowercased.
    public func skeleton(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if let replacement = single[scalar] {
                scalars.append(contentsOf: replacement.unicodeScalars)
                continue
            }
            for lowered in String(scalar).lowercased().unicodeScalars {
                if let replacement = single[lowered] {
                    scalars.append(contentsOf: replacement.unicodeScalars)
                } else {
                    scalars.append(lowered)
                }
            }
        }
        var result = String(scalars)
        for (sequence, replacement) in sequences {
            result = result.replacingOccurrences(of: sequence, with: replacement)
        }
        return result
    }
}
