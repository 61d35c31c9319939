/// The normalized profile an SSO service builds from one assertion through the connection's
/// attribute mapping: the fields an application reads, where each came from, and every raw
/// attribute. JSON keys follow the vendors' snake_case profile (`idp_id`, `first_name`, ...).
public struct Profile: Codable, Sendable, Equatable {
    public var idpID: String?
    public var email: String?
    public var firstName: String?
    public var lastName: String?
    /// Display / full name.
    public var name: String?
    public var groups: [String]
    /// Every attribute by Name, all values, in document order of values.
    public var rawAttributes: [String: [String]]
    /// For each filled field, the attribute (or NameID) it came from and how sure the mapping is.
    public var sources: [String: FieldSource]
    /// Whether the email can be trusted under the organization's domain policy (filled by email trust).
    public var emailTrust: EmailTrustSummary?

    public init(
        idpID: String? = nil, email: String? = nil, firstName: String? = nil, lastName: String? = nil,
        name: String? = nil, groups: [String] = [], rawAttributes: [String: [String]] = [:],
        sources: [String: FieldSource] = [:], emailTrust: EmailTrustSummary? = nil
    ) {
        self.idpID = idpID
        self.email = email
        self.firstName = firstName
        self.lastName = lastName
        self.name = name
        self.groups = groups
        self.rawAttributes = rawAttributes
        self.sources = sources
        self.emailTrust = emailTrust
    }

    enum CodingKeys: String, CodingKey {
        case idpID = "idp_id"
        case email
        case firstName = "first_name"
        case lastName = "last_name"
        case name, groups
        case rawAttributes = "raw_attributes"
        case sources
        case emailTrust
    }

    /// The profile fields, by their normalized names (as in the catalog and `.samllint.yml`).
    public static let fields = ["id", "email", "firstName", "lastName", "displayName", "groups"]
}

/// Where a profile field's value came from.
public struct FieldSource: Codable, Sendable, Equatable {
    /// The attribute Name, or `NameID`.
    public var attribute: String
    /// `configured` (from .samllint.yml), `inferred` (from names and values), `nameid`.
    public var via: String
    /// 0...1.
    public var confidence: Double

    public init(attribute: String, via: String, confidence: Double) {
        self.attribute = attribute
        self.via = via
        self.confidence = confidence
    }
}

/// The email-trust verdict of one profile, as the JSON report carries it.
public struct EmailTrustSummary: Codable, Sendable, Equatable {
    /// `verified`, `outside-organization`, `unverifiable`, `missing`, `invalid`, `not-checked`.
    public var verdict: String
    /// The normalized (ASCII, lowercased) domain compared.
    public var domain: String?
    /// Why, in words.
    public var reasons: [String]

    public init(verdict: String, domain: String? = nil, reasons: [String] = []) {
        self.verdict = verdict
        self.domain = domain
        self.reasons = reasons
    }
}
