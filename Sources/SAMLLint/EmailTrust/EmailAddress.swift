import Foundation

/// A mailbox address that passed `EmailAddressParser`: one unquoted `@`, a dot-atom local part
/// and a domain normalised to its ASCII form.
public struct EmailAddress: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The text as received, without surrounding whitespace.
    public let original: String
    /// The local part in Unicode NFC (case kept: only the receiving domain may fold it).
    public let localPart: String
    public let domain: DomainName

    /// The `tag` of `user+tag@...`, when the local part uses plus-addressing.
    public var plusTag: String? {
        guard let plus = localPart.firstIndex(of: "+"), plus != localPart.startIndex else { return nil }
        return String(localPart[localPart.index(after: plus)...])
    }

    /// The domain as the address spelled it (case kept, NFC), for look-alike checks.
    public var writtenDomain: String {
        var text = String(original[original.index(after: original.lastIndex(of: "@") ?? original.startIndex)...])
        if text.hasSuffix(".") { text.removeLast() }
        return text.precomposedStringWithCanonicalMapping
    }

    /// `local@ascii-domain`, the form reports show.
    public var normalized: String { localPart + "@" + domain.ascii }

    /// What two addresses are compared by: the local part lowercased (every real provider folds
    /// case) and the ASCII domain.
    public var comparisonKey: String { localPart.lowercased() + "@" + domain.ascii }

    public var description: String { normalized }
}

/// Why a text is not a usable address. `isParserConfusion` marks the forms that different
/// parsers read differently (two `@`, quoted local parts, `%` and `!` routing, comments, source
/// routes, display names, invisible characters): they are never trusted, whatever their domain.
public struct EmailAddressProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        // Parser confusion.
        case multipleAt = "multiple-at"
        case quotedLocalPartWithAt = "quoted-local-part-with-at"
        case quotedLocalPart = "quoted-local-part"
        case percentRouting = "percent-routing"
        case bangPath = "bang-path"
        case comment
        case sourceRoute = "source-route"
        case displayName = "display-name"
        case lookalikeAt = "lookalike-at-sign"
        case invisibleCharacter = "invisible-character"
        case backslash
        case addressList = "address-list"
        case colon
        // Plain syntax.
        case noAt = "no-at"
        case emptyLocalPart = "empty-local-part"
        case localPartTooLong = "local-part-too-long"
        case tooLong = "too-long"
        case whitespace
        case badLocalCharacter = "bad-local-character"
        case badDots = "bad-dots"
        case addressLiteral = "address-literal"
        case badDomain = "bad-domain"
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var isParserConfusion: Bool {
        switch kind {
        case .multipleAt, .quotedLocalPartWithAt, .quotedLocalPart, .percentRouting, .bangPath, .comment,
            .sourceRoute, .displayName, .lookalikeAt, .invisibleCharacter, .backslash, .addressList, .colon:
            return true
        case .noAt, .emptyLocalPart, .localPartTooLong, .tooLong, .whitespace, .badLocalCharacter, .badDots,
            .addressLiteral, .badDomain:
            return false
        }
    }

    public var description: String { message }
}
