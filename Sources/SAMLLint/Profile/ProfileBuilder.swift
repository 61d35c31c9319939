/// Builds the normalized profile of one assertion.
///
/// Order of precedence per field: the configured mapping (`mapping:` in .samllint.yml, first
/// attribute present wins), then the attribute catalog (`rules/catalog/attributes.yml`), then the NameID where
/// its Format allows (persistent -> id, emailAddress -> email; transient never an id).
public struct ProfileBuilder: Sendable {
    public let context: LintContext

    public init(context: LintContext) { self.context = context }

    public func profile(for assertion: Assertion) -> Profile {
        let attributes = assertion.attributes
        var raw: [String: [String]] = [:]
        for attribute in attributes { raw[attribute.name, default: []] += attribute.values }
        var profile = Profile(rawAttributes: raw)
        let catalog = AttributeCatalog.shared(context.ruleData)
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
            // Nothing configured: the attribute the catalog (rules/catalog/attributes.yml) says
            // carries the field, by Name then FriendlyName, most usual alias first.
            guard let wanted = ProfileField(rawValue: field) else { return nil }
            var best: (Attribute, Int)?
            for attribute in attributes {
                guard let match = catalog.lookup(attribute), match.field == wanted else { continue }
                if best == nil || match.rank < best!.1 { best = (attribute, match.rank) }
            }
            if let (attribute, _) = best {
                return (attribute, FieldSource(attribute: attribute.name, via: "inferred", confidence: 0.8))
            }
            // A login (uid, eduPersonPrincipalName) is the id when nothing else is.
            if wanted == .id, let (attribute, source) = pick(ProfileField.username.rawValue) {
                return (attribute, FieldSource(attribute: attribute.name, via: source.via, confidence: 0.6))
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
