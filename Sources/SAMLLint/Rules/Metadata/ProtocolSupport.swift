/// An IdP or SP role whose protocolSupportEnumeration does not name SAML 2.0.
public struct ProtocolSupport: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "metadata/protocol-support",
        title: "SAML 2.0 Not Declared",
        category: .metadata,
        severity: .warning,
        rationale: """
            SAML 2.0 software only uses a role whose protocolSupportEnumeration contains \
            `urn:oasis:names:tc:SAML:2.0:protocol`; a role with only SAML 1.x (or a typo) is \
            ignored, so the entity looks as if it had no IdP or SP role at all. In an aggregate, \
            where SAML 1.1-only entities are legitimate, the finding is only `info`.
            """,
        message: "the role does not declare urn:oasis:names:tc:SAML:2.0:protocol",
        triggering: [
            Example(ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.good))
                .replacingOccurrences(of: "<md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\"", with: "↓<md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:1.1:protocol\"")),
        ],
        nonTriggering: [
            Example(ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.good))),
        ])

    static let saml2 = "urn:oasis:names:tc:SAML:2.0:protocol"

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        let inAggregate = message.aggregate != nil || message.kind == .entitiesDescriptor
        for entity in message.entities {
            for role in entity.roleDescriptors where role.isIdP || role.isSP {
                let declared = role.protocolSupportEnumeration
                guard !declared.contains(Self.saml2) else { continue }
                findings.report(
                    "the \(role.kind) of '\(entity.entityID ?? "?")' does not declare SAML 2.0 (protocolSupportEnumeration: '\(declared.joined(separator: " "))')",
                    at: role.element, entityID: entity.entityID,
                    evidence: declared.map { Evidence(value: $0, classifiedAs: "protocol") },
                    fix: Fix("Add urn:oasis:names:tc:SAML:2.0:protocol to protocolSupportEnumeration if the role speaks SAML 2.0."),
                    severity: inAggregate ? min(findings.severity, .info) : nil)
            }
        }
    }
}
