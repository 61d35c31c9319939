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
        let bytes = Array(entityID.utf8)
        if bytes.isEmpty { return "it is empty" }
        if entityID.unicodeScalars.count > 1024 { return "it is longer than 1024 characters" }
        if bytes.contains(where: { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return "it contains whitespace" }
        func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
        func isSchemeCharacter(_ b: UInt8) -> Bool { isLetter(b) || (b >= 0x30 && b <= 0x39) || b == 0x2B || b == 0x2D || b == 0x2E }
        guard let colon = bytes.firstIndex(of: 0x3A), colon > 0, isLetter(bytes[0]),
            bytes[..<colon].allSatisfy(isSchemeCharacter)
        else { return "it is not an absolute URI (no scheme)" }
        let scheme = String(decoding: bytes[..<colon], as: UTF8.self).asciiLowercased
        if scheme == "http" || scheme == "https" {
            if bytes.contains(0x3F) { return "the URL has a query string" }
            if bytes.contains(0x23) { return "the URL has a fragment" }
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
