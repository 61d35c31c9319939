import Foundation

/// Parses the email a profile carries into an `EmailAddress`, refusing every form that parsers
/// disagree on. Only the common, unambiguous shape `dot-atom@domain` is accepted:
///
/// - `user@evil.com@example.com` (which `@` is the real one?), `"user@evil.com"@example.com`
///   (quoted local parts), `user%example.com@evil.com` and `host!user@...` (routing),
///   `user(comment)@example.com`, `@a,@b:user@c` (source routes), `Name <user@example.com>`,
///   full-width `＠`, control and invisible characters: parser confusion.
/// - No `@`, empty or over-long parts, whitespace inside, dots at the edges of the local part,
///   `[192.0.2.1]` literals, a domain that is not a valid (internationalized) host name: invalid.
///
/// Surrounding whitespace, the case of the domain, one trailing dot and Unicode normalisation
/// (NFC, UTS #46 mapping) are normalised, not refused.
public enum EmailAddressParser {
    /// Longest text considered at all (RFC 5321 allows 254 octets in a path).
    static let maxLength = 254

    /// ASCII characters RFC 5322 allows in an atom, besides letters and digits. `%` and `!` are
    /// checked (and refused) before this set is used.
    static let atomSymbols: Set<Character> = ["!", "#", "$", "%", "&", "'", "*", "+", "-", "/", "=", "?", "^", "_", "`", "{", "|", "}", "~"]

    public static func parse(_ text: String) -> Result<EmailAddress, EmailAddressProblem> {
        let trimmed = text.trimmed
        guard trimmed.utf8.count <= maxLength * 4 else {
            return .failure(.init(.tooLong, "the address is longer than \(maxLength) characters"))
        }
        if let problem = confusion(in: trimmed) { return .failure(problem) }
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            if parts.count < 2 { return .failure(.init(.noAt, "the value has no '@': it is not an email address")) }
            return .failure(.init(.multipleAt, "the address has \(parts.count - 1) unquoted '@' signs: parsers disagree on which domain is the real one"))
        }
        let local = String(parts[0]).precomposedStringWithCanonicalMapping
        let domainText = String(parts[1])
        if local.contains("%") {
            return .failure(.init(.percentRouting, "the local part contains '%' (percent-hack routing: 'user%other.com@relay' is delivered to other.com)"))
        }
        if local.contains("!") {
            return .failure(.init(.bangPath, "the local part contains '!' (a UUCP bang path routes the mail elsewhere)"))
        }
        if domainText.contains("%") {
            return .failure(.init(.percentRouting, "the domain contains '%' (percent-encoded characters hide what the domain is)"))
        }
        if trimmed.contains(where: \.isWhitespace) {
            return .failure(.init(.whitespace, "the address contains whitespace"))
        }
        if let problem = checkLocalPart(local) { return .failure(problem) }
        guard !domainText.isEmpty else { return .failure(.init(.badDomain, "the address has no domain after '@'")) }
        if domainText.hasPrefix("[") || domainText.hasSuffix("]") {
            return .failure(.init(.addressLiteral, "the domain is an address literal (\(domainText)), not a domain name"))
        }
        let domain: DomainName
        switch DomainName.normalize(domainText) {
        case let .success(value): domain = value
        case let .failure(problem):
            if problem.isConfusion { return .failure(.init(.invisibleCharacter, problem.description)) }
            return .failure(.init(.badDomain, problem.description))
        }
        guard local.utf8.count + 1 + domain.ascii.utf8.count <= maxLength else {
            return .failure(.init(.tooLong, "the address is longer than \(maxLength) characters"))
        }
        return .success(EmailAddress(original: trimmed, localPart: local, domain: domain))
    }

    /// The parser-confusion forms that can be seen before splitting at `@`.
    static func confusion(in text: String) -> EmailAddressProblem? {
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if properties.generalCategory == .control {
                return .init(.invisibleCharacter, "the address contains the control character \(DomainNameProblem.name(scalar))")
            }
            if properties.isDefaultIgnorableCodePoint || properties.generalCategory == .format {
                return .init(.invisibleCharacter, "the address contains the invisible character \(DomainNameProblem.name(scalar))")
            }
            if scalar == "\u{FF20}" || scalar == "\u{FE6B}" {
                return .init(.lookalikeAt, "the address contains \(DomainNameProblem.name(scalar)), a look-alike of '@'")
            }
        }
        if text.contains("<") || text.contains(">") {
            return .init(.displayName, "the value is a display-name form ('Name <user@domain>'), not a bare address: parsers extract different addresses from it")
        }
        if text.hasPrefix("@"), text.contains(":") {
            return .init(.sourceRoute, "the address starts with a source route ('@relay,@relay:user@domain'): the mail is routed through other hosts")
        }
        if text.contains("(") || text.contains(")") {
            return .init(.comment, "the address contains a comment '( )': parsers disagree on whether it is part of the address")
        }
        if let quote = text.firstIndex(of: "\"") {
            let rest = text[text.index(after: quote)...]
            let inside = rest.firstIndex(of: "\"").map { rest[..<$0] } ?? rest
            if inside.contains("@") {
                return .init(.quotedLocalPartWithAt, "the address has a quoted local part containing '@' (\(text.prefix(80))): a naive split reads a different domain")
            }
            return .init(.quotedLocalPart, "the address has a quoted local part: parsers disagree on quoting, and SSO services refuse it")
        }
        if text.contains("\\") {
            return .init(.backslash, "the address contains a backslash escape: parsers disagree on what it escapes")
        }
        if text.contains(",") || text.contains(";") {
            return .init(.addressList, "the value contains ',' or ';': it reads as a list of addresses")
        }
        if text.contains(":"), !text.contains("@[") {
            return .init(.colon, "the value contains ':' (a 'mailto:' URI, a group or a route), not a bare address")
        }
        return nil
    }

    static func checkLocalPart(_ local: String) -> EmailAddressProblem? {
        guard !local.isEmpty else { return .init(.emptyLocalPart, "the address has nothing before '@'") }
        guard local.utf8.count <= 64 else {
            return .init(.localPartTooLong, "the local part is longer than 64 octets")
        }
        if local.hasPrefix(".") || local.hasSuffix(".") || local.contains("..") {
            return .init(.badDots, "the local part starts or ends with a dot, or has two dots in a row")
        }
        for character in local {
            if character == "." || atomSymbols.contains(character) { continue }
            if character.isASCII {
                if character.isLetter || character.isNumber { continue }
                return .init(.badLocalCharacter, "the local part contains '\(character)', which an unquoted address may not hold")
            }
            // Internationalized local parts (RFC 6531): letters, marks and digits only.
            let allowed = character.unicodeScalars.allSatisfy { scalar in
                switch scalar.properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                    .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber:
                    return true
                default:
                    return false
                }
            }
            if !allowed {
                let scalar = character.unicodeScalars.first!
                return .init(.badLocalCharacter, "the local part contains \(DomainNameProblem.name(scalar)), which an address may not hold")
            }
        }
        return nil
    }
}
