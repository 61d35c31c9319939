@testable import SAMLLint
import Testing

/// Name tokens of ASCII text, split on bytes, must be the tokens the character-level split gives.
@Suite("Name tokens fast path")
struct NameTokensTests {
    @Test(arguments: [
        "Jane Doe", "Doe, Jane", "  Jane   Doe  ", "Jane\tDoe", "Jane\r\nDoe", "Jane\nDoe\r", "a,,b", ",", "", " ",
        "Mary Ann Smith-Jones", "O'Brien,Zoe", "Jane\u{0B}Doe\u{0C}", "x\u{1F}y", "DOE Jane M.",
    ])
    func asciiBytesAgreeWithCharacters(_ text: String) {
        #expect(NameClassifier.tokens(text) == NameClassifier.tokensByCharacter(text))
    }

    /// The counts and the one-token test the rules use instead of making the tokens.
    @Test(arguments: [
        "Jane Doe", "Doe, Jane", "  Jane   Doe  ", "Jane\tDoe", "Jane\r\nDoe", "a,,b", ",", "", " ", "Kim", "Kim,", " Kim",
        "Mary Ann Smith-Jones", "Jane\u{0B}Doe\u{0C}", "x\u{1F}y", "山田 太郎", "Zoë", "Zoë Ng", "Ng\u{2003}Zoë", "Ó Haoláin, Muriel",
    ])
    func countsAgreeWithTheTokens(_ text: String) {
        #expect(NameClassifier.tokenCount(text) == NameClassifier.tokens(text).count)
        if NameClassifier.isOneASCIIToken(text) { #expect(NameClassifier.tokens(text) == [text]) }
    }
}

/// Labels and fields hash and compare by their case's position (not their raw String): the position
/// read from the enum's byte must be its index in `allCases`, one per case.
@Suite("Enum ordinals")
struct EnumOrdinalTests {
    @Test func valueLabelOrdinalsAreCasePositions() {
        #expect(MemoryLayout<ValueLabel>.size == 1)
        #expect(ValueLabel.allCases.map(\.ordinal) == Array(0..<ValueLabel.allCases.count))
        #expect(Set(ValueLabel.allCases).count == ValueLabel.allCases.count)
    }

    @Test func profileFieldOrdinalsAreCasePositions() {
        #expect(MemoryLayout<ProfileField>.size == 1)
        #expect(ProfileField.allCases.map(\.ordinal) == Array(0..<ProfileField.allCases.count))
        #expect(Set(ProfileField.allCases).count == ProfileField.allCases.count)
    }
}
