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
}
