import Foundation
import SAMLLint
import SAMLXML
import Testing

/// `--now auto` (no clock) judges an assertion at its own IssueInstant; the metadata given with
/// --metadata is streamed and read.
@Suite("Assertions against time, metadata and SP settings")
struct AssertionClockTests {
    static func ruleIDs(_ text: String, now: Date?, configuration yaml: String? = nil) throws -> Set<String> {
        Set(try TestSupport.lint(text, configuration: yaml, now: now).findings.map(\.ruleId))
    }

    @Test func anOldCapturedAssertionIsNotExpiredUnderNowAuto() throws {
        let old = ExampleSAML.response()
        #expect(try Self.ruleIDs(old, now: ISO8601.parse("2027-01-01T00:00:00Z")).contains("assertion/expired"))
        #expect(try !Self.ruleIDs(old, now: nil).contains("assertion/expired"))
    }

    @Test func anAssertionIssuedExpiredIsReportedUnderNowAuto() throws {
        let issuedExpired = ExampleSAML.response().replacingOccurrences(of: "NotOnOrAfter=\"2026-01-01T10:05:00Z\"", with: "NotOnOrAfter=\"2026-01-01T09:30:00Z\"")
        let ids = try Self.ruleIDs(issuedExpired, now: nil)
        #expect(ids.contains("assertion/expired"))
    }

    @Test func clockSkewComesFromTheConfiguration() throws {
        let response = ExampleSAML.response()
        let fiveMinutesLate = ISO8601.parse("2026-01-01T10:09:00Z")
        #expect(try Self.ruleIDs(response, now: fiveMinutesLate).contains("assertion/expired"))
        #expect(try !Self.ruleIDs(response, now: fiveMinutesLate, configuration: "sp:\n  clockSkew: 600").contains("assertion/expired"))
    }

    @Test func spSettingsAreCheckedOnlyWhenGiven() throws {
        let response = ExampleSAML.response()
        let none = try Self.ruleIDs(response, now: TestSupport.fixedNow)
        #expect(none.isDisjoint(with: ["assertion/audience-mismatch", "assertion/recipient-mismatch", "assertion/destination-mismatch"]))
        let wrong = try Self.ruleIDs(response, now: TestSupport.fixedNow, configuration: "sp:\n  entityID: https://other.example.com\n  acsURLs: [https://other.example.com/acs]")
        #expect(wrong.isSuperset(of: ["assertion/audience-mismatch", "assertion/recipient-mismatch", "assertion/destination-mismatch"]))
    }

    @Test func metadataAggregateIsStreamedIntoTrust() throws {
        let path = TestSupport.repositoryRoot.appendingPathComponent("fixtures/metadata/idp-and-sp.xml").path
        let trust = try MetadataTrust.load(paths: [path])
        #expect(trust.identityProviders.map(\.entityID) == ["https://idp.example.com/saml"])
        #expect(trust.identityProviders.first?.signingCertificates.count == 1)
        #expect(trust.identityProviders.first?.nameIDFormats == ["urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"])
        #expect(trust.assertionConsumerLocations == ["https://sp.example.com/acs"])
        let der = try #require(trust.identityProviders.first?.signingCertificates.first)
        #expect(try CertificateDecoder.decode(der: der).rsaModulusBits == 2048)
    }
}
