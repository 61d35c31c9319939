import SAMLLint
import Testing

@Suite("Addresses wrapped in an email value")
struct EmbeddedAddressTests {
    static let classifier = ValueClassifier(data: .builtIn)

    static let cases: [(String, EmbeddedAddress?)] = [
        ("Jane Doe <jane.doe@example.com>", .nameAddress),
        ("\"Doe, Jane\" <jane.doe@example.com>", .nameAddress),
        ("mailto:jane.doe@example.com", .mailtoURI),
        ("MAILTO:jane.doe@example.com", .mailtoURI),
        ("jane.doe@example.com; jd@example.org", .list),
        ("jane.doe@example.com,jd@example.org", .list),
        // Not wrapped, or not an address inside.
        ("jane.doe@example.com", nil),
        ("<jane.doe@example.com>", nil),
        ("Jane Doe <not an address>", nil),
        ("mailto:", nil),
        ("Doe, Jane", nil),
        ("jane.doe@example.com; N/A", nil),
    ]

    @Test("forms", arguments: cases)
    func form(_ testCase: (String, EmbeddedAddress?)) {
        let found = EmbeddedAddress.form(of: testCase.0) { Self.classifier.classify($0).label.isAddressLike }
        #expect(found == testCase.1, "\(testCase.0)")
    }
}
