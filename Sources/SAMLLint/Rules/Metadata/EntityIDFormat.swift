/// An entityID that is not an absolute URI, or a URL with a query or fragment.
public struct EntityIDFormat: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "metadata/entity-id-format",
        title: "Malformed entityID",
        category: .metadata,
        severity: .warning,
        rationale: """
            SAML requires the entityID to be an absolute URI of at most 1024 characters. Peers \
            compare it byte for byte with the assertion Issuer and the Audience: a relative name, \
            spaces, a query string or a fragment break that match or get normalized away by one side.
            """,
        message: "the entityID is not an absolute URI (or has a query or fragment)",
        triggering: [
            Example(ExampleSAML.idpMetadata(entityID: "idp.example.com", keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.good)).replacingOccurrences(of: "<md:EntityDescriptor", with: "↓<md:EntityDescriptor")),
            Example(ExampleSAML.idpMetadata(entityID: "https://idp.example.com/saml?tenant=1", keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.good)).replacingOccurrences(of: "<md:EntityDescriptor", with: "↓<md:EntityDescriptor")),
        ],
        nonTriggering: [
            Example(ExampleSAML.idpMetadata(keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.good))),
            Example(ExampleSAML.idpMetadata(entityID: "urn:mace:example.org:idp", keyDescriptors: ExampleCertificates.keyDescriptor(ExampleCertificates.good))),
        ])

    /// Why an entityID is malformed, or nil.
    static func problem(_ entityID: String) -> String? {
        if entityID.isEmpty { return "it is empty" }
        if entityID.count > 1024 { return "it is longer than 1024 characters" }
        if entityID.contains(where: { $0.isWhitespace }) { return "it contains whitespace" }
        guard let colon = entityID.firstIndex(of: ":"), colon != entityID.startIndex,
            entityID[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }),
            entityID.first?.isLetter == true
        else { return "it is not an absolute URI (no scheme)" }
        let scheme = entityID[..<colon].lowercased()
        if scheme == "http" || scheme == "https" {
            if entityID.contains("?") { return "the URL has a query string" }
            if entityID.contains("#") { return "the URL has a fragment" }
        }
        return nil
    }

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        for entity in message.entities {
            let entityID = entity.entityID ?? ""
            guard let problem = Self.problem(entityID) else { continue }
            findings.report(
                "the entityID '\(entityID)' is malformed: \(problem)",
                at: entity.element, entityID: entityID,
                evidence: [Evidence(value: entityID, classifiedAs: "entityID")],
                fix: Fix("Use an absolute https:// URL (no query, no fragment) or a urn: as the entityID; it must match the Issuer byte for byte."))
        }
    }
}
