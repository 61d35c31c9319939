import SAMLXML

/// An SSO, SLO, ACS or artifact endpoint whose Location is plain http://.
public struct HTTPEndpoint: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "metadata/http-endpoint",
        title: "Endpoint Without TLS",
        category: .metadata,
        severity: .error,
        rationale: """
            Assertions, AuthnRequests and logout messages travel through these endpoints. Over plain \
            http:// anyone on the path reads the user's attributes and can replay a bearer assertion.
            """,
        message: "the endpoint Location is http://",
        triggering: [
            Example(ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.good), sso: #"↓<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="http://idp.example.com/sso"/>"#)),
        ],
        nonTriggering: [
            Example(ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.good))),
        ])

    static let endpointNames: Set<String> = [
        "SingleSignOnService", "SingleLogoutService", "AssertionConsumerService", "ArtifactResolutionService",
        "ManageNameIDService", "NameIDMappingService", "AssertionIDRequestService", "AttributeService",
    ]

    /// The same names, compared in C against each element's name (no String per element).
    static let endpointNameList = Array(endpointNames)

    /// `hasASCIIPrefixIgnoringCase("http://")` over bytes: leading ASCII whitespace skipped,
    /// then `http://` in any case.
    static func isHTTP(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
            index += 1
        }
        for expected in "http://".utf8 {
            guard index < bytes.count else { return false }
            let byte = bytes[index]
            if (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) != expected { return false }
            index += 1
        }
        return true
    }

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        for entity in message.entities {
            for role in entity.roleDescriptors {
                for element in role.element.children
                where element.hasNamespace(XMLNamespaces.metadata) && Self.endpointNameList.contains(where: element.hasLocalName) {
                    for key in ["Location", "ResponseLocation"] {
                        // Looked at in place; a String is made only for an http:// value.
                        guard element.withAttributeBytes(key, Self.isHTTP) == true, let location = element.attribute(key),
                            location.hasASCIIPrefixIgnoringCase("http://")
                        else { continue }
                        findings.report(
                            "the \(element.localName) \(key) of '\(entity.entityID ?? "?")' is not TLS: \(location.asciiTrimmed)",
                            at: element, entityID: entity.entityID,
                            evidence: [Evidence(value: location.asciiTrimmed, classifiedAs: "http URL")],
                            fix: Fix("Serve the endpoint over https:// and publish the https:// Location."))
                    }
                }
            }
        }
    }
}
