import Foundation

/// Empty values, placeholders (`N/A`, `null`, `changeme`) and templates the IdP never filled
/// (`${user.email}`, `{{mail}}`, `%givenName%`, `user.firstName`).
public struct PlaceholderClassifier: Sendable {
    let patterns: ValuePatterns
    public init(patterns: ValuePatterns) { self.patterns = patterns }

    static let expressionFields: Set<String> = [
        "email", "mail", "firstname", "lastname", "givenname", "surname", "displayname", "login", "username",
        "userprincipalname", "objectid", "id", "name", "department", "title", "groups",
    ]

    /// At least three characters, all the same letter (`xxxx`). ASCII on the bytes: a character
    /// there is a byte, a letter A-Z or a-z (and two different bytes end it at once).
    static func isOneRepeatedLetter(_ lower: String) -> Bool {
        let utf8 = lower.utf8
        if let first = utf8.first, utf8.allSatisfy({ $0 < 0x80 }) {
            return IdentifierClassifier.isASCIILetter(first) && utf8.count >= 3 && utf8.allSatisfy { $0 == first }
        }
        guard let first = lower.first, first.isLetter, lower.allSatisfy({ $0 == first }) else { return false }
        return lower.count >= 3
    }

    public func classify(_ value: String) -> Classification? {
        let text = value.trimmed
        if text.isEmpty { return Classification(.empty, 1) }
        let lower = text.lowercased()
        if patterns.placeholders.contains(lower) { return Classification(.placeholder, 0.95) }
        if (lower.hasPrefix("${") || lower.hasPrefix("{{") || lower.hasPrefix("$(") || lower.hasPrefix("#{")) && lower.hasSuffix("}") || lower.hasSuffix(")") && lower.hasPrefix("$(") {
            return Classification(.placeholder, 0.97)
        }
        if lower.hasPrefix("%"), lower.hasSuffix("%"), lower.count >= 3, !lower.dropFirst().dropLast().contains(" ") {
            return Classification(.placeholder, 0.9)
        }
        if lower.hasPrefix("[") && lower.hasSuffix("]") || lower.hasPrefix("<") && lower.hasSuffix(">") {
            let inner = lower.dropFirst().dropLast().replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "_", with: "")
            if Self.expressionFields.contains(inner) || patterns.placeholders.contains(inner) { return Classification(.placeholder, 0.9) }
        }
        // An Okta / Salesforce expression sent as text: `user.email`, `User.FirstName`.
        if lower.hasPrefix("user.") || lower.hasPrefix("appuser.") {
            let rest = lower.split(separator: ".").last.map(String.init) ?? ""
            if Self.expressionFields.contains(rest) { return Classification(.placeholder, 0.9) }
        }
        // Only punctuation or one repeated character (`xxxx`, `....`, `0000`).
        let hasASCIIAlphanumeric = text.utf8.contains { IdentifierClassifier.isDigit($0) || IdentifierClassifier.isASCIILetter($0) }
        if !hasASCIIAlphanumeric, !text.contains(where: { $0.isLetter || $0.isNumber }) { return Classification(.placeholder, 0.9) }
        // (The character count last: it walks the whole value, and most values differ by their second character.)
        if Self.isOneRepeatedLetter(lower) { return Classification(.placeholder, 0.85) }
        return nil
    }
}
