import Foundation
import SAMLLint
import Testing

/// `PrettyJSONEncoder` must write the bytes `JSONEncoder` writes with the report's options.
@Suite("Pretty JSON encoder")
struct PrettyJSONEncoderTests {
    struct Sample: Codable, Sendable {
        var text: String
        var numbers: [Double]
        var integers: [Int]
        var map: [String: [String]]
        var optional: String?
        var nested: [Sample]
        var flag: Bool
        var empty: [String: Int]
        var url: URL?
        var floats: [Float] = [1, 0.5, 3.25e-8]
    }

    static func reference<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static let control = String((0..<32).map { Character(Unicode.Scalar(UInt8($0))) })

    @Test("strings, numbers, keys and empty containers", arguments: [
        Sample(text: control + "\u{7F}\"\\/é\u{2028}😀", numbers: [1, 0.97, 1e20, 1e-7, 123_456_789_012_345_678, -0.0, 0.1 + 0.2, 2.5e-300],
            integers: [0, -1, Int.max, Int.min], map: ["b": [], "B": ["x"], "a10": [], "a9": [], "é": [], "ea": [], "\u{10000}": [], "\u{FFFF}": []],
            optional: nil, nested: [], flag: true, empty: [:], url: URL(string: "https://example.com/a?b=c")),
        Sample(text: "", numbers: [], integers: [], map: [:], optional: "x", nested: [
            Sample(text: "inner", numbers: [3], integers: [4], map: ["k": ["v", "w"]], optional: nil, nested: [], flag: false, empty: ["z": 1], url: nil),
        ], flag: false, empty: [:], url: nil),
    ])
    func sameBytesAsJSONEncoder(_ sample: Sample) throws {
        let ours = String(decoding: try PrettyJSONEncoder.encode(sample), as: UTF8.self)
        #expect(ours == (try Self.reference(sample)))
    }

    @Test func nestedDepthIndentsEveryLineButTheFirst() throws {
        let sample = ["k": [1, 2]]
        let ours = String(decoding: try PrettyJSONEncoder.encode(sample, depth: 2), as: UTF8.self)
        let expected = try Self.reference(sample).replacingOccurrences(of: "\n", with: "\n    ")
        #expect(ours == expected)
    }

    @Test func nonFiniteNumbersAreRefused() {
        #expect(throws: PrettyJSONEncoder.InvalidValue.self) { try PrettyJSONEncoder.encode([Double.nan]) }
    }
}
