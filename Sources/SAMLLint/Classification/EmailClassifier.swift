import Foundation

/// Addresses with an `@`: email (practical RFC 5322 dot-atom, IDN domains), UPN (non-routable or
/// tenant-initial domains), Entra guest UPN (`#EXT#`), scoped opaque identifiers (pairwise-id style).
public struct EmailClassifier: Sendable {
    let patterns: ValuePatterns
    /// Shortest local part read as an opaque identifier (`classifiers.opaqueLocalPart.minLength`).
    let opaqueMinLength: Int
    /// Largest share of vowels in a capitals-only local part read as random (`…maxVowelShare`).
    let opaqueMaxVowelShare: Double

    public init(patterns: ValuePatterns, opaqueMinLength: Int = 16, opaqueMaxVowelShare: Double = 0.2) {
        self.patterns = patterns
        self.opaqueMinLength = opaqueMinLength
        self.opaqueMaxVowelShare = opaqueMaxVowelShare
    }

    static let atext = CharacterSet(charactersIn: "!#$%&'*+/=?^_`{|}~-").union(.alphanumerics)

    /// Splits `local@domain` when both halves are syntactically valid.
    public static func parts(_ value: String) -> (local: String, domain: String)? {
        if value.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return asciiParts(value) }
        return partsByScalar(value)
    }

    /// `atext` and `.` as a table of printable ASCII bytes.
    private static let localByte: [Bool] = (0..<128).map { byte in
        let scalar = Unicode.Scalar(UInt8(byte))
        return atext.contains(scalar) || scalar == "."
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// `parts` for printable ASCII (most values), on bytes: one character is one byte there, so
    /// every count and test below is the one `partsByScalar` makes (a table test holds them equal).
    static func asciiParts(_ value: String) -> (local: String, domain: String)? {
        let bytes = Array(value.utf8)
        guard let at = bytes.lastIndex(of: UInt8(ascii: "@")) else { return nil }
        let local = bytes[..<at]
        let domain = bytes[(at + 1)...]
        guard !local.isEmpty, local.count <= 64, domain.count <= 253, domain.count >= 3 else { return nil }
        let quote = UInt8(ascii: "\""), dot = UInt8(ascii: "."), dash = UInt8(ascii: "-")
        if local.first == quote {
            guard local.count >= 3, local.last == quote, !local.dropFirst().dropLast().contains(quote) else { return nil }
        } else {
            guard local.first != dot, local.last != dot, !zip(local, local.dropFirst()).contains(where: { $0 == dot && $1 == dot }) else { return nil }
            guard local.allSatisfy({ localByte[Int($0)] }) else { return nil }
        }
        let labels = domain.split(separator: dot, omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return nil }
        for label in labels {
            guard !label.isEmpty, label.count <= 63, label.first != dash, label.last != dash else { return nil }
            guard label.allSatisfy({ isAlphanumeric($0) || $0 == dash }) else { return nil }
        }
        let tld = labels.last!
        guard tld.count >= 2, !tld.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return (String(decoding: local, as: UTF8.self), String(decoding: domain, as: UTF8.self))
    }

    static func partsByScalar(_ value: String) -> (local: String, domain: String)? {
        guard let at = value.lastIndex(of: "@") else { return nil }
        let local = String(value[..<at])
        let domain = String(value[value.index(after: at)...])
        guard !local.isEmpty, local.count <= 64, domain.count <= 253, domain.count >= 3 else { return nil }
        if local.hasPrefix("\"") {
            guard local.count >= 3, local.hasSuffix("\""), !local.dropFirst().dropLast().contains("\"") else { return nil }
        } else {
            // Entra guest UPNs carry `#EXT#`; `#` is atext, so they pass here.
            guard !local.hasPrefix("."), !local.hasSuffix("."), !local.containsASCII("..") else { return nil }
            guard local.unicodeScalars.allSatisfy({ atext.contains($0) || $0 == "." || $0.value > 0x7F }) else { return nil }
            guard !local.unicodeScalars.contains(where: { CharacterSets.whitespacesAndNewlines.contains($0) }) else { return nil }
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return nil }
        for label in labels {
            guard !label.isEmpty, label.count <= 63, !label.hasPrefix("-"), !label.hasSuffix("-") else { return nil }
            guard label.unicodeScalars.allSatisfy({ CharacterSets.alphanumerics.contains($0) || $0 == "-" }) else { return nil }
        }
        let tld = labels.last!
        guard tld.count >= 2, !tld.allSatisfy(\.isNumber) else { return nil }
        return (local, domain)
    }

    public func classify(_ value: String) -> Classification? {
        guard let (local, domain) = Self.parts(value) else { return nil }
        let lowerDomain = domain.lowercased()
        if local.containsASCII("#ext#", ignoringCase: true) { return Classification(.guestUPN, 0.99) }
        let tld = lowerDomain.split(separator: ".").last.map(String.init) ?? ""
        if patterns.nonRoutableTLDs.contains(tld) { return Classification(.upn, 0.95) }
        if patterns.upnDomainSuffixes.contains(where: { lowerDomain == $0 || lowerDomain.hasSuffix("." + $0) }) {
            return Classification(.upn, 0.8)
        }
        if isOpaqueLocalPart(local) { return Classification(.scopedID, 0.85) }
        return Classification(.email, 0.97)
    }

    /// A local part no person would type: long, mixing digits and letters without separators,
    /// or base64/base32 (pairwise-id, subject-id, eduPersonUniqueId values).
    func isOpaqueLocalPart(_ local: String) -> Bool {
        guard local.count >= opaqueMinLength, local.unicodeScalars.allSatisfy({ $0.isASCII }) else { return false }
        let digits = local.filter(\.isNumber).count
        let letters = local.filter(\.isLetter).count
        let separators = local.filter { $0 == "." || $0 == "_" || $0 == "-" }.count
        if local.hasASCII("=") || local.hasASCII("+") && local.hasASCII("/") { return true }
        guard separators == 0 else { return false }  // `christopher.smith1987` is a person's address
        if digits >= 2, letters >= 2, !IdentifierClassifier.isWordWithNumber(local) { return true }
        if local == local.uppercased(), letters >= 8, digits >= 1 { return true }  // base32
        // Random capitals only (`JYCQFBNBZVMXWUBJPGURSQQQTF`, base32): hardly a vowel, where a run of
        // names (`CHRISTOPHERJOHNSON`, Welsh `LLYWELYNAPGRUFFYDD`) has a third or more. Lower case is left
        // alone: transliterations can be as short of vowels (Thai `schaphphrrnthnkuur`).
        if digits == 0, letters == local.count, local == local.uppercased() {
            let vowels = local.lowercased().utf8.count { "aeiouy".utf8.contains($0) }
            if Double(vowels) < opaqueMaxVowelShare * Double(letters) { return true }
        }
        return digits >= 16 && letters == 0
    }
}
