import Foundation
import SAMLXML

/// A metadata certificate whose notAfter has passed.
public struct CertExpired: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "metadata/cert-expired",
        title: "Certificate Expired",
        category: .metadata,
        severity: .error,
        rationale: """
            Many SPs (and every strict SAML library) refuse signatures made with a certificate past its \
            notAfter, so logins stop the day the IdP certificate expires. An expired encryption \
            certificate makes the peer refuse to encrypt. Under `--now auto` metadata has no message \
            time, so this check is skipped (one note says so).
            """,
        message: "the certificate expired on DATE",
        triggering: [
            Example(ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.expired, marked: true))),
        ],
        nonTriggering: [
            Example(ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.good))),
            Example(ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.expired)), now: "2000-06-01T00:00:00Z"),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        guard let now = context.now else { return }
        for certificate in message.metadataCertificates {
            guard case let .success(facts) = certificate.facts, facts.notAfter < now else { continue }
            findings.report(
                "\(certificate.described) expired on \(X509Names.day(facts.notAfter))",
                at: certificate.keyDescriptor.element, entityID: certificate.entityID,
                evidence: [Evidence(value: ISO8601.format(facts.notAfter), classifiedAs: "notAfter"), Evidence(value: facts.summary, classifiedAs: "certificate")],
                fix: Fix("Issue a new key pair and certificate, publish it in the metadata beside the old one, then remove the expired one."))
        }
    }
}
