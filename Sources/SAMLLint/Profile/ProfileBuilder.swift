/// Builds the normalized profile of one assertion.
///
/// Per field: the configured mapping (`mapping:` in .samllint.yml, first attribute present wins)
/// when the field is configured; otherwise the mapping inferred from this message's names and values
/// (`MappingInference`); a field whose best candidates are too close stays empty (`via: undecided`).
/// The NameID counts where its Format allows: persistent -> id, emailAddress -> email; transient never
/// an id.
public struct ProfileBuilder: Sendable {
    public let context: LintContext
    /// Built once: its tables come from the rule data and the configuration.
    let inference: MappingInference

    public init(context: LintContext) {
        self.context = context
        self.inference = MappingInference(context: context)
    }

    /// Inference reads the assertion's `AssertionAnalysis` (made here or by the mapping rules, once
    /// per message), whose values are classified already.
    public func profile(for assertion: Assertion) -> Profile {
        let sample = InferenceSample(assertion)
        let analysis = AssertionAnalysis.of(assertion, context: context)
        return profile(for: sample, inferred: inference.infer(sample, analysis: analysis, withEvidence: false))
    }

    /// The profile of one sample under a mapping inferred elsewhere (a connection's), or inferred
    /// from the sample alone when `inferred` is nil.
    public func profile(for sample: InferenceSample, inferred given: InferredMapping?) -> Profile {
        var raw: [String: [String]] = [:]
        for attribute in sample.attributes { raw[attribute.name, default: []] += attribute.values }
        var profile = Profile(rawAttributes: raw)
        let inferred = given ?? inference.infer([sample], withEvidence: false)

        func source(_ field: String) -> (name: String, source: FieldSource)? {
            if let names = context.configuration.mapping[field] {
                for name in names {
                    if let attribute = sample.attributes.first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }) {
                        return (attribute.name, FieldSource(attribute: attribute.name, via: "configured", confidence: 1))
                    }
                }
                return nil
            }
            guard let decision = inferred.decision(for: field), let attribute = decision.attribute else { return nil }
            if !decision.isDecided {
                profile.sources[field] = FieldSource(attribute: attribute, via: "undecided", confidence: decision.confidence)
                return nil
            }
            let via = attribute == InferredMapping.nameIDSource ? "nameid" : "inferred"
            return (attribute, FieldSource(attribute: attribute, via: via, confidence: decision.confidence))
        }

        func single(_ field: String) -> String? {
            guard let (name, fieldSource) = source(field), let value = sample.value(of: name) else { return nil }
            profile.sources[field] = fieldSource
            return value
        }

        profile.idpID = single("id")
        profile.email = single("email")
        profile.firstName = single("firstName")
        profile.lastName = single("lastName")
        profile.name = single("displayName")
        if let (name, fieldSource) = source("groups") {
            let values = sample.values(of: name)
            if !values.isEmpty {
                profile.groups = values
                profile.sources["groups"] = fieldSource
            }
        }

        // The NameID fills what is still empty, where its Format allows.
        if let value = sample.nameID, !value.isEmpty {
            switch sample.nameIDFormat {
            case .persistent?:
                if profile.idpID == nil, context.configuration.mapping["id"] == nil {
                    profile.idpID = value
                    profile.sources["id"] = FieldSource(attribute: InferredMapping.nameIDSource, via: "nameid", confidence: 0.9)
                }
            case .emailAddress?:
                if profile.email == nil, context.configuration.mapping["email"] == nil {
                    profile.email = value
                    profile.sources["email"] = FieldSource(attribute: InferredMapping.nameIDSource, via: "nameid", confidence: 0.8)
                }
            default:
                break
            }
        }
        return profile
    }
}
