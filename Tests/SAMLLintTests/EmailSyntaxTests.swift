@testable import SAMLLint
import Testing

/// The byte-level test for ASCII addresses must agree with the character-level one it stands in for.
@Suite("Email syntax fast path")
struct EmailSyntaxTests {
    @Test(arguments: [
        "jane.doe@example.com", "a@b.c", "a@b", "@example.com", "jane@", "jane@@example.com", "ja@ne@example.com",
        "jane doe@example.com", "jane\t@example.com", "jane\r\n@example.com", "<jane>@example.com", "a,b@example.com",
        "jane@-example.com", "jane@example-.com", "jane@example..com", "jane@.example.com", "jane@example.com.",
        "jane@example.123", "jane@123.example.com1", "jane@exa_mple.com", "jane@exam ple.com", "jane@EXAMPLE.COM",
        String(repeating: "a", count: 64) + "@example.com", String(repeating: "a", count: 65) + "@example.com",
        String(repeating: "a", count: 63) + "\r\n@example.com", "jane@" + String(repeating: "a.", count: 126) + "com",
        "jane@example.c-m", "jane@example.-com", "\u{1F}jane@example.com", "jane+tag@sub.example.co.uk", "",
    ])
    func asciiBytesAgreeWithCharacters(_ text: String) {
        #expect(EmailSyntax.isPlausibleASCIIAddress(Array(text.utf8)) == EmailSyntax.isPlausibleAddressByCharacter(text))
    }
}
