import Foundation
@testable import SAMLLint
import Testing

/// `XMLEscape.escape` works on UTF-8 bytes; the scalar-by-scalar version it replaced is the reference.
@Suite("XML and HTML escaping")
struct XMLEscapeTests {
    static func reference(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let forbidden = scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF
                out.unicodeScalars.append(forbidden ? "\u{FFFD}" : scalar)
            }
        }
        return out
    }

    @Test("agrees with the scalar-by-scalar escape", arguments: [
        "", "plain text", "a\u{01}b]]><x y=\"'&amp;\u{FFFE}\tz", "\r\n", "日本語 & ü < é",
        "\u{FFFF}\u{FFFD}\u{EFFF}\u{FEFF}", "tail \u{EF}", "😀<😀>", "\u{0}\u{1F}\u{7F}", "ends with &",
    ])
    func agrees(_ text: String) {
        #expect(XMLEscape.escape(text) == Self.reference(text))
    }

    @Test func seededRandomTextAgrees() {
        var state: UInt64 = 0x9E3779B97F4A7C15
        let alphabet: [Unicode.Scalar] = ["a", "&", "<", ">", "\"", "'", "\t", "\n", "\r", "\u{01}", "\u{1F}", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\u{EFBF}", "é", "日", "😀"]
        for _ in 0..<500 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int(state % 24) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let string = String(text)
            #expect(XMLEscape.escape(string) == Self.reference(string), "\(string.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
