/// An EntityDescriptor given as IdP metadata that has no IDPSSODescriptor.
public struct NoIdPDescriptor: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "metadata/no-idp-descriptor",
        title: "No IdP Descriptor",
        category: .metadata,
        severity: .warning,
        rationale: """
            A single EntityDescriptor linted on its own is usually the IdP's metadata for a connection. \
            Without an IDPSSODescriptor it carries no SSO endpoint and no signing key, so an SP cannot \
            use it (often the SP's own metadata was uploaded by mistake). Aggregates mix IdPs and SPs \
            and are not checked by this rule.
            """,
        message: "the EntityDescriptor has no IDPSSODescriptor",
        triggering: [
            Example("↓<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"https://sp.example.com\"><md:SPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\"><md:AssertionConsumerService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\" Location=\"https://sp.example.com/acs\" index=\"0\"/></md:SPSSODescriptor></md:EntityDescriptor>"),
        ],
        nonTriggering: [
            Example(ExampleSAML.idpMetadata()),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        guard message.kind == .entityDescriptor, message.aggregate == nil else { return }
        let entity = EntityDescriptor(message.root)
        guard entity.idpDescriptors.isEmpty else { return }
        let roles = entity.roleDescriptors.map(\.kind)
        let has = roles.isEmpty ? "no role descriptor at all" : "only " + roles.joined(separator: ", ")
        findings.report(
            "the EntityDescriptor has no IDPSSODescriptor (\(has)): it cannot be used as IdP metadata",
            at: message.root, entityID: entity.entityID,
            fix: Fix("Download the metadata from the IdP (not the SP's own metadata)."))
    }
}
