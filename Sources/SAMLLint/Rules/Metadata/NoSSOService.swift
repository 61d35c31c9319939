/// An IDPSSODescriptor without any SingleSignOnService.
public struct NoSSOService: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "metadata/no-sso-service",
        title: "No SingleSignOnService",
        category: .metadata,
        severity: .error,
        rationale: """
            An SP sends its AuthnRequest to the IdP's SingleSignOnService. An IdP role without one \
            cannot start an SP-initiated login and is rejected by most SP metadata loaders.
            """,
        message: "the IDPSSODescriptor has no SingleSignOnService",
        triggering: [
            Example(ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.good), sso: "").replacingOccurrences(of: "<md:IDPSSODescriptor", with: "↓<md:IDPSSODescriptor")),
        ],
        nonTriggering: [
            Example(ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.good))),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        for entity in message.entities {
            for idp in entity.idpDescriptors where idp.singleSignOnServices.isEmpty {
                findings.report(
                    "the IDPSSODescriptor of '\(entity.entityID ?? "?")' has no SingleSignOnService",
                    at: idp.element, entityID: entity.entityID,
                    fix: Fix("Add <md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\"https://…\"/> (and HTTP-POST)."))
            }
        }
    }
}
