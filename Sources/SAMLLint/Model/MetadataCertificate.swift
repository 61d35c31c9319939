import SAMLXML

/// One `ds:X509Certificate` of a KeyDescriptor in metadata, decoded once per message.
public struct MetadataCertificate: Sendable {
    public let entityID: String?
    public let role: RoleDescriptor
    public let keyDescriptor: KeyDescriptor
    /// The `ds:X509Certificate` element.
    public let element: XMLNode
    /// The certificate's DER bytes (empty when the base64 could not be decoded).
    public let der: [UInt8]
    /// Base64 text, whitespace removed.
    public var base64: String { String(decoding: Base64.compact(element.textContent), as: UTF8.self) }
    public let facts: Result<CertificateFacts, CertificateDecodingError>

    /// `signing certificate`, `encryption certificate` or `certificate`.
    public var label: String {
        switch keyDescriptor.use {
        case "signing": return "signing certificate"
        case "encryption": return "encryption certificate"
        default: return "certificate"
        }
    }

    /// Where the certificate is, in words: `the signing certificate of IDPSSODescriptor of 'https://…'`.
    public var described: String { "the \(label) of the \(role.kind) of '\(entityID ?? "?")'" }
}

extension SAMLMessage {
    /// Every certificate in every KeyDescriptor of every role of every entity, decoded once (and
    /// once per run for a certificate text seen before: `CertificateCache`).
    public var metadataCertificates: [MetadataCertificate] {
        if let cached = memo.certificates { return cached }
        var result: [MetadataCertificate] = []
        for entity in entities {
            let entityID = entity.entityID
            for role in entity.roleDescriptors {
                for key in role.keyDescriptors {
                    for element in key.certificateElements {
                        let decoded = element.withTextBytes { CertificateCache.shared.decode(base64UTF8: $0) }
                        result.append(
                            MetadataCertificate(
                                entityID: entityID, role: role, keyDescriptor: key, element: element, der: decoded.der, facts: decoded.facts))
                    }
                }
            }
        }
        memo.certificates = result
        return result
    }
}
