import Foundation
import SAMLXML
import Testing

@Suite("Aggregate streaming")
struct AggregateStreamTests {
    static let aggregate = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- a comment with <EntityDescriptor> inside -->
        <md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" Name="urn:test:fed" validUntil="2030-01-01T00:00:00Z">
          <md:Extensions><x:Thing xmlns:x="urn:x" a="1 > 0"/></md:Extensions>
          <md:EntityDescriptor entityID="https://a.example.org/idp"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
            <md:KeyDescriptor><ds:KeyInfo><ds:X509Data><ds:X509Certificate>MIIC</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
          </md:IDPSSODescriptor></md:EntityDescriptor>
          <md:EntitiesDescriptor Name="urn:test:nested">
            <EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://b.example.org/sp?x=1&amp;y=2"><![CDATA[ </EntityDescriptor> ]]><SPSSODescriptor/></EntityDescriptor>
          </md:EntitiesDescriptor>
          <md:EntityDescriptor entityID="https://c.example.org/idp"/>
        </md:EntitiesDescriptor>
        """

    static func pieces(_ text: String) throws -> [AggregateStream.Piece] {
        let stream = AggregateStream(bytes: Array(text.utf8))
        var result: [AggregateStream.Piece] = []
        while let piece = try stream.next() { result.append(piece) }
        return result
    }

    @Test func detectsAggregates() {
        #expect(AggregateStream.isAggregate(prefix: Array(Self.aggregate.utf8)))
        #expect(!AggregateStream.isAggregate(prefix: Array("<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\"/>".utf8)))
        #expect(!AggregateStream.isAggregate(prefix: Array("<!DOCTYPE x><md:EntitiesDescriptor/>".utf8)))
        #expect(!AggregateStream.isAggregate(prefix: Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><EntitiesDescriptor/>".utf8)))
    }

    @Test func cutsEveryEntityWithItsNamespacesAndLines() throws {
        let pieces = try Self.pieces(Self.aggregate)
        #expect(pieces.map(\.kind) == [.entitiesDescriptor, .entityDescriptor, .entitiesDescriptor, .entityDescriptor, .entityDescriptor])
        #expect(pieces.map(\.identifier) == ["urn:test:fed", "https://a.example.org/idp", "urn:test:nested", "https://b.example.org/sp?x=1&y=2", "https://c.example.org/idp"])
        #expect(pieces.map(\.depth) == [0, 1, 1, 2, 1])
        #expect(pieces.map(\.sourceMap.line) == [3, 5, 8, 9, 11])
        // Each piece parses on its own, and its elements keep the original lines and columns.
        let first = try XMLDocument.parse(pieces[1].bytes, sourceMap: pieces[1].sourceMap)
        #expect(try #require(first.root).position == (5, 3))
        let key = try #require(first.root?.descendants("KeyDescriptor", namespace: "urn:oasis:names:tc:SAML:2.0:metadata").first)
        #expect(key.position == (6, 5))
        let certificate = try #require(first.root?.descendants("X509Certificate", namespace: "http://www.w3.org/2000/09/xmldsig#").first)
        #expect(certificate.position == (6, 48))
        let idp = try #require(first.root?.children.first)
        #expect(idp.position == (5, 61), "an element after the inserted namespaces on the first line keeps its column")
        let nested = try XMLDocument.parse(pieces[3].bytes, sourceMap: pieces[3].sourceMap)
        #expect(nested.root?.namespaceURI == "urn:oasis:names:tc:SAML:2.0:metadata")
        #expect(nested.root?.children.first?.localName == "SPSSODescriptor")
        let root = try XMLDocument.parse(pieces[0].bytes, sourceMap: pieces[0].sourceMap)
        #expect(root.root?.attribute("validUntil") == "2030-01-01T00:00:00Z")
        #expect(try #require(root.root).position == (3, 1))
    }

    @Test("broken aggregates are one clear error", arguments: [
        ("<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\">\n<md:EntityDescriptor entityID=\"x\">", "end of input"),
        ("<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\">\n</md:Other>", "does not match"),
        ("<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\">\n<!DOCTYPE x>", "DOCTYPE"),
        ("<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\"></md:EntitiesDescriptor><x/>", "after the end"),
        ("<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\"><md:EntityDescriptor entityID=\"x\"><!-- open", "comment"),
    ])
    func brokenAggregate(_ testCase: (String, String)) {
        do {
            _ = try Self.pieces(testCase.0)
            Issue.record("expected an error")
        } catch let error as XMLParseError {
            #expect(error.description.contains(testCase.1), "\(error.description)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    /// An aggregate on one line (no newlines at all): columns are counted incrementally.
    @Test func oneLineAggregateKeepsColumns() throws {
        let entity = "<md:EntityDescriptor entityID=\"https://é.example.org/\"/>"
        let text = "<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\">" + String(repeating: entity, count: 3) + "</md:EntitiesDescriptor>"
        let pieces = try Self.pieces(text)
        let start = 71  // the root start tag
        let width = entity.utf16.count
        #expect(pieces.dropFirst().map(\.sourceMap.column) == [start + 1, start + 1 + width, start + 1 + 2 * width])
        #expect(pieces.allSatisfy { $0.sourceMap.line == 1 })
    }

    /// Hostile input: truncations and byte flips of an aggregate end in pieces or one error,
    /// never a crash or a hang, and every piece goes through the safe parser.
    @Test func mutatedAggregatesNeverCrash() {
        let original = Array(Self.aggregate.utf8)
        var generator = SplitMix(seed: 7)
        var errors = 0
        var pieces = 0
        for round in 0..<400 {
            var bytes = original
            if round % 4 == 0 {
                bytes = Array(bytes.prefix(Int(generator.next() % UInt64(bytes.count))))
            } else {
                for _ in 0..<(1 + round % 3) {
                    let special: [UInt8] = Array("<>/\"'!?-[]&".utf8)
                    bytes[Int(generator.next() % UInt64(bytes.count))] = special[Int(generator.next() % UInt64(special.count))]
                }
            }
            let stream = AggregateStream(bytes: bytes)
            do {
                while let piece = try stream.next() {
                    pieces += 1
                    _ = try? XMLDocument.parse(piece.bytes, sourceMap: piece.sourceMap)
                }
            } catch {
                errors += 1
            }
        }
        print("mutated aggregates: \(errors) of 400 refused, \(pieces) pieces parsed")
        #expect(errors > 100, "most mutations break the structure")
        #expect(pieces > 100, "many mutations leave pieces to lint")
    }

    @Test func oversizedEntityIsRefused() {
        let big = "<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\"><md:EntityDescriptor entityID=\"x\">"
            + String(repeating: "<md:Extensions>text</md:Extensions>", count: 2000) + "</md:EntityDescriptor></md:EntitiesDescriptor>"
        let stream = AggregateStream(bytes: Array(big.utf8), maxPieceBytes: 10_000)
        #expect(throws: XMLParseError.self) { while try stream.next() != nil {} }
    }

    /// The file reader gives the same pieces as the in-memory one, across chunk boundaries.
    @Test func fileAndMemoryAgree() throws {
        var text = "<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" Name=\"big\">\n"
        for index in 0..<3000 {
            text += "  <md:EntityDescriptor entityID=\"https://e\(index).example.org/\"><md:SPSSODescriptor protocolSupportEnumeration=\"p\">\(String(repeating: "é", count: index % 50))</md:SPSSODescriptor></md:EntityDescriptor>\n"
        }
        text += "</md:EntitiesDescriptor>\n"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("samllint-stream-\(getpid()).xml")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let memory = try Self.pieces(text)
        let stream = try #require(AggregateStream(path: url.path, chunkSize: 4096))
        var file: [AggregateStream.Piece] = []
        while let piece = try stream.next() { file.append(piece) }
        #expect(file.count == 3001)
        #expect(file.map(\.bytes) == memory.map(\.bytes))
        #expect(file.map(\.sourceMap) == memory.map(\.sourceMap))
        #expect(file.last?.sourceMap.line == 3001)
    }
}
