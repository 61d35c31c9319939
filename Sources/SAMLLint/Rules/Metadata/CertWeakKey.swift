import SAMLXML

/// A metadata certificate with an RSA key under the minimum size, or a weak elliptic curve.
public struct CertWeakKey: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "metadata/cert-weak-key",
        title: "Weak Certificate Key",
        category: .metadata,
        severity: .error,
        rationale: """
            RSA keys under 2048 bits (`metadata.minRSABits`) and curves under 128-bit security \
            (rules/metadata/weak-curves.txt) can be broken or are refused by current libraries; a \
            signing key that can be factored lets anyone forge assertions for every user.
            """,
        message: "the certificate's key is RSA N bits (or a weak curve)",
        triggering: [
            Example(ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.weakRSA, marked: true))),
            Example(ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.weakCurve, marked: true))),
        ],
        nonTriggering: [
            Example(ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.good))),
            Example(ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.ecP256))),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        let minBits = Int(context.ruleData.threshold("metadata.minRSABits", default: 2048))
        let weakCurves = context.ruleData.lineList("metadata/weak-curves.txt")
        for certificate in message.metadataCertificates {
            guard case let .success(facts) = certificate.facts else { continue }
            var problem: String?
            if let bits = facts.rsaModulusBits, bits < minBits {
                problem = "an RSA key of \(bits) bits (at least \(minBits) expected)"
            } else if let curve = facts.ecCurveOID,
                weakCurves.contains(curve) || weakCurves.contains(X509Names.name(ofOID: curve).lowercased())
            {
                problem = "a key on the weak curve \(X509Names.name(ofOID: curve))"
            }
            guard let problem else { continue }
            findings.report(
                "\(certificate.described) has \(problem)",
                at: certificate.keyDescriptor.element, entityID: certificate.entityID,
                evidence: [Evidence(value: facts.summary, classifiedAs: "certificate")],
                fix: Fix("Generate a new key (RSA 3072 or P-256) and certificate and roll it over in the metadata."))
        }
    }
}
