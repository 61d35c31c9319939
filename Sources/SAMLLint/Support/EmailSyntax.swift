/// A quick syntactic check for "this looks like a mailbox address": one `@`, a non-empty local
/// part without spaces, a dotted domain. The full classifier (with IDN and trust) lives elsewhere.
public enum EmailSyntax {
    public static func isPlausibleAddress(_ text: String) -> Bool {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return isPlausibleASCIIAddress(Array(text.utf8)) }
        return isPlausibleAddressByCharacter(text)
    }

    static func isPlausibleAddressByCharacter(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let local = parts[0]
        let domain = parts[1]
        guard !local.isEmpty, local.count <= 64, !domain.isEmpty, domain.count <= 253 else { return false }
        guard !local.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," }) else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }) else {
            return false
        }
        return domain.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }
            && labels.last!.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } && !labels.last!.allSatisfy(\.isNumber)
    }

    /// The same test on ASCII bytes (most NameIDs and emails), without Character work. A `\r\n`
    /// counts as one character above and two bytes here, but either way it fails the whitespace and
    /// letter tests, so both give the same answer.
    static func isPlausibleASCIIAddress(_ bytes: [UInt8]) -> Bool {
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), bytes[(at + 1)...].firstIndex(of: UInt8(ascii: "@")) == nil else { return false }
        let local = bytes[..<at]
        let domain = bytes[(at + 1)...]
        guard !local.isEmpty, local.count <= 64, !domain.isEmpty, domain.count <= 253 else { return false }
        let refused: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: ",")]
        guard !local.contains(where: refused.contains) else { return false }
        let labels = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.first != UInt8(ascii: "-") && $0.last != UInt8(ascii: "-") }) else {
            return false
        }
        func isAlphanumeric(_ byte: UInt8) -> Bool {
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        }
        return domain.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
            && labels.last!.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
            && !labels.last!.allSatisfy { (0x30...0x39).contains($0) }
    }
}
