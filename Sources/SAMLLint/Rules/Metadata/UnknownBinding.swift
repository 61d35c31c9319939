import SAMLXML

/// An endpoint whose Binding is not a known SAML binding URI.
public struct UnknownBinding: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "metadata/unknown-binding",
        title: "Unknown Binding",
        category: .metadata,
        severity: .warning,
        rationale: """
            Peers pick an endpoint by its Binding URI. A misspelled or invented URI (`HTTP-POST` \
            without the urn prefix, `urn:…:bindings:POST`) matches nothing, so the endpoint is \
            silently ignored. Known URIs are listed in rules/metadata/bindings.txt.
            """,
        message: "the endpoint Binding is not a known SAML binding",
        triggering: [
            Example(ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.good), sso: #"↓<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:POST" Location="https://idp.example.com/sso"/>"#)),
        ],
        nonTriggering: [
            Example(ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.good))),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        let known = context.ruleData.lineList("metadata/bindings.txt")
        for entity in message.entities {
            for role in entity.roleDescriptors where role.isIdP || role.isSP {
                for element in role.element.children where element.hasNamespace(XMLNamespaces.metadata) {
                    guard let binding = element.attribute("Binding"), !known.contains(binding.asciiTrimmed.asciiLowercased) else { continue }
                    findings.report(
                        "the \(element.localName) of '\(entity.entityID ?? "?")' has the unknown Binding '\(binding)'",
                        at: element, entityID: entity.entityID,
                        evidence: [Evidence(value: binding, classifiedAs: "unknown binding")],
                        fix: Fix("Use a SAML 2.0 binding URI such as urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST."))
                }
            }
        }
    }
}
