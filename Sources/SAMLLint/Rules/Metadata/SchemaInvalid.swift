import SAMLXML

/// Metadata that does not validate against the OASIS SAML 2.0 metadata schema (`--schema`).
public struct SchemaInvalid: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "metadata/schema-invalid",
        title: "Metadata Not Schema-Valid",
        category: .metadata,
        severity: .error,
        rationale: """
            Shibboleth, SimpleSAMLphp and most federation tools validate metadata against the SAML \
            2.0 schema and drop an entity that fails (elements out of order, a missing Binding or \
            Location, an unknown element in the md namespace). Runs only with `--schema`, using the \
            schemas of Debian's opensaml-schemas and xmltooling-schemas; never copied into samllint.
            """,
        message: "the metadata does not validate against the SAML 2.0 schema",
        triggering: [
            Example(ExampleSAML.idpMetadata(
                keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.good),
                sso: #"↓<md:SingleSignOnService Location="https://idp.example.com/sso"/>"#)),
        ],
        nonTriggering: [
            Example(ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.good))),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        guard let schemas = context.schemas, message.kind.isMetadata else { return }
        // A streamed aggregate's EntitiesDescriptor pieces are start tags without their children.
        if message.aggregate != nil, message.kind == .entitiesDescriptor { return }
        let violations = schemas.validate(message.document)
        guard !violations.isEmpty else { return }
        var elements: [XMLNode] = []
        func walk(_ node: XMLNode) {
            elements.append(node)
            node.children.forEach(walk)
        }
        walk(message.root)
        for violation in violations {
            // The last element that starts on or before the violation's line.
            let node = elements.last { $0.line <= violation.line } ?? message.root
            let entity = message.kind == .entityDescriptor ? EntityDescriptor(message.root).entityID : nil
            findings.report(
                "schema violation: \(violation.message)",
                at: node, entityID: entity,
                evidence: [Evidence(value: violation.message, classifiedAs: "XSD error")],
                fix: Fix("Fix the element as the SAML 2.0 metadata schema requires (order, required attributes), or regenerate the metadata with the IdP's tooling."))
        }
    }
}
