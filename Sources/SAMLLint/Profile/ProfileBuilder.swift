/// Builds the normalized profile of one assertion.
///
/// Order of precedence per field: the configured mapping (`mapping:` in .samllint.yml, first
/// attribute present wins), then the names a connection most commonly uses, then the NameID where
/// its Format allows (persistent -> id, emailAddress -> email; transient never an id).
public struct ProfileBuilder: Sendable {
    public let context: LintContext

    public init(context: LintContext) { self.context = context }

    /// Common attribute names per field, used when nothing is configured. Matched case-insensitively.
    static let commonNames: [String: [String]] = [
        "id": ["id", "uid", "userid", "user_id", "objectid", "http://schemas.microsoft.com/identity/claims/objectidentifier"],
        "email": ["email", "mail", "emailaddress", "user.email", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", "urn:oid:0.9.2342.19200300.100.1.3"],
        "firstName": ["firstname", "givenname", "first_name", "user.firstname", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname", "urn:oid:2.5.4.42"],
        "lastName": ["lastname", "surname", "sn", "last_name", "user.lastname", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname", "urn:oid:2.5.4.4"],
        "displayName": ["displayname", "name", "cn", "http://schemas.microsoft.com/identity/claims/displayname", "urn:oid:2.16.840.1.113730.3.1.241"],
        "groups": ["groups", "group", "memberof", "ismemberof", "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups", "urn:oid:1.3.6.1.4.1.5923.1.5.1.1"],
    ]

    public func profile(for assertion: Assertion) -> Profile {
        let attributes = assertion.attributes
        var raw: [String: [String]] = [:]
        for attribute in attributes { raw[attribute.name, default: []] += attribute.values }
        var profile = Profile(rawAttributes: raw)
        let lowered = Dictionary(attributes.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })

        func pick(_ field: String) -> (Attribute, FieldSource)? {
            if let configured = context.configuration.mapping[field] {
                for name in configured {
                    if let attribute = lowered[name.lowercased()] {
                        return (attribute, FieldSource(attribute: attribute.name, via: "configured", confidence: 1))
                    }
                }
                return nil
            }
            for name in Self.commonNames[field] ?? [] {
                if let attribute = lowered[name] {
                    return (attribute, FieldSource(attribute: attribute.name, via: "inferred", confidence: 0.8))
                }
            }
            return nil
        }

        func single(_ field: String) -> String? {
            guard let (attribute, source) = pick(field), let value = attribute.values.first else { return nil }
            profile.sources[field] = source
            return value.trimmed
        }

        profile.idpID = single("id")
        profile.email = single("email")
        profile.firstName = single("firstName")
        profile.lastName = single("lastName")
        profile.name = single("displayName")
        if let (attribute, source) = pick("groups") {
            profile.groups = attribute.values.map(\.trimmed)
            profile.sources["groups"] = source
        }

        if let nameID = assertion.nameID {
            let value = nameID.value.trimmed
            switch nameID.knownFormat {
            case .persistent?, .unspecified?, nil:
                if profile.idpID == nil, !value.isEmpty, nameID.knownFormat != nil || nameID.format == nil {
                    profile.idpID = value
                    profile.sources["id"] = FieldSource(attribute: "NameID", via: "nameid", confidence: nameID.knownFormat == .persistent ? 0.9 : 0.6)
                }
            case .emailAddress?:
                if profile.email == nil, !value.isEmpty {
                    profile.email = value
                    profile.sources["email"] = FieldSource(attribute: "NameID", via: "nameid", confidence: 0.9)
                }
                if profile.idpID == nil, !value.isEmpty {
                    profile.idpID = value
                    profile.sources["id"] = FieldSource(attribute: "NameID", via: "nameid", confidence: 0.5)
                }
            default:
                break
            }
        }
        return profile
    }
}
