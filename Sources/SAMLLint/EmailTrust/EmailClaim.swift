/// The email a message claims for its user, which email trust judges. Usually the profile's email;
/// but mapping inference leaves the profile's email empty (or falls back to the NameID) when the
/// email attribute's value does not look like an address, and that value is exactly what a careless
/// application reads: `user@evil.com@example.com` in an attribute named `email` is judged, not skipped.
public struct EmailClaim: Sendable, Equatable {
    public var value: String?
    /// The Attribute Name it came from; nil for the NameID or when there is none.
    public var attribute: String?
    public var fromNameID: Bool
    /// The profile did not take this value (the mapping judged it not to be an email).
    public var notInProfile: Bool

    public static let none = EmailClaim(value: nil, attribute: nil, fromNameID: false, notInProfile: false)

    /// Order: the email the profile mapped from an attribute (configured or inferred); with a
    /// configured mapping, nothing else; an attribute the mapping was undecided about; the first
    /// attribute whose Name promises an email (catalog) with a non-empty value; the NameID the profile fell
    /// back to.
    public static func resolve(profile: Profile, assertion: Assertion, context: LintContext) -> EmailClaim {
        let source = profile.sources["email"]
        if let email = profile.email, let source, source.via == "configured" || source.via == "inferred" {
            return EmailClaim(value: bounded(email), attribute: source.attribute, fromNameID: false, notInProfile: false)
        }
        if context.configuration.mapping["email"] != nil { return .none }
        let attributes = assertion.attributes
        func firstValue(_ attribute: Attribute) -> String? {
            for element in attribute.valueElements {
                let value = bounded(element.text).trimmed
                if !value.isEmpty { return value }
            }
            return nil
        }
        if let source, source.via == "undecided", let attribute = attributes.first(where: { $0.name == source.attribute }),
            let value = firstValue(attribute)
        {
            return EmailClaim(value: value, attribute: attribute.name, fromNameID: false, notInProfile: value != profile.email)
        }
        let catalog = AttributeCatalog.shared(context.ruleData)
        for attribute in attributes where catalog.lookup(attribute)?.field == .email {
            if let value = firstValue(attribute) {
                return EmailClaim(value: value, attribute: attribute.name, fromNameID: false, notInProfile: value != profile.email)
            }
        }
        if let email = profile.email {
            return EmailClaim(value: bounded(email), attribute: nil, fromNameID: source?.attribute == InferredMapping.nameIDSource, notInProfile: false)
        }
        return .none
    }

    /// Longest value kept: past it an address is refused as too long anyway, and a hostile value of
    /// megabytes is not scanned again by every rule.
    static let maxKeptBytes = 2048

    /// `text` cut to `maxKeptBytes` UTF-8 bytes (O(1) when it is shorter).
    static func bounded(_ text: String) -> String {
        text.utf8.count <= maxKeptBytes ? text : String(decoding: text.utf8.prefix(maxKeptBytes), as: UTF8.self)
    }
}
