import Foundation

/// Machine values: GUIDs, numeric and opaque ids, LDAP DNs, URLs, phones, booleans, dates, lists.
public struct IdentifierClassifier: Sendable {
    let patterns: ValuePatterns
    public init(patterns: ValuePatterns) { self.patterns = patterns }

    static let dnKeys: Set<String> = ["cn", "ou", "dc", "o", "uid", "l", "st", "c", "street", "mail", "e", "serialnumber"]

    public func classify(_ value: String) -> Classification? {
        if let guid = guid(value) { return guid }
        if let dn = dn(value) { return dn }
        let lower = value.lowercased()
        if patterns.booleans.contains(lower) { return Classification(.boolean, 0.9) }
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("urn:") || lower.hasPrefix("ldap://") {
            return Classification(.url, 0.95)
        }
        if value.utf8.allSatisfy(Self.isDigit) { return Classification(.numericID, value.utf8.count >= 3 ? 0.95 : 0.8) }
        if let date = date(value) { return date }
        if let phone = phone(value) { return phone }
        if lower.hasPrefix("s-1-") && value.split(separator: "-").count >= 4 { return Classification(.opaqueID, 0.97) }  // Windows SID
        if let opaque = opaque(value) { return opaque }
        if let list = groupList(value) { return list }
        return nil
    }

    /// `8-4-4-4-12` hex digits (optionally in braces), or 32 hex digits with at least one digit.
    func guid(_ value: String) -> Classification? {
        var text = value.utf8[...]
        guard text.count == 32 || text.count == 34 || text.count == 36 || text.count == 38 else { return nil }
        if text.first == UInt8(ascii: "{"), text.last == UInt8(ascii: "}") { text = text.dropFirst().dropLast() }
        if text.count == 36 {
            for (offset, byte) in text.enumerated() {
                let dash = offset == 8 || offset == 13 || offset == 18 || offset == 23
                guard dash ? byte == UInt8(ascii: "-") : Self.isHexDigit(byte) else { return nil }
            }
            return Classification(.guid, 0.99)
        }
        if text.count == 32, text.allSatisfy(Self.isHexDigit), text.contains(where: Self.isDigit) {
            return Classification(.guid, 0.9)
        }
        return nil
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    static func isHexDigit(_ byte: UInt8) -> Bool { isDigit(byte) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x66) }

    /// `CN=Jane Doe,OU=Staff,DC=example,DC=com` (commas escaped with `\` are part of a value).
    func dn(_ value: String) -> Classification? {
        guard value.utf8.contains(UInt8(ascii: "=")) else { return nil }
        var parts: [String] = []
        var current = ""
        var escaped = false
        for ch in value {
            if escaped { current.append(ch); escaped = false; continue }
            if ch == "\\" { escaped = true; current.append(ch); continue }
            if ch == "," || ch == ";" { parts.append(current); current = ""; continue }
            current.append(ch)
        }
        parts.append(current)
        var known = 0
        for part in parts {
            let pieces = part.split(separator: "=", maxSplits: 1)
            guard pieces.count == 2 else { return nil }
            let key = String(pieces[0]).trimmed.lowercased()
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." }) else { return nil }
            if Self.dnKeys.contains(key) { known += 1 }
        }
        if parts.count >= 2, known >= 2 { return Classification(.dn, 0.98) }
        if parts.count == 1, known == 1 { return Classification(.dn, 0.7) }
        return nil
    }

    /// Digits and `-/.:TZ+ ` only (so ASCII, and bytes count characters), at least six digits, two
    /// date separators, starting with a digit.
    func date(_ value: String) -> Classification? {
        let bytes = value.utf8
        guard bytes.count <= 35, bytes.allSatisfy({ Self.isDigit($0) || Self.dateBytes.contains($0) }) else { return nil }
        guard bytes.count(where: Self.isDigit) >= 6 else { return nil }
        let seps = bytes.count { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ".") }
        if seps == 2, let first = bytes.first, Self.isDigit(first) { return Classification(.date, 0.85) }
        return nil
    }
    static let dateBytes: Set<UInt8> = Set("-/.:TZ+ ".utf8)
    static let phoneBytes: Set<UInt8> = Set(" +-().".utf8)

    /// Digits and ` +-().` only, 7 to 15 digits.
    func phone(_ value: String) -> Classification? {
        let bytes = value.utf8
        guard bytes.count <= 24, bytes.allSatisfy({ Self.isDigit($0) || Self.phoneBytes.contains($0) }) else { return nil }
        let digits = bytes.count(where: Self.isDigit)
        guard digits >= 7, digits <= 15 else { return nil }
        return Classification(.phone, bytes.first == UInt8(ascii: "+") ? 0.95 : 0.8)
    }

    /// Okta ids (`00u1a2b3C4d5E6f7`), base64 tokens, hashes: ASCII, no spaces, letters and digits mixed.
    /// ASCII letters, digits and `-_=+/.:!` (byte test: building a CharacterSet per scalar was a
    /// visible share of a folder run).
    static func isOpaqueByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "."),
            UInt8(ascii: ":"), UInt8(ascii: "!"):
            return true
        default:
            return false
        }
    }

    /// (Only opaque bytes, so ASCII: bytes count characters.)
    func opaque(_ value: String) -> Classification? {
        let bytes = value.utf8
        guard bytes.count >= 6, bytes.count <= 512 else { return nil }
        // One pass: every byte allowed, digits and letters counted.
        var digits = 0, letters = 0
        for byte in bytes {
            guard Self.isOpaqueByte(byte) else { return nil }
            if Self.isDigit(byte) { digits += 1 } else if Self.isASCIILetter(byte) { letters += 1 }
        }
        guard digits >= 2 else { return nil }
        if bytes.last == UInt8(ascii: "="), bytes.count >= 12 { return Classification(.opaqueID, 0.95) }
        if bytes.count >= 12, letters >= 2, !Self.isWordWithNumber(value) { return Classification(.opaqueID, 0.9) }
        if digits * 2 >= bytes.count { return Classification(.opaqueID, 0.85) }  // A123456, 12-3456-78
        return nil
    }

    /// `Martin2`, `christopher12`: a word with a trailing number, which test accounts use as names. Not an id
    /// unless digits dominate (`A123456`).
    static func isWordWithNumber(_ value: String) -> Bool {
        if value.utf8.allSatisfy({ $0 < 0x80 }) {
            let bytes = value.utf8
            guard let firstDigit = bytes.firstIndex(where: isDigit) else { return false }
            return bytes[..<firstDigit].allSatisfy(isASCIILetter) && bytes[firstDigit...].allSatisfy(isDigit)
        }
        guard let firstDigit = value.firstIndex(where: \.isNumber) else { return false }
        return value[..<firstDigit].allSatisfy(\.isLetter) && value[firstDigit...].allSatisfy(\.isNumber)
    }

    func groupList(_ value: String) -> Classification? {
        guard value.utf8.contains(where: { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: ",") }) else { return nil }
        for separator: Character in [";", "|", ","] {
            let parts = value.split(separator: separator).map { String($0).trimmed }.filter { !$0.isEmpty }
            let needed = separator == "," ? 3 : 2
            if parts.count >= needed, parts.allSatisfy({ $0.count <= 256 }) { return Classification(.groupList, 0.8) }
        }
        return nil
    }
}
