/// What a value looks like to the classifiers.
public enum ValueLabel: String, Sendable, Codable, CaseIterable {
    case empty, placeholder
    case email, upn, guestUPN, scopedID
    case guid, numericID, opaqueID, dn, url
    case phone, boolean, date, groupList
    case initials, givenName, familyName, fullName
    /// One name token whose kind (given or family) the evidence cannot tell.
    case personName
    /// Anything else (free text).
    case text

    /// The case's position in `allCases`: what a label hashes and compares by. A raw-value enum
    /// otherwise hashes its raw String, and inference and the mapping rules key tables by label for
    /// every value. (A case-only enum is one byte holding its position; a test holds the two equal.)
    var ordinal: Int { Int(unsafeBitCast(self, to: UInt8.self)) }
    public static func == (lhs: ValueLabel, rhs: ValueLabel) -> Bool { lhs.ordinal == rhs.ordinal }
    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }

    /// Values that identify a person or object rather than name them.
    public var isIdentifier: Bool { [.guid, .numericID, .opaqueID].contains(self) }
    /// Addresses with an `@`.
    public var isAddressLike: Bool { [.email, .upn, .guestUPN, .scopedID].contains(self) }
    /// Human names of any kind.
    public var isName: Bool { [.givenName, .familyName, .fullName, .personName, .initials].contains(self) }

    /// Words for messages: "emails", "GUIDs", ...
    public var plural: String {
        switch self {
        case .empty: return "empty values"
        case .placeholder: return "placeholders"
        case .email: return "emails"
        case .upn: return "UPNs (directory logins)"
        case .guestUPN: return "Entra guest UPNs"
        case .scopedID: return "scoped identifiers"
        case .guid: return "GUIDs"
        case .numericID: return "numeric ids"
        case .opaqueID: return "opaque ids"
        case .dn: return "LDAP DNs"
        case .url: return "URLs"
        case .phone: return "phone numbers"
        case .boolean: return "booleans"
        case .date: return "dates"
        case .groupList: return "group lists"
        case .initials: return "initials"
        case .givenName: return "given names"
        case .familyName: return "family names"
        case .fullName: return "full names"
        case .personName: return "names"
        case .text: return "free text"
        }
    }
}

/// A label with how sure the classifier is (0...1).
public struct Classification: Sendable, Equatable, CustomStringConvertible {
    public var label: ValueLabel
    public var confidence: Double
    public init(_ label: ValueLabel, _ confidence: Double) {
        self.label = label
        self.confidence = confidence
    }
    public var description: String { "\(label.rawValue) (\(Int((confidence * 100).rounded()))%)" }
}
