import Foundation
import SAMLXML

/// A metadata certificate that expires within the warning window.
public struct CertExpiring: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "metadata/cert-expiring",
        title: "Certificate Expiring Soon",
        category: .metadata,
        severity: .warning,
        rationale: """
            A certificate rollover takes time: the new certificate must be published and fetched by \
            every SP before the IdP signs with it. A warning `metadata.certExpiringDays` days ahead \
            (30 by default, in rules/thresholds.yml) leaves room for it.
            """,
        message: "the certificate expires in N days",
        triggering: [
            Example(ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.good, marked: true)), now: "2099-12-20T00:00:00Z"),
        ],
        nonTriggering: [
            Example(ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.good)), now: "2099-10-01T00:00:00Z"),
            Example(ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.expired))),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        guard let now = context.now else { return }
        let days = context.ruleData.threshold("metadata.certExpiringDays", default: 30)
        let horizon = now.addingTimeInterval(days * 86_400)
        for certificate in message.metadataCertificates {
            guard case let .success(facts) = certificate.facts, facts.notAfter >= now, facts.notAfter < horizon else { continue }
            let left = Int((facts.notAfter.timeIntervalSince(now) / 86_400).rounded(.down))
            findings.report(
                "\(certificate.described) expires on \(X509Names.day(facts.notAfter)), in \(left) day\(left == 1 ? "" : "s")",
                at: certificate.keyDescriptor.element, entityID: certificate.entityID,
                evidence: [Evidence(value: ISO8601.format(facts.notAfter), classifiedAs: "notAfter"), Evidence(value: facts.summary, classifiedAs: "certificate")],
                fix: Fix("Start the rollover now: publish the next certificate beside the current one so SPs fetch it before the switch."))
        }
    }
}
