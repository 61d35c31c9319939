import Foundation
import SAMLLint
import Testing

@Suite("Capture decoding (HAR, SAML-tracer)")
struct CaptureDecoderTests {
    static let captures = TestSupport.repositoryRoot.appendingPathComponent("fixtures/captures")

    static func decode(_ name: String) throws -> [RawMessage] {
        let bytes = try [UInt8](Data(contentsOf: captures.appendingPathComponent(name)))
        return try InputDecoder().decode(bytes).get()
    }

    @Test func harLoginFlowYieldsEveryMessageInOrder() throws {
        let messages = try Self.decode("login-flow.har")
        #expect(messages.map(\.index) == [0, 1, 2, 3, 4])
        #expect(messages.map(\.origin) == [
            "entry 1: GET https://idp.example.com/sso?SAMLRequest=…&RelayState=…, SAMLRequest, deflate",
            "entry 4: POST https://sp.example.com/acs, SAMLResponse",
            "entry 6: GET https://idp.example.com/sso?SAMLRequest=…&RelayState=…, SAMLRequest, deflate",
            "entry 7: POST https://sp.example.com/acs, SAMLResponse",
            "entry 8: GET https://idp.example.com/start?app=…, SAMLResponse in the response's HTML form",
        ])
        #expect(messages.allSatisfy { $0.error == nil && $0.encoding == .har })
        let texts = messages.map { String(decoding: $0.bytes, as: UTF8.self) }
        #expect(texts[0].hasPrefix("<samlp:AuthnRequest") && texts[0].contains("ID=\"_req-1\""))
        #expect(texts[1].contains("ID=\"_resp-jane\""))
        // Entry 7 has only postData.text (no params).
        #expect(texts[3].contains("ID=\"_resp-omar\""))
        // Entry 3's auto-POST form repeats entry 4's message: not linted twice. Entry 8's is the only copy.
        #expect(texts.filter { $0.contains("ID=\"_resp-jane\"") }.count == 1)
        #expect(texts[4].contains("ID=\"_resp-li\""))
    }

    @Test func samlTracerExportUsesParametersThenTheDecodedSAML() throws {
        let messages = try Self.decode("saml-tracer-export.json")
        #expect(messages.count == 4)
        #expect(messages.allSatisfy { $0.error == nil && $0.encoding == .samlTracer })
        #expect(messages[1].origin == "request 2: POST https://sp.example.com/acs, SAMLResponse")
        // Request 4's POST values were hashed by the export filter: its `saml` field is used.
        #expect(messages[3].origin == "request 4: POST https://sp.example.com/acs, saml")
        #expect(String(decoding: messages[3].bytes, as: UTF8.self).contains("ID=\"_resp-omar\""))
    }

    @Test func messagesAreLocatedInTheReport() throws {
        let path = Self.captures.appendingPathComponent("login-flow.har").path
        let report = Linter(context: LintContext(now: nil)).lint(source: .file(path))
        #expect(report.messages.map(\.kind) == ["authnRequest", "response", "authnRequest", "response", "response"])
        let untrimmed = try #require(report.findings.first { $0.ruleId == "mapping/untrimmed-value" })
        #expect(untrimmed.location.message == 1)
        #expect(untrimmed.location.origin == "entry 4: POST https://sp.example.com/acs, SAMLResponse")
        let text = TextReporter().render(Report(inputs: [report]), options: ReportOptions())
        #expect(text.contains("  message 1: entry 4: POST https://sp.example.com/acs, SAMLResponse\n"))
    }

    @Test func captureWithoutSAMLSaysSo() throws {
        let bytes = try [UInt8](Data(contentsOf: Self.captures.appendingPathComponent("no-saml.har")))
        guard case let .failure(error) = InputDecoder().decode(bytes) else {
            Issue.record("decoded a capture without SAML")
            return
        }
        #expect(error.ruleId == "input/no-saml-found")
        #expect(error.message.contains("HAR file (3 entries)"))
    }

    @Test("hostile or foreign JSON is one clear error", arguments: [
        "{\"log\": 3}", "{\"requests\": {}}", "{\"a\": 1}", "[1,2,3]", "{\"log\": {\"entries\": [1, \"x\", {\"request\": 5}]}}", "{\"log\"",
    ])
    func foreignJSON(_ text: String) {
        guard case let .failure(error) = InputDecoder().decode(Array(text.utf8)) else {
            Issue.record("decoded \(text)")
            return
        }
        #expect(["input/undecodable", "input/no-saml-found"].contains(error.ruleId))
    }

    @Test func oneBadPayloadDoesNotHideTheOthers() throws {
        let good = Data(InputDecoderTests.assertion.utf8).base64EncodedString()
        let har = Self.har(entries: [
            Self.postEntry(url: "https://sp.example.com/acs", value: "%%%not-base64"),
            Self.postEntry(url: "https://sp.example.com/acs", value: good),
        ])
        let messages = try InputDecoder().decode(Array(har.utf8)).get()
        #expect(messages.count == 2)
        #expect(messages[0].error?.ruleId == "input/undecodable")
        #expect(messages[1].error == nil)
        let report = Linter(context: LintContext(now: nil)).lint(bytes: Array(har.utf8), path: "x.har")
        #expect(report.findings.contains { $0.ruleId == "input/undecodable" && $0.location.message == 0 })
        #expect(report.messages[1].kind == "assertion")
    }

    @Test func tenThousandEntryHAR() throws {
        let good = Data(InputDecoderTests.assertion.utf8).base64EncodedString()
        var entries: [String] = []
        for number in 0..<10_000 {
            entries.append(number % 1000 == 999
                ? Self.postEntry(url: "https://sp.example.com/acs?n=\(number)", value: good)
                : #"{"request": {"method": "GET", "url": "https://cdn.example.com/asset/\#(number).js", "queryString": [{"name": "v", "value": "\#(number)"}]}, "response": {"status": 200, "content": {"text": "\#(String(repeating: "x", count: 200))"}}}"#)
        }
        let messages = try InputDecoder().decode(Array(Self.har(entries: entries).utf8)).get()
        #expect(messages.count == 10)
        #expect(messages.last?.origin == "entry 9999: POST https://sp.example.com/acs?n=…, SAMLResponse")
    }

    static func har(entries: [String]) -> String {
        #"{"log": {"version": "1.2", "creator": {"name": "test", "version": "1"}, "entries": [\#(entries.joined(separator: ","))]}}"#
    }

    static func postEntry(url: String, value: String) -> String {
        let escaped = value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value
        return #"{"request": {"method": "POST", "url": "\#(url)", "postData": {"mimeType": "application/x-www-form-urlencoded", "params": [{"name": "SAMLResponse", "value": "\#(escaped)"}]}}}"#
    }

    @Test("auto-POST forms are read whatever their attribute style", arguments: [
        (#"<input type="hidden" name="SAMLResponse" value="PHg+&#x3d;"/>"#, "PHg+="),
        (#"<INPUT NAME='SAMLRequest' TYPE='hidden' VALUE='PHg&#43;'>"#, "PHg+"),
        (#"<input value=PHg= name=SAMLResponse>"#, "PHg="),
        (#"<input name="RelayState" value="SAMLResponse">"#, nil),
        (#"<input data-name="SAMLResponse" value="x">"#, nil),
    ])
    func htmlForms(_ html: String, _ expected: String?) {
        let fields = HTMLFormScanner.samlFields(in: html + " SAMLResponse SAMLRequest")
        #expect(fields.first?.1 == expected)
    }

    @Test func messagesKnowWhereTheyAreInTheCaptureFile() throws {
        for name in ["login-flow.har", "saml-tracer-export.json"] {
            let text = try String(contentsOf: Self.captures.appendingPathComponent(name), encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            for message in try Self.decode(name) {
                let line = try #require(message.containerLine, "\(name) message \(message.index) has no position")
                let column = try #require(message.containerColumn)
                let rest = lines[line - 1].utf8.dropFirst(column - 1)
                // The position is the start of the payload as written in the file.
                let start = String(decoding: rest.prefix(12), as: UTF8.self)
                #expect(["PHNhbWxw", "fZBP", "samlp:", "<samlp:"].contains { start.hasPrefix($0) }, "\(name) message \(message.index): \(start)")
            }
        }
    }

    @Test func positionsReachTheCIFormats() throws {
        let path = Self.captures.appendingPathComponent("login-flow.har").path
        let report = Linter(context: LintContext(now: nil)).lint(inputs: [.file(path)], parallel: false)
        let positions = FilePositions(report)
        let finding = try #require(report.findings.first { $0.ruleId == "mapping/untrimmed-value" })
        let message = try #require(report.inputs[0].messages.first { $0.index == finding.location.message })
        #expect(positions.of(finding).line == message.containerLine)
        #expect(positions.of(finding).line > 1)
    }

    @Test func elementOffsetsFollowTheListOnly() {
        let json = #"{"a": [9], "log": {"x": "[\"]", "entries": [ {"k": [1, 2]}, "s,t", 3 ]}, "entries": [4]}"#
        let offsets = PayloadLocator.elementOffsetsForTests(json, path: ["log", "entries"])
        let bytes = Array(json.utf8)
        #expect(offsets.map { Character(UnicodeScalar(bytes[$0])) } == ["{", "\"", "3"])
    }

    @Test func oddFieldsDoNotHideTheRest() throws {
        let good = Data(InputDecoderTests.assertion.utf8).base64EncodedString()
        let har = #"{"log": {"entries": [7, {"request": 5}, {"request": {"method": 5, "url": ["x"], "postData": {"params": [3, {"name": null}, {"name": "SAMLResponse", "value": "\#(good)"}]}}}]}}"#
        let messages = try InputDecoder().decode(Array(har.utf8)).get()
        #expect(messages.count == 1)
        #expect(messages.first?.origin == "entry 2: 5 , SAMLResponse")
        #expect(messages.first?.error == nil)
    }

    @Test("SAML-tracer's parameter shapes", arguments: [
        #""post": [["RelayState", "x"], ["SAMLResponse", "B64"]]"#,
        #""post": [{"name": "SAMLResponse", "value": "B64"}]"#,
        #""postData": {"SAMLResponse": ["B64"], "RelayState": ["x"]}"#,
        #""postData": {"SAMLResponse": "B64"}"#,
    ])
    func tracerShapes(_ fields: String) throws {
        let good = Data(InputDecoderTests.assertion.utf8).base64EncodedString()
        let json = #"{"requests": [{"method": "POST", "url": "https://sp.example.com/acs", \#(fields.replacingOccurrences(of: "B64", with: good))}]}"#
        let messages = try InputDecoder().decode(Array(json.utf8)).get()
        #expect(messages.count == 1)
        #expect(messages.first?.origin == "request 0: POST https://sp.example.com/acs, SAMLResponse")
        #expect(messages.first.map { String(decoding: $0.bytes, as: UTF8.self) } == InputDecoderTests.assertion)
    }
}
