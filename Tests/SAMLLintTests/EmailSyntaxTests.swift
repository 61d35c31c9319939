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

/// `EmailClassifier.parts` on printable ASCII must split exactly as the scalar-level path does.
@Suite("Email parts fast path")
struct EmailPartsTests {
    @Test(arguments: [
        "jane.doe@example.com", "a@b.co", "a@b.c", "jane@example", "@example.com", "jane@", "ja@ne@example.com",
        "\"jane doe\"@example.com", "\"ja\"ne\"@example.com", "\"\"@example.com", "\"a\"@example.com", ".jane@example.com",
        "jane.@example.com", "ja..ne@example.com", "jane doe@example.com", "jane(x)@example.com", "j#EXT#@tenant.onmicrosoft.com",
        "alice_contoso.com#EXT#@contoso.onmicrosoft.com", "jane@-example.com", "jane@example-.com", "jane@exa_mple.com",
        "jane@example..com", "jane@example.123", "jane@123.com", "jane@example.c", "jane+tag@sub.example.co.uk",
        "!#$%&'*+/=?^_`{|}~-@example.com", String(repeating: "a", count: 64) + "@example.com",
        String(repeating: "a", count: 65) + "@example.com", "jane@" + String(repeating: "a", count: 63) + ".com",
        "jane@" + String(repeating: "a", count: 64) + ".com", "jane@" + String(repeating: "ab.", count: 84) + "com",
        "jane@" + String(repeating: "ab.", count: 83) + "com", "DOMAIN\\jane", "jane@EXAMPLE.COM", "jane@ex ample.com",
    ])
    func asciiBytesAgreeWithScalars(_ text: String) {
        let fast = EmailClassifier.asciiParts(text)
        let slow = EmailClassifier.partsByScalar(text)
        #expect(fast?.local == slow?.local && fast?.domain == slow?.domain)
    }
}
