import Foundation

/// An IDPSSODescriptor without any certificate usable for signing.
public struct NoSigningCertificate: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "metadata/no-signing-certificate",
        title: "No Signing Certificate",
        category: .metadata,
        severity: .error,
        rationale: """
            An SP verifies the IdP's assertions with the certificates in the IdP's metadata \
            (`KeyDescriptor` with `use="signing"` or no `use`). Without one, the SP either cannot \
            verify anything or, worse, is tempted to trust the certificate inside each message.
            """,
        message: "the IDPSSODescriptor has no signing certificate",
        triggering: [
            Example(ExampleSAML.idpMetadata(keyDescriptors: "").replacingOccurrences(of: "<md:IDPSSODescriptor", with: "↓<md:IDPSSODescriptor")),
            Example(ExampleSAML.idpMetadata(keyDescriptors: "<md:KeyDescriptor use=\"encryption\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>MIIC</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>")
                .replacingOccurrences(of: "<md:IDPSSODescriptor", with: "↓<md:IDPSSODescriptor")),
        ],
        nonTriggering: [
            Example(ExampleSAML.idpMetadata()),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        for entity in message.entities {
            for idp in entity.idpDescriptors {
                // A certificate counts when its text has anything besides whitespace (read in
                // place: no base64 String per certificate).
                let hasSigning = idp.keyDescriptors.contains { key in
                    key.isUsableForSigning && key.certificateElements.contains { element in
                        element.withTextBytes { bytes in bytes.contains { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 } }
                    }
                }
                guard !hasSigning else { continue }
                findings.report(
                    "the IDPSSODescriptor of '\(entity.entityID ?? "?")' has no signing certificate",
                    at: idp.element, entityID: entity.entityID,
                    fix: Fix("Add a KeyDescriptor use=\"signing\" with the IdP's current signing certificate."))
            }
        }
    }
}
