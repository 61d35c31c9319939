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
        // Written as the chunks come off the cores: the same bytes, in order, whichever core finished first.
        let streamed = Streamed()
        #expect(try JSONReporter().write(report, options: ReportOptions(), to: streamed.sink))
        #expect(streamed.bytes == JSONReporter().renderUTF8(report, options: ReportOptions()))
        #expect(streamed.calls > 2)
    }

    @Test func aStreamStopsWhenItsSinkRefuses() throws {
        let inputs = (0..<600).map { index in
            var input = Self.full
            input.path = "f\(index).xml"
            return input
        }
        let refusing = Streamed(acceptedCalls: 3)
        #expect(try JSONReporter().write(Report(inputs: inputs), options: ReportOptions(), to: refusing.sink) == false)
        #expect(refusing.calls == 4)
    }

    @Test func aStreamThrowsOnAValueJSONCannotHold() {
        var inputs = (0..<300).map { index in
            var input = Self.full
            input.path = "f\(index).xml"
            return input
        }
        inputs[200].findings = [Finding(ruleId: "r", severity: .info, message: "m", location: Location(path: "f200.xml"), evidence: [Evidence(value: "v", confidence: .nan)])]
        #expect(throws: PrettyJSONEncoder.InvalidValue.self) {
            try JSONReporter().write(Report(inputs: inputs), options: ReportOptions(), to: Streamed().sink)
        }
    }

    /// A sink that keeps what it is given, and refuses after `acceptedCalls` pieces.
    final class Streamed: @unchecked Sendable {
        private let lock = NSLock()
        private let acceptedCalls: Int
        private(set) var bytes: [UInt8] = []
        private(set) var calls = 0
        init(acceptedCalls: Int = .max) { self.acceptedCalls = acceptedCalls }
        var sink: ReportSink {
            { [self] piece in
                lock.lock()
                defer { lock.unlock() }
                calls += 1
                guard calls <= acceptedCalls else { return false }
                bytes += piece
                return true
            }
        }
    }

    /// Hundredths are written without formatting a Double: the same text `JSONTreeEncoder.number`
    /// gives, for every hundredth below 1,000 and rounded random values; anything else is left to it.
    @Test func hundredthsAreWrittenAsNumberWritesThem() throws {
        var generator = SystemRandomNumberGenerator()
        var values = (0..<100_000).map { Double($0) / 100 }
        values += (0..<20_000).map { _ in (Double.random(in: 0..<1000, using: &generator) * 100).rounded() / 100 }
        values += (0..<20_000).map { _ in Double.random(in: 0..<1000, using: &generator) }
        values += [0.0, -0.0, 0.1 + 0.2, 1e-7, 999.995, 999.99, 1000, 0.005, 0.015, 1 / 3]
        var fast = 0
        for value in values {
            var bytes: [UInt8] = []
            guard JSONOut.appendHundredths(value, to: &bytes) else { continue }
            fast += 1
            guard case let .number(expected) = try JSONTreeEncoder.number(value, []) else { Issue.record("not a number"); continue }
            #expect(String(decoding: bytes, as: UTF8.self) == expected, "\(value)")
        }
        #expect(fast >= 120_000)
        var bytes: [UInt8] = []
        #expect(!JSONOut.appendHundredths(-0.0, to: &bytes) && !JSONOut.appendHundredths(.nan, to: &bytes) && !JSONOut.appendHundredths(1 / 3, to: &bytes))
    }

    @Test func nonFiniteConfidenceIsRefused() {
        let finding = Finding(ruleId: "r", severity: .info, message: "m", location: Location(path: "p"), evidence: [Evidence(value: "v", confidence: .infinity)])
        #expect(throws: PrettyJSONEncoder.InvalidValue.self) { try PrettyJSONEncoder.encode(finding) }
    }
}
