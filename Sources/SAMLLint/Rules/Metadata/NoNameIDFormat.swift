/// An IDPSSODescriptor that declares no NameIDFormat.
public struct NoNameIDFormat: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "metadata/no-nameid-format",
        title: "No NameIDFormat",
        category: .metadata,
        severity: .info,
        rationale: """
            Without a NameIDFormat the SP cannot tell which subject identifier the IdP sends \
            (persistent, transient, email) and often falls back to `unspecified`, which is where \
            account-linking mistakes start.
            """,
        message: "the IDPSSODescriptor declares no NameIDFormat",
        triggering: [
            Example(ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.good))
                .replacingOccurrences(of: "<md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>", with: "")
                .replacingOccurrences(of: "<md:IDPSSODescriptor", with: "↓<md:IDPSSODescriptor")),
        ],
        nonTriggering: [
            Example(ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.good))),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        for entity in message.entities {
            for idp in entity.idpDescriptors where idp.nameIDFormats.filter({ !$0.isEmpty }).isEmpty {
                findings.report(
                    "the IDPSSODescriptor of '\(entity.entityID ?? "?")' declares no NameIDFormat",
                    at: idp.element, entityID: entity.entityID,
                    fix: Fix("Declare the formats the IdP sends, e.g. <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>."))
            }
        }
    }
}
