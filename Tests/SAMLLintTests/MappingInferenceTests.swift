import Foundation
import SAMLLint
import Testing

@Suite("Mapping inference and reconciliation")
struct MappingInferenceTests {
    static let claims = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/"
    static let people = [("Jane", "Doe"), ("Amélie", "Durand"), ("Kenji", "Tanaka"), ("Olga", "Ivanova"), ("Priya", "Sharma"),
                         ("Lucía", "García"), ("Søren", "Kjær"), ("Mohammed", "Haddad"), ("Ingrid", "Nilsen"), ("Mateo", "Rossi")]

    static func sample(_ given: String, _ family: String, swapEmailAndSurname: Bool = false, id: String) -> InferenceSample {
        let email = "\(AssertionAnalysisFold.ascii(given)).\(AssertionAnalysisFold.ascii(family))@contoso.example"
        return InferenceSample(
            attributes: [
                .init(name: claims + "emailaddress", friendlyName: nil, values: [swapEmailAndSurname ? family : email]),
                .init(name: claims + "surname", friendlyName: nil, values: [swapEmailAndSurname ? email : family]),
                .init(name: claims + "givenname", friendlyName: nil, values: [given]),
                .init(name: "http://schemas.microsoft.com/identity/claims/objectidentifier", friendlyName: nil, values: [id]),
                .init(name: "http://schemas.microsoft.com/identity/claims/tenantid", friendlyName: nil, values: ["8f0e2c1d-3b4a-4c5d-9e6f-7a8b9c0d1e2f"]),
            ],
            nameID: "_\(id)", nameIDFormat: .transient)
    }

    static func ids(_ n: Int) -> [String] { (0..<n).map { String(format: "5a6b7c8d-9e0f-4a1b-8c2d-%012d", $0 + 1) } }

    @Test func cleanConnectionKeepsTheNamedAttributes() {
        let samples = zip(Self.people, Self.ids(10)).map { Self.sample($0.0, $0.1, id: $1) }
        let mapping = MappingInference(context: LintContext()).infer(samples)
        #expect(mapping.proposed["email"] == Self.claims + "emailaddress")
        #expect(mapping.proposed["lastName"] == Self.claims + "surname")
        #expect(mapping.proposed["firstName"] == Self.claims + "givenname")
        #expect(mapping.proposed["id"] == "http://schemas.microsoft.com/identity/claims/objectidentifier")
    }

    @Test func swappedClaimsAreFoundWithEvidence() throws {
        let samples = zip(Self.people, Self.ids(10)).map { Self.sample($0.0, $0.1, swapEmailAndSurname: true, id: $1) }
        let mapping = MappingInference(context: LintContext()).infer(samples)
        #expect(mapping.proposed["email"] == Self.claims + "surname")
        #expect(mapping.proposed["lastName"] == Self.claims + "emailaddress")
        let email = try #require(mapping.decision(for: "email"))
        #expect(email.evidence.first == "10 of 10 values of `\(Self.claims)surname` are emails")
        #expect(email.confidence >= 0.9)
    }

    @Test func aTransientNameIDIsNeverTheID() {
        let samples = zip(Self.people, Self.ids(10)).map { Self.sample($0.0, $0.1, id: $1) }
        let mapping = MappingInference(context: LintContext()).infer(samples)
        #expect(mapping.proposed["id"] != InferredMapping.nameIDSource)
    }

    @Test func aConstantIdentifierIsNotTheUserID() {
        var samples = zip(Self.people, Self.ids(10)).map { Self.sample($0.0, $0.1, id: $1) }
        for index in samples.indices { samples[index].attributes.removeAll { $0.name.hasSuffix("objectidentifier") } }
        let mapping = MappingInference(context: LintContext()).infer(samples)
        #expect(mapping.proposed["id"] != "http://schemas.microsoft.com/identity/claims/tenantid")
    }

    @Test func twoCloseCandidatesWithDifferentDataAreUndecided() {
        // Two unnamed attributes, both holding GUIDs that differ: no evidence says which is the id.
        let samples = Self.ids(5).enumerated().map { index, id in
            InferenceSample(attributes: [
                .init(name: "attr1", friendlyName: nil, values: [id]),
                .init(name: "attr2", friendlyName: nil, values: [Self.ids(10)[9 - index]]),
            ], nameID: nil, nameIDFormat: nil)
        }
        let mapping = MappingInference(context: LintContext()).infer(samples)
        #expect(mapping.decision(for: "id")?.status == "undecided")
    }

    @Test func reconcileCountsProfilesThatDoNotFit() throws {
        // 6 clean logins and 4 whose surname claim holds the email (the directory field was edited).
        let messages = Self.people.enumerated().map { index, person in
            ExampleSAML.response(
                issuer: "https://sts.windows.net/t/", nameID: "_p\(index)", nameIDFormat: ExampleSAML.persistentFormat,
                attributes: [
                    .init(Self.claims + "emailaddress", ["\(AssertionAnalysisFold.ascii(person.0)).x\(index)@contoso.example"]),
                    .init(Self.claims + "givenname", [person.0]),
                    .init(Self.claims + "surname", [index < 4 ? "\(AssertionAnalysisFold.ascii(person.0)).x\(index)@contoso.example" : person.1]),
                ])
        }
        let context = LintContext(now: TestSupport.fixedNow)
        let report = Linter(context: context).lint(
            inputs: messages.enumerated().map { .memory(name: "login-\($0.offset).xml", bytes: Array($0.element.utf8)) })
        let connections = Reconciliation(context: context).connections(in: report)
        #expect(connections.count == 1)
        let connection = try #require(connections.first)
        #expect(connection.profiles == 10)
        #expect(connection.awaitingReconciliation == 4)
        #expect(connection.proposedMapping["lastName"] == Self.claims + "surname")
        #expect(Reconciliation.summary(connections) == "There are 4 profiles awaiting reconciliation")
    }

    @Test func vendorsAreRecognised() {
        let vendors = VendorDetector.shared(.builtIn)
        #expect(vendors.detect(issuer: "https://sts.windows.net/abc/", attributeNames: [])?.vendor.id == "entra")
        #expect(vendors.detect(issuer: "http://www.okta.com/exk1", attributeNames: [])?.vendor.id == "okta")
        #expect(vendors.detect(issuer: "https://idp.example.org/x", attributeNames: ["User.email", "User.FirstName"])?.vendor.id == "onelogin")
        #expect(vendors.detect(issuer: "https://idp.example.org/x", attributeNames: ["a", "b"]) == nil)
    }
}

enum AssertionAnalysisFold {
    static func ascii(_ text: String) -> String {
        AssertionAnalysis.fold(text).filter { $0.isASCII && $0.isLetter }
    }
}
