import Foundation
import SAMLXML

/// A metadata certificate whose notBefore is still in the future.
public struct CertNotYetValid: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "metadata/cert-not-yet-valid",
        title: "Certificate Not Yet Valid",
        category: .metadata,
        severity: .warning,
        rationale: """
            A certificate whose notBefore is in the future is refused by strict verifiers until that \
            day: usually a wrong clock on the machine that made it, or a rollover certificate published \
            as the only one too early.
            """,
        message: "the certificate is not valid before DATE",
        triggering: [
            Example(ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.future, marked: true))),
        ],
        nonTriggering: [
            Example(ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.good))),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        guard let now = context.now else { return }
        for certificate in message.metadataCertificates {
            guard case let .success(facts) = certificate.facts, facts.notBefore > now else { continue }
            findings.report(
                "\(certificate.described) is not valid before \(X509Names.day(facts.notBefore))",
                at: certificate.keyDescriptor.element, entityID: certificate.entityID,
                evidence: [Evidence(value: ISO8601.format(facts.notBefore), classifiedAs: "notBefore"), Evidence(value: facts.summary, classifiedAs: "certificate")],
                fix: Fix("Keep the current certificate published until the new one is valid, or reissue it with a correct notBefore."))
        }
    }
}
