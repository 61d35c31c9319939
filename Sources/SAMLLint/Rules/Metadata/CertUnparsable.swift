import SAMLXML

/// A `ds:X509Certificate` that is not a decodable DER certificate.
public struct CertUnparsable: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "metadata/cert-unparsable",
        title: "Certificate Cannot Be Decoded",
        category: .metadata,
        severity: .error,
        rationale: """
            A certificate that is not valid base64 DER (a truncated paste, a PEM header left inside, \
            a placeholder) cannot be loaded by the peer; an IdP whose only signing certificate is \
            broken cannot be trusted at all.
            """,
        message: "the certificate cannot be decoded: REASON",
        triggering: [
            Example(ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor("MIIC", marked: true))),
            Example(ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor("-----BEGIN CERTIFICATE-----" + ExampleCertificates.good, marked: true))),
        ],
        nonTriggering: [
            Example(ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.good))),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        for certificate in message.metadataCertificates {
            guard case let .failure(error) = certificate.facts else { continue }
            let shown = certificate.base64.count > 40 ? String(certificate.base64.prefix(40)) + "…" : certificate.base64
            findings.report(
                "\(certificate.described) cannot be decoded: \(error.reason)",
                at: certificate.keyDescriptor.element, entityID: certificate.entityID,
                evidence: [Evidence(value: shown, classifiedAs: "X509Certificate")],
                fix: Fix("Paste the certificate's base64 body only (no PEM header/footer), exported again from the IdP."))
        }
    }
}
