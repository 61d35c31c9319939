import Foundation
import SAMLLint
import Testing

@Suite("Input decoding")
struct InputDecoderTests {
    static let assertion = #"<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_a" Version="2.0"/>"#

    @Test func rawXML() throws {
        let messages = try InputDecoder().decode(Array(Self.assertion.utf8)).get()
        #expect(messages.count == 1)
        #expect(messages[0].encoding == .xml)
    }

    @Test func base64WithLineBreaks() throws {
        let encoded = Data(Self.assertion.utf8).base64EncodedString(options: [.lineLength64Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        #expect(encoded.contains("\r\n"))
        let messages = try InputDecoder().decode(Array(encoded.utf8)).get()
        #expect(String(decoding: messages[0].bytes, as: UTF8.self) == Self.assertion)
        #expect(messages[0].encoding == .base64)
    }

    @Test func deflateBase64FromARealRedirectBinding() throws {
        // Produced with: printf '%s' "$ASSERTION" | python3 -c 'import sys,zlib,base64; c=zlib.compressobj(9,zlib.DEFLATED,-15); print(base64.b64encode(c.compress(sys.stdin.buffer.read())+c.flush()).decode())'
        let encoded = "sylOzM2xciwuTi0qyczPU6jIzckrtgIJ2iqVFuVZ5ScWZxZb5SXmphZblSRbBTv6+lgZ6RlYJcJ0KCl4utgqxScqKYSlFhUDBWyVgPJK+nYA"
        let messages = try InputDecoder().decode(Array(encoded.utf8)).get()
        #expect(messages[0].encoding == .deflate)
        #expect(String(decoding: messages[0].bytes, as: UTF8.self).hasPrefix("<saml:Assertion"))
    }

    @Test func formBodyWithPercentEncoding() throws {
        let b64 = Data(Self.assertion.utf8).base64EncodedString()
        let escaped = b64.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let body = "RelayState=%2Fhome&SAMLResponse=\(escaped)"
        let messages = try InputDecoder().decode(Array(body.utf8)).get()
        #expect(messages.count == 1)
        #expect(messages[0].encoding == .form)
        #expect(messages[0].origin == "form SAMLResponse")
    }

    @Test func queryStringInAURL() throws {
        let b64 = Data(Self.assertion.utf8).base64EncodedString()
        let url = "https://sp.example.com/acs?SAMLResponse=\(b64.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)&SigAlg=x"
        let messages = try InputDecoder().decode(Array(url.utf8)).get()
        #expect(messages.count == 1)
    }

    @Test("garbage is undecodable", arguments: ["hello there, world", "%%%%", "QUJD", "\u{0}\u{1}\u{2}"])
    func undecodable(_ text: String) {
        if case let .failure(error) = InputDecoder().decode(Array(text.utf8)) {
            #expect(error.ruleId == "input/undecodable")
        } else {
            Issue.record("decoded garbage \(text)")
        }
    }

    @Test func inflateBombIsCapped() throws {
        // 4 MiB of 'a' inside an element compresses to a few KiB; the cap is 64 KiB.
        let xml = "<a>" + String(repeating: "a", count: 4 << 20) + "</a>"
        let deflated = try Self.rawDeflate(Array(xml.utf8))
        #expect(deflated.count < 20_000)
        let text = Data(deflated).base64EncodedString()
        let decoder = InputDecoder(maxMessageBytes: 1 << 20, maxInflatedBytes: 64 * 1024)
        guard case let .failure(error) = decoder.decode(Array(text.utf8)) else {
            Issue.record("inflated a bomb")
            return
        }
        #expect(error.ruleId == "input/too-large")
    }

    /// Raw DEFLATE through python3's zlib, as a second, independent implementation.
    static func rawDeflate(_ bytes: [UInt8]) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sys,zlib; c=zlib.compressobj(9,zlib.DEFLATED,-15); sys.stdout.buffer.write(c.compress(sys.stdin.buffer.read())+c.flush())"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let writer = Thread {
            input.fileHandleForWriting.write(Data(bytes))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return [UInt8](data)
    }
}
