import Foundation
@testable import SAMLLint
import Testing

/// The report types that write themselves (`DirectJSON`) must give the bytes their Codable
/// conformance gives, through `PrettyJSONEncoder` and through `JSONEncoder`, with every optional
/// filled and with every optional left out.
@Suite("Direct JSON of the report types")
struct DirectJSONTests {
    static func foundation<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static let full = InputReport(
        path: "dir/é \"quoted\".xml",
        error: InputErrorReport(ruleId: "input/not-xml", message: "line\nbreak", line: 3, column: 9, messageIndex: 2),
        messages: [
            MessageReport(
                index: 0, kind: "response", issuer: "https://idp.example/", origin: "entry 3: POST https://sp/acs", linted: true,
                assertions: 1, attributes: 4, entities: 0,
                error: InputErrorReport(ruleId: "input/x", message: "m", line: 1, column: 1, messageIndex: nil),
                profile: Profile(
                    idpID: "00u1", email: "a@b.example", firstName: "Zoë", lastName: "O'Brien", name: "Zoë O'Brien",
                    groups: ["admins", "grp/eng"], rawAttributes: ["mail": ["a@b.example"], "Mail": [], "é": ["x"], "givenName": ["Zoë"]],
                    sources: ["email": FieldSource(attribute: "mail", via: "inferred", confidence: 0.97), "id": FieldSource(attribute: "NameID", via: "nameid", confidence: 1)],
                    emailTrust: EmailTrustSummary(verdict: "verified", domain: "b.example", reasons: ["r1", "r2"])),
                containerLine: 12, containerColumn: 4),
            MessageReport(index: 1, kind: "assertion", issuer: nil, origin: nil, linted: false, assertions: 0, attributes: 0, entities: 0, error: nil, profile: Profile()),
        ],
        findings: [])

    static let findings = [
        Finding(
            ruleId: "mapping/email-in-name-field", severity: .warning, message: "the surname \"claim\" holds an email",
            location: Location(path: "p.xml", message: 1, origin: "entry 1", line: 7, column: 5, xpath: "Response/Assertion", attribute: "sn", entityID: "https://idp"),
            field: "lastName",
            evidence: [Evidence(value: "a@b", classifiedAs: "email", confidence: 0.99, source: "NameID"), Evidence(value: "x")],
            fix: Fix("Map it.", mapping: ["lastName": "sn", "email": "mail", "Email": "x"], configuration: "mapping:\n  lastName: [sn]", adminStep: "Okta: ...")),
        Finding(ruleId: "signature/invalid", severity: .error, message: "m", location: Location(path: "-")),
        Finding(ruleId: "r", severity: .info, message: "m", location: Location(path: "p"), evidence: [], fix: Fix("d")),
    ]

    @Test("an input report, every optional filled and left out", arguments: [0, 2])
    func inputReport(depth: Int) throws {
        let direct = String(decoding: try PrettyJSONEncoder.encode(Self.full, depth: depth), as: UTF8.self)
        let codable = String(decoding: try PrettyJSONEncoder.encodeThroughCodable(Self.full, depth: depth), as: UTF8.self)
        #expect(direct == codable)
        if depth == 0 { #expect(direct == (try Self.foundation(Self.full))) }
    }

    @Test("findings", arguments: 0..<3)
    func finding(index: Int) throws {
        let finding = Self.findings[index]
        let direct = String(decoding: try PrettyJSONEncoder.encode(finding), as: UTF8.self)
        #expect(direct == (try Self.foundation(finding)))
        #expect(direct == String(decoding: try PrettyJSONEncoder.encodeThroughCodable(finding), as: UTF8.self))
    }

    @Test func aWholeReportSplicesTheSameBytes() throws {
        let inputs = (0..<300).map { index in
            var input = Self.full
            input.path = "f\(index).xml"
            input.findings = Self.findings.map { var copy = $0; copy.location.path = input.path; return copy }
            return input
        }
        let report = Report(inputs: inputs)
        #expect(JSONReporter().render(report, options: ReportOptions()) == JSONReporter.encodeWithFoundation(report))
        // The pieces the command writes one after the other are the same bytes.
        let pieces = JSONReporter().renderUTF8Pieces(report, options: ReportOptions())
        #expect(pieces.count > 1)
        #expect(pieces.flatMap { $0 } == JSONReporter().renderUTF8(report, options: ReportOptions()))
    }

    @Test func nonFiniteConfidenceIsRefused() {
        let finding = Finding(ruleId: "r", severity: .info, message: "m", location: Location(path: "p"), evidence: [Evidence(value: "v", confidence: .infinity)])
        #expect(throws: PrettyJSONEncoder.InvalidValue.self) { try PrettyJSONEncoder.encode(finding) }
    }
}
