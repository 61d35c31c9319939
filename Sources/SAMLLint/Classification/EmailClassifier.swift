import Foundation

/// Addresses with an `@`: email (practical RFC 5322 dot-atom, IDN domains), UPN (non-routable or
/// tenant-initial domains), Entra guest UPN (`#EXT#`), scoped opaque identifiers (pairwise-id style).
public struct EmailClassifier: Sendable {
    let patterns: ValuePatterns

    public init(patterns: ValuePatterns) { self.patterns = patterns }

    static let atext = CharacterSet(charactersIn: "!#$%&'*+/=?^_`{|}~-").union(.alphanumerics)

    /// Splits `local@domain` when both halves are syntactically valid.
    public static func parts(_ value: String) -> (local: String, domain: String)? {
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
        if Self.isOpaqueLocalPart(local) { return Classification(.scopedID, 0.85) }
        return Classification(.email, 0.97)
    }

    /// A local part no person would type: long, mixing digits and letters without separators,
    /// or base64/base32 (pairwise-id, subject-id, eduPersonUniqueId values).
    static func isOpaqueLocalPart(_ local: String) -> Bool {
        guard local.count >= 16, local.unicodeScalars.allSatisfy({ $0.isASCII }) else { return false }
        let digits = local.filter(\.isNumber).count
        let letters = local.filter(\.isLetter).count
        let separators = local.filter { $0 == "." || $0 == "_" || $0 == "-" }.count
        if local.hasASCII("=") || local.hasASCII("+") && local.hasASCII("/") { return true }
        guard separators == 0 else { return false }  // `christopher.smith1987` is a person's address
        if digits >= 2, letters >= 2, !IdentifierClassifier.isWordWithNumber(local) { return true }
        if local == local.uppercased(), letters >= 8, digits >= 1 { return true }  // base32
        return digits >= 16 && letters == 0
    }
}
