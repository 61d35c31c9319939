import SAMLXML

/// An aggregate (EntitiesDescriptor) without validUntil.
public struct NoValidity: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "metadata/no-validity",
        title: "Aggregate Without validUntil",
        category: .metadata,
        severity: .info,
        rationale: """
            A federation aggregate without validUntil never expires: a consumer that stops \
            refreshing keeps trusting revoked keys and departed entities forever. Federations set a \
            validUntil of days or weeks on the signed aggregate.
            """,
        message: "the EntitiesDescriptor has no validUntil",
        triggering: [
            Example("↓<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" Name=\"urn:example:federation\">\n" + ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.good)) + "\n</md:EntitiesDescriptor>"),
        ],
        nonTriggering: [
            Example("<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" Name=\"urn:example:federation\" validUntil=\"2026-01-10T00:00:00Z\">\n" + ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.good)) + "\n</md:EntitiesDescriptor>"),
            Example(ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.good))),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        guard message.kind == .entitiesDescriptor, message.aggregate?.isRoot ?? true else { return }
        guard message.root.attribute("validUntil") == nil else { return }
        let name = message.root.attribute("Name")
        findings.report(
            "the EntitiesDescriptor\(name.map { " '\($0)'" } ?? "") has no validUntil: it never expires",
            at: message.root,
            fix: Fix("Publish the aggregate with validUntil (days or weeks ahead) and sign it."))
    }
}
