import SAMLXML

/// Policy questions several rules ask of one signature.
enum SignaturePolicyFacts {
    /// Transform and canonicalization URIs of the signature that the policy does not accept.
    static func disallowedTransforms(_ facts: SignatureFacts, _ policy: AlgorithmPolicy) -> [String] {
        var result: [String] = []
        if let c14n = facts.canonicalizationMethod, !policy.acceptedTransforms.contains(c14n) { result.append(c14n) }
        for reference in facts.references {
            for transform in reference.transforms where !policy.acceptedTransforms.contains(transform) {
                result.append(transform)
            }
        }
        return result
    }

    /// Why a signature cannot verify, read from its structure alone (used when there is no key to run
    /// xmlsec with): no reference, a reference that is not same-document or does not resolve, an
    /// enveloped signature without the enveloped-signature transform.
    static func structuralProblems(_ facts: SignatureFacts, ids: SAMLIDs) -> [String] {
        if facts.references.isEmpty { return ["the signature has no Reference: it covers nothing"] }
        var problems: [String] = []
        for reference in facts.references {
            let uri = reference.uri ?? "(none)"
            if !reference.isSameDocument {
                problems.append("the Reference URI '\(uri)' is not a same-document reference")
            } else if reference.target == nil {
                let id = uri.hasPrefix("#") ? String(uri.dropFirst()) : uri
                if (ids.elementsByID[id]?.count ?? 0) == 0 { problems.append("the Reference URI '\(uri)' designates no element") }
            } else if let target = reference.target, facts.element.isDescendant(ofOrSameAs: target),
                !reference.transforms.contains("http://www.w3.org/2000/09/xmldsig#enveloped-signature")
            {
                problems.append("the signature lies inside the element it signs but has no enveloped-signature transform, so it cannot verify")
            }
        }
        return problems
    }
}
