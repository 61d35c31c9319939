import Foundation
import SAMLLint
import SAMLXML
import Testing

@Suite("Mapping rules")
struct MappingRuleTests {
    static let claims = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/"

    @Test("the surname claim holding the email names the attribute and where the surname is")
    func surnameHoldsEmail() throws {
        let text = ExampleSAML.response(attributes: [
            .init(Self.claims + "surname", ["jane.doe@example.com"]),
            .init(Self.claims + "emailaddress", ["Doe"]),
            .init(Self.claims + "givenname", ["Jane"]),
        ])
        let report = try TestSupport.lint(text)
        let hit = try #require(report.findings.first { $0.ruleId == "mapping/email-in-name-field" })
        #expect(hit.location.attribute == Self.claims + "surname")
        #expect(hit.field == "lastName")
        #expect(hit.evidence.first?.classifiedAs == "email")
        #expect(hit.fix?.mapping?["lastName"] == Self.claims + "emailaddress")
        #expect(hit.fix?.description.contains(Self.claims + "emailaddress") == true)
    }

    @Test("without another attribute holding the surname, the fix says which field to map")
    func surnameNowhere() throws {
        let text = ExampleSAML.response(attributes: [
            .init(Self.claims + "surname", ["jane.doe@example.com"]), .init(Self.claims + "givenname", ["Jane"]),
        ])
        let report = try TestSupport.lint(text)
        let hit = try #require(report.findings.first { $0.ruleId == "mapping/email-in-name-field" })
        #expect(hit.fix?.description.contains("user.surname") == true)
    }

    struct Clean: Sendable, CustomTestStringConvertible {
        let given: String
        let family: String
        let display: String
        let email: String
        var testDescription: String { display }
    }

    /// Correct profiles from many locales and scripts: no mapping rule may fire.
    static let clean: [Clean] = [
        .init(given: "Jane", family: "Doe", display: "Jane Doe", email: "jane.doe@example.com"),
        .init(given: "José María", family: "García López", display: "José María García López", email: "jmgarcia@empresa.es"),
        .init(given: "Zoë", family: "O'Brien", display: "Zoë O'Brien", email: "zoe.obrien@example.ie"),
        .init(given: "Ольга", family: "Петрова", display: "Ольга Петрова", email: "o.petrova@example.ru"),
        .init(given: "Γιώργος", family: "Παπαδόπουλος", display: "Γιώργος Παπαδόπουλος", email: "g.papadopoulos@example.gr"),
        .init(given: "伟", family: "王", display: "王伟", email: "wang.wei@example.cn"),
        .init(given: "太郎", family: "山田", display: "山田 太郎", email: "taro.yamada@example.jp"),
        .init(given: "민준", family: "김", display: "김민준", email: "minjun.kim@example.kr"),
        .init(given: "أحمد", family: "العلي", display: "أحمد العلي", email: "ahmed@example.sa"),
        .init(given: "דוד", family: "כהן", display: "דוד כהן", email: "david.cohen@example.co.il"),
        .init(given: "राहुल", family: "शर्मा", display: "राहुल शर्मा", email: "rahul.sharma@example.in"),
        .init(given: "Anna", family: "Nagy", display: "Nagy Anna", email: "nagy.anna@example.hu"),
        .init(given: "Thị Hương", family: "Nguyễn", display: "Nguyễn Thị Hương", email: "huong.nguyen@example.vn"),
        .init(given: "Jürgen", family: "Müller", display: "Müller, Jürgen", email: "juergen.mueller@bücher.de"),
        .init(given: "Mai", family: "Trung", display: "Trung Mai", email: "trung.mai@example.vn"),
        .init(given: "Claire", family: "Dubois", display: "DUBOIS Claire", email: "dubois.claire@example.fr"),
        .init(given: "Kathryn", family: "Norman", display: "Kathryn Norman", email: "knorman@example.com"),
        .init(given: "Mary Ann", family: "Smith", display: "Mary Ann Smith", email: "maryann.smith@example.com"),
    ]

    @Test("correct profiles in every script stay quiet", arguments: clean)
    func cleanProfile(_ person: Clean) throws {
        let text = ExampleSAML.response(nameID: person.email, attributes: [
            .init("email", [person.email]), .init("firstName", [person.given]), .init("lastName", [person.family]),
            .init("displayName", [person.display]),
        ])
        let report = try TestSupport.lint(text)
        let mapping = report.findings.filter { $0.ruleId.hasPrefix("mapping/") && $0.severity != .info }
        #expect(mapping.isEmpty, "\(mapping.map { "\($0.ruleId): \($0.message)" })")
    }

    @Test("the profile builder reads the catalog when nothing is configured")
    func profileFromCatalog() throws {
        let document = try XMLDocument.parse(Array(ExampleSAML.assertion(attributes: [
            .init("urn:oid:0.9.2342.19200300.100.1.3", ["jane@example.com"], friendlyName: "mail"),
            .init("urn:oid:2.5.4.4", ["Doe"], friendlyName: "sn"),
            .init("User.FirstName", ["Jane"]),
        ]).utf8))
        let assertion = Assertion(document.root!)
        let profile = ProfileBuilder(context: LintContext()).profile(for: assertion)
        #expect(profile.email == "jane@example.com")
        #expect(profile.lastName == "Doe")
        #expect(profile.firstName == "Jane")
    }
}
