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
    /// Every certificate in every KeyDescriptor of every role of every entity, decoded once.
    public var metadataCertificates: [MetadataCertificate] {
        if let cached = memo.certificates { return cached }
        var result: [MetadataCertificate] = []
        for entity in entities {
            let entityID = entity.entityID
            for role in entity.roleDescriptors {
                for key in role.keyDescriptors {
                    for element in key.certificateElements {
                        var der: [UInt8] = []
                        var facts: Result<CertificateFacts, CertificateDecodingError>
                        let decoded = element.withTextBytes { bytes -> Result<[UInt8], CertificateDecodingError> in
                            do throws(CertificateDecodingError) {
                                return .success(try CertificateDecoder.derBytes(base64UTF8: bytes))
                            } catch { return .failure(error) }
                        }
                        switch decoded {
                        case let .success(bytes):
                            der = bytes
                            do throws(CertificateDecodingError) {
                                facts = .success(try CertificateDecoder.decode(der: bytes))
                            } catch { facts = .failure(error) }
                        case let .failure(error):
                            facts = .failure(error)
                        }
                        result.append(
                            MetadataCertificate(
                                entityID: entityID, role: role, keyDescriptor: key, element: element, der: der, facts: facts))
                    }
                }
            }
        }
        memo.certificates = result
        return result
    }
}
