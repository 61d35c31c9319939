import SAMLXML

/// The same certificate listed twice for the same use in one role descriptor.
public struct DuplicateCertificate: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "metadata/duplicate-certificate",
        title: "Duplicate Certificate",
        category: .metadata,
        severity: .info,
        rationale: """
            Listing the same certificate twice for the same use adds nothing and is often a rollover \
            done halfway: the new certificate was meant to go beside the old one but the old one was \
            pasted again. (The same certificate for `signing` and `encryption` is not reported.)
            """,
        message: "the certificate is listed again for the same use",
        triggering: [
            Example(ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.good) + "\n" + ExampleCertificates.keyDescriptor(ExampleCertificates.good, marked: true))),
        ],
        nonTriggering: [
            Example(ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.good) + "\n" + ExampleCertificates.keyDescriptor(ExampleCertificates.good, use: "encryption"))),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        // The KeyDescriptor is kept, and its line read only when a repeat is reported.
        var seen: [(role: XMLNode, use: String?, base64: [UInt8], keyDescriptor: XMLNode)] = []
        for certificate in message.metadataCertificates where !certificate.der.isEmpty {
            let use = certificate.keyDescriptor.use
            if let earlier = seen.first(where: {
                $0.role.isDescendant(ofOrSameAs: certificate.role.element) && $0.base64 == certificate.der
                    && ($0.use == nil || use == nil || $0.use == use)
            }) {
                findings.report(
                    "\(certificate.described) is the same certificate as the one at line \(earlier.keyDescriptor.line)",
                    at: certificate.keyDescriptor.element, entityID: certificate.entityID,
                    evidence: [Evidence(value: String(Base64.encode(certificate.der).suffix(24)), classifiedAs: "certificate (end of base64)")],
                    fix: Fix("Remove the repeated KeyDescriptor, or replace it with the new certificate if a rollover was intended."))
            } else {
                seen.append((certificate.role.element, use, certificate.der, certificate.keyDescriptor.element))
            }
        }
    }
}
