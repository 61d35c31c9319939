import Foundation
import Yams

/// The normalized profile fields an attribute Name can promise (`rules/catalog/attributes.yml`).
public enum ProfileField: String, Sendable, CaseIterable, Codable {
    case id, email, firstName, lastName, displayName, groups, username, upn, department, title, phone

    /// The fields that hold a person's name.
    public var isName: Bool { self == .firstName || self == .lastName || self == .displayName }

    /// The case's position in `allCases`, hashed and compared instead of the raw String (see
    /// `ValueLabel.ordinal`).
    var ordinal: Int { Int(unsafeBitCast(self, to: UInt8.self)) }
    public static func == (lhs: ProfileField, rhs: ProfileField) -> Bool { lhs.ordinal == rhs.ordinal }
    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }
}

/// What the catalog knows about one attribute Name.
public struct CatalogMatch: Sendable, Equatable {
    public let field: ProfileField
    /// The alias as written in the catalog.
    public let alias: String
    /// Position of the alias in its field's list (lower = more usual).
    public let rank: Int
    /// The Name matched only with another capitalisation, and the alias is a URI or OID.
    public let caseVariant: Bool
    /// The match came from the FriendlyName, not the Name.
    public let viaFriendlyName: Bool
    /// The match came from the words of the Name (`fuzzy:` in the catalog), not an alias.
    public var fuzzy: Bool = false
}

/// Maps attribute Names and FriendlyNames to the field they promise. Case-insensitive, with the
/// quirks of real IdPs (OIDs with colons, bare OIDs, trailing slashes).
public final class AttributeCatalog: Sendable {
    struct Entry: Sendable {
        let field: ProfileField
        let alias: String
        let rank: Int
    }

    private let byKey: [String: [Entry]]
    private let exact: Set<String>
    private let singleValued: Set<ProfileField>
    private let fuzzyWords: [String: ProfileField]
    private let fuzzyPrefixes: [String]
    /// Every alias per field, in catalog order.
    public let aliases: [ProfileField: [String]]
    private let memo = LookupMemo<CatalogLookup>()

    struct CatalogLookup: Sendable { let match: CatalogMatch? }

    public init(yaml text: String) {
        var byKey: [String: [Entry]] = [:]
        var exact = Set<String>()
        var single = Set<ProfileField>()
        var aliases: [ProfileField: [String]] = [:]
        var words: [String: ProfileField] = [:]
        var prefixes: [String] = []
        let root = (try? RuleData.compose(text)) ?? nil
        if let fuzzy = root?.mapping?["fuzzy"]?.mapping {
            prefixes = (fuzzy["prefixes"]?.sequence ?? []).compactMap(\.string).sorted { $0.count > $1.count }
            for (key, list) in fuzzy["words"]?.mapping ?? [:] {
                guard let field = key.string.flatMap(ProfileField.init(rawValue:)) else { continue }
                for word in list.sequence ?? [] { if let w = word.string { words[w] = field } }
            }
        }
        if let node = root, let fields = node.mapping?["fields"]?.mapping {
            for (key, value) in fields {
                guard let name = key.string, let field = ProfileField(rawValue: name) else { continue }
                if RuleData.flag(value.mapping?["single"]) ?? false { single.insert(field) }
                let list = value.mapping?["aliases"]?.sequence ?? []
                for (rank, item) in list.enumerated() {
                    guard let alias = item.string else { continue }
                    aliases[field, default: []].append(alias)
                    exact.insert(alias)
                    byKey[Self.key(alias), default: []].append(Entry(field: field, alias: alias, rank: rank))
                }
            }
        }
        self.byKey = byKey
        self.exact = exact
        self.singleValued = single
        self.fuzzyWords = words
        self.fuzzyPrefixes = prefixes
        self.aliases = aliases
    }

    /// The built-in catalog (or the `--rules` overlay), built once per RuleData.
    public static func shared(_ data: RuleData) -> AttributeCatalog {
        data.cached("catalog:attributes") { AttributeCatalog(yaml: $0.text("catalog/attributes.yml") ?? "") }
    }

