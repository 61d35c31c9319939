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
}
