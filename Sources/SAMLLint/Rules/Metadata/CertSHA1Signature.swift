import SAMLXML

/// A metadata certificate signed with SHA-1 (or MD5).
public struct CertSHA1Signature: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "metadata/cert-sha1-signature",
        title: "Certificate Signed With SHA-1",
        category: .metadata,
        severity: .warning,
        rationale: """
            SAML trusts metadata certificates by their key, not their signature, so a self-signed \
            SHA-1 certificate is not itself a break; but SHA-1 (and MD5) signatures are refused by \
            current platforms and security scanners, and they mark an old, unrotated key.
            """,
        message: "the certificate is signed with sha1WithRSAEncryption",
        triggering: [
            Example(ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.sha1, marked: true))),
        ],
        nonTriggering: [
            Example(ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.good))),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        for certificate in message.metadataCertificates {
            guard case let .success(facts) = certificate.facts, facts.usesSHA1OrWorseSignature else { continue }
            findings.report(
                "\(certificate.described) is signed with \(facts.signatureAlgorithmName)",
                at: certificate.keyDescriptor.element, entityID: certificate.entityID,
                evidence: [Evidence(value: facts.signatureAlgorithmName, classifiedAs: "signatureAlgorithm"), Evidence(value: facts.summary, classifiedAs: "certificate")],
                fix: Fix("Reissue the certificate signed with SHA-256 (e.g. openssl req -x509 -sha256) at the next rollover."))
        }
    }
}