    /// The lookup key of a Name: trimmed, lowercased, OID quirks undone, trailing slash dropped.
    public static func key(_ name: String) -> String {
        var text = name.trimmed.lowercased()
        while text.hasSuffix("/") { text.removeLast() }
        if text.hasPrefix("oid:") { text = "urn:" + text }  // `oid:2.5.4.4`, seen in hand-written configurations
        if text.hasPrefix("urn:oid:") {
            let arcs = text.dropFirst("urn:oid:".count)
            if arcs.allSatisfy({ $0.isNumber || $0 == ":" || $0 == "." }) {
                text = "urn:oid:" + arcs.replacingOccurrences(of: ":", with: ".")
            }
        } else if text.first?.isNumber == true, text.contains("."),
            text.allSatisfy({ $0.isNumber || $0 == "." }), text.split(separator: ".").count >= 3
        {
            text = "urn:oid:" + text
        }
        return text
    }

    /// What a Name promises, if the catalog knows it. Names repeat across every message of a
    /// connection, so answers are memoised (bounded).
    public func lookup(_ name: String) -> CatalogMatch? {
        memo.value(for: name) { .init(match: lookupUncached(name)) }.match
    }

    func lookupUncached(_ name: String) -> CatalogMatch? {
        guard let entry = byKey[Self.key(name)]?.first else { return fuzzyLookup(name) }
        let looksStructured = entry.alias.contains(":") || entry.alias.contains("/")
        let trimmed = name.trimmed
        let caseVariant = looksStructured && !exact.contains(trimmed)
            && trimmed.lowercased() == entry.alias.lowercased()
        return CatalogMatch(field: entry.field, alias: entry.alias, rank: entry.rank, caseVariant: caseVariant, viaFriendlyName: false)
    }

    /// What an attribute promises: by its Name, else by its FriendlyName (aliases before words).
    public func lookup(name: String, friendlyName: String?) -> CatalogMatch? {
        let byName = lookup(name)
        if let byName, !byName.fuzzy { return byName }
        if let friendlyName, let match = lookup(friendlyName), !match.fuzzy || byName == nil {
            return CatalogMatch(field: match.field, alias: match.alias, rank: match.rank + 1000, caseVariant: false, viaFriendlyName: true, fuzzy: match.fuzzy)
        }
        return byName
    }

    /// The field the last word of a Name suggests (`urn:acme:Given-Name` -> firstName).
    public func fuzzyLookup(_ name: String) -> CatalogMatch? {
        let lower = name.trimmed.lowercased()
        guard lower.count <= 256 else { return nil }
        let segment = lower.split(whereSeparator: { "/:#.".contains($0) }).last.map(String.init) ?? lower
        var word = segment.filter { $0.isLetter || $0.isNumber }
        if let field = fuzzyWords[word] { return CatalogMatch(field: field, alias: word, rank: 2000, caseVariant: false, viaFriendlyName: false, fuzzy: true) }
        for prefix in fuzzyPrefixes where word.hasPrefix(prefix) && word.count > prefix.count + 1 {
            word.removeFirst(prefix.count)
            if let field = fuzzyWords[word] { return CatalogMatch(field: field, alias: word, rank: 2000, caseVariant: false, viaFriendlyName: false, fuzzy: true) }
            break
        }
        return nil
    }

    public func lookup(_ attribute: Attribute) -> CatalogMatch? {
        lookup(name: attribute.name, friendlyName: attribute.friendlyName)
    }

    public func isSingleValued(_ field: ProfileField) -> Bool { singleValued.contains(field) }

    /// The catalog's most usual alias for a field written in the same style as `name`
    /// (claim URI, urn:oid, MACE, dotted, short).
    public func suggestedAlias(for field: ProfileField, like name: String) -> String? {
        let list = aliases[field] ?? []
        let lower = name.lowercased()
        let style: (String) -> Bool
        if lower.hasPrefix("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/") || lower.hasPrefix("http://schemas.microsoft.com/") {
            style = { $0.hasPrefix("http://schemas.") }
        } else if lower.hasPrefix("urn:oid:") {
            style = { $0.hasPrefix("urn:oid:") }
        } else if lower.hasPrefix("urn:mace:") {
            style = { $0.hasPrefix("urn:mace:") }
        } else if lower.hasPrefix("user.") {
            style = { $0.lowercased().hasPrefix("user.") }
        } else {
            style = { !$0.contains(":") && !$0.contains(".") }
        }
        return list.first(where: style) ?? list.first
    }
}
