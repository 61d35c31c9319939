import SAMLLint
import Testing

@Suite("Attribute catalog")
struct AttributeCatalogTests {
    static let catalog = AttributeCatalog.shared(.builtIn)

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let field: ProfileField
        var testDescription: String { "\(name) -> \(field.rawValue)" }
    }

    static let cases: [Case] = [
        .init(name: "email", field: .email), .init(name: "EMAIL", field: .email), .init(name: "User.Email", field: .email),
        .init(name: "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", field: .email),
        .init(name: "urn:oid:0.9.2342.19200300.100.1.3", field: .email), .init(name: "urn:mace:dir:attribute-def:mail", field: .email),
        .init(name: "urn:oid:1.2.840.113549.1.9.1", field: .email), .init(name: "urn:oid:0:9:2342:19200300:100:1:3", field: .email),
        .init(name: "0.9.2342.19200300.100.1.3", field: .email), .init(name: "oid:2.5.4.42", field: .firstName),
        .init(name: "urn:acme:user:Given-Name", field: .firstName), .init(name: "user_last_name", field: .lastName),
        .init(name: "https://aws.amazon.com/SAML/Attributes/PrincipalTag:Email", field: .email),
        .init(name: "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname", field: .lastName),
        .init(name: "urn:oid:2.5.4.4", field: .lastName), .init(name: "sn", field: .lastName),
        .init(name: "urn:oid:2.5.4.42", field: .firstName), .init(name: "User.FirstName", field: .firstName),
        .init(name: "http://schemas.microsoft.com/identity/claims/displayname", field: .displayName),
        .init(name: "urn:oid:2.16.840.1.113730.3.1.241", field: .displayName),
        .init(name: "http://schemas.microsoft.com/identity/claims/objectidentifier", field: .id),
        .init(name: "urn:oasis:names:tc:SAML:attribute:subject-id", field: .id),
        .init(name: "http://schemas.xmlsoap.org/claims/Group", field: .groups), .init(name: "http://schemas.xmlsoap.org/claims/group", field: .groups),
        .init(name: "urn:oid:1.3.6.1.4.1.5923.1.5.1.1", field: .groups), .init(name: "memberOf", field: .groups),
        .init(name: "urn:oid:1.3.6.1.4.1.5923.1.1.1.6", field: .username),
        .init(name: "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name", field: .upn),
        .init(name: "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress/", field: .email),
    ]

    @Test("names map to fields", arguments: cases)
    func lookup(_ testCase: Case) {
        #expect(Self.catalog.lookup(testCase.name)?.field == testCase.field)
    }

    @Test("at least 150 aliases, every field covered")
    func size() {
        #expect(Self.catalog.aliases.values.map(\.count).reduce(0, +) >= 150)
        #expect(Set(Self.catalog.aliases.keys) == Set(ProfileField.allCases))
    }

    @Test("FriendlyName resolves when the Name is unknown")
    func friendlyName() {
        let match = Self.catalog.lookup(name: "urn:example:custom:7", friendlyName: "givenName")
        #expect(match?.field == .firstName)
        #expect(match?.viaFriendlyName == true)
    }

    @Test("case variants of URIs are flagged, short names are not")
    func caseVariants() {
        #expect(Self.catalog.lookup("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/EmailAddress")?.caseVariant == true)
        #expect(Self.catalog.lookup("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress")?.caseVariant == false)
        #expect(Self.catalog.lookup("EMAIL")?.caseVariant == false)
    }

    @Test("unknown names are unknown", arguments: ["favouriteColour", "email_verified", "managerEmail", "userType", "mailNickname"])
    func unknown(_ name: String) {
        #expect(Self.catalog.lookup(name) == nil)
    }
}
