import Foundation

/// Name evidence for inference: what a message's email local part and display name say about which
/// value is the given name, and which "names" are really groups.
extension MappingInference {
    func nameHints(_ sample: ClassifiedSample) -> NameHints {
        var hints = NameHints()
        for (value, classification) in sample.firsts {
            let label = classification.label
            if hints.emailTokens.isEmpty, label == .email || label == .upn, let local = EmailClassifier.parts(value)?.local {
                let tokens = local.split(whereSeparator: { $0 == "." || $0 == "_" || $0 == "-" }).map { Self.fold(String($0)) }
                if tokens.count == 2 { hints.emailTokens = tokens }
            }
            if hints.displayTokens.isEmpty, label == .fullName {
                if value.hasASCII(",") {
                    let halves = value.split(separator: ",").map { Self.fold(String($0).trimmed) }
                    if halves.count == 2 { hints.displayTokens = [halves[1], halves[0]]; hints.displayCommaForm = true }
                } else {
                    let tokens = NameClassifier.tokens(value).map(Self.fold)
                    if tokens.count >= 2 { hints.displayTokens = [tokens.first!, tokens.last!] }
                }
            }
        }
        return hints
    }

    /// Latin letters only, lowercased, without diacritics: `Федір` -> `fedir`, `桂芝` -> `guizhi`,
    /// so names in any script compare with an email local part.
    static func fold(_ text: String) -> String {
        // Latin letters whose diacritics fold away (`García`) need no transliterator: ICU's takes
        // milliseconds to open, a fifth of linting one small file.
        let folded = AssertionAnalysis.fold(text)
        if folded.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: the letters are the bytes A-Z and a-z (a `\r\n` pair is neither).
            guard !folded.utf8.allSatisfy(IdentifierClassifier.isASCIILetter) else { return folded }
            return String(decoding: folded.utf8.filter(IdentifierClassifier.isASCIILetter), as: UTF8.self)
        }
        let latin = text.applyingTransform(.toLatin, reverse: false) ?? text
        return AssertionAnalysis.fold(latin).filter { $0.isLetter && $0.isASCII }
    }

    /// Given-vs-family evidence of one value, -1...1: the email local part and display name of the
    /// same message (jane.doe@ says Jane is given), then name frequencies.
    func givenEvidence(_ value: String, hints: NameHints) -> Double {
        let folded = Self.fold(value)
        guard !folded.isEmpty else { return 0 }
        var evidence = 0.0
        var weight = 0.0
        if hints.emailTokens.count == 2, hints.emailTokens[0] != hints.emailTokens[1] {
            if hints.emailTokens[0].hasPrefix(folded) || folded.hasPrefix(hints.emailTokens[0]) { evidence += 1; weight += 1 }
            else if hints.emailTokens[1].hasPrefix(folded) || folded.hasPrefix(hints.emailTokens[1]) { evidence -= 1; weight += 1 }
        }
        if hints.displayTokens.count == 2, hints.displayTokens[0] != hints.displayTokens[1], hints.displayCommaForm {
            if hints.displayTokens[0] == folded { evidence += 1; weight += 1 }
            else if hints.displayTokens[1] == folded { evidence -= 1; weight += 1 }
        }
        let odds = classifier.lexicon.givenLogOdds(value)
        if odds != 0 {
            evidence += max(-1, min(1, odds / 3))
            weight += 1
        }
        return weight > 0 ? evidence / weight : 0
    }

    /// A "name" that is all lowercase, or made of group words (admins, Domain Users, engineering),
    /// is a group or role for inference's purposes: directories capitalise people's names.
    func relabel(_ label: ValueLabel, value: String) -> ValueLabel {
        guard label == .personName || label == .givenName || label == .familyName || label == .fullName else { return label }
        let trimmed = value.trimmed
        // All lowercase (with a letter) and ASCII: a group. Tested on bytes: in ASCII a letter is
        // A-Z or a-z, and lowercasing changes only A-Z.
        let utf8 = trimmed.utf8
        let isASCII = utf8.allSatisfy({ $0 < 0x80 })
        if isASCII, utf8.contains(where: IdentifierClassifier.isASCIILetter), !utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) {
            return .groupList
        }
        // Made of group words only: a group. Stops at the first other word (most names).
        if isASCII { return isASCIIGroupWords(utf8) ? .groupList : label }
        var words = 0
        for token in trimmed.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" || $0 == "." }) {
            guard groupWords.contains(token.lowercased()) else { return label }
            words += 1
        }
        return words > 0 ? .groupList : label
    }

    /// `relabel`'s group-word test on ASCII bytes: in ASCII a character is a byte (a `\r\n` pair
    /// is no separator either), so the tokens and their lowercase forms are those of the
    /// Character split, without a Substring and a lowercased String per token.
    private func isASCIIGroupWords(_ utf8: String.UTF8View) -> Bool {
        var words = 0
        var token: [UInt8] = []
        token.reserveCapacity(32)
        func endToken() -> Bool {
            defer { token.removeAll(keepingCapacity: true) }
            guard !token.isEmpty else { return true }
            words += 1
            return groupWords.contains(String(decoding: token, as: UTF8.self))
        }
        for byte in utf8 {
            if byte == 0x20 || byte == 0x2D || byte == 0x5F || byte == 0x2E {  // space - _ .
                guard endToken() else { return false }
            } else {
                token.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            }
        }
        guard endToken() else { return false }
        return words > 0
    }
}
