/// What a `ds:Signature` element says about itself, read from the tree without any cryptography:
/// algorithms, references, transforms, and the certificates of its KeyInfo.
public struct SignatureFacts: Sendable {
    public struct Reference: Sendable {
        public let element: XMLNode
        /// The URI as written (`#_abc`, `""`), nil when absent.
        public let uri: String?
        public let transforms: [String]
        public let digestMethod: String?
        /// The element the URI designates in this document: by ID for `#id`, the root for `""`.
        /// nil when it does not resolve or the ID is duplicated.
        public let target: XMLNode?
        /// Whether the URI is a same-document reference (`""` or `#id`).
        public var isSameDocument: Bool { uri.map { $0.isEmpty || $0.hasPrefix("#") } ?? true }
    }

    public let element: XMLNode
    public let canonicalizationMethod: String?
    public let signatureMethod: String?
    public let references: [Reference]
    /// DER bytes of each `ds:X509Certificate` in KeyInfo (base64 that does not decode is dropped).
    public let keyInfoCertificates: [[UInt8]]
    /// Whether KeyInfo carries a bare key (`KeyValue`) or a key name rather than a certificate.
    public let keyInfoHasKeyValue: Bool

    public init(_ signature: XMLNode, ids: SAMLIDs) {
        let ds = XMLNamespaces.dsig
        element = signature
        let signedInfo = signature.firstChild("SignedInfo", namespace: ds)
        canonicalizationMethod = signedInfo?.firstChild("CanonicalizationMethod", namespace: ds)?.attribute("Algorithm")
        signatureMethod = signedInfo?.firstChild("SignatureMethod", namespace: ds)?.attribute("Algorithm")
        references = (signedInfo?.children("Reference", namespace: ds) ?? []).map { reference in
            let uri = reference.attribute("URI")
            let transforms = (reference.firstChild("Transforms", namespace: ds)?.children("Transform", namespace: ds) ?? [])
                .compactMap { $0.attribute("Algorithm") }
            let target: XMLNode?
            switch uri {
            case nil, "": target = signature.document.root
            case let value? where value.hasPrefix("#xpointer(id('") && value.hasSuffix("'))"):
                target = ids.uniqueElement(withID: String(value.dropFirst(14).dropLast(3)))
            case let value? where value.hasPrefix("#"):
                target = ids.uniqueElement(withID: String(value.dropFirst()))
            default: target = nil
            }
            return Reference(
                element: reference, uri: uri, transforms: transforms,
                digestMethod: reference.firstChild("DigestMethod", namespace: ds)?.attribute("Algorithm"), target: target)
        }
        let keyInfo = signature.firstChild("KeyInfo", namespace: ds)
        keyInfoCertificates = (keyInfo?.children("X509Data", namespace: ds) ?? [])
            .flatMap { $0.children("X509Certificate", namespace: ds) }
            .compactMap { Base64.decode($0.textContent) }
            .flatMap { der -> [[UInt8]] in
                // Some IdPs (and test suites) put base64 of a PEM text there.
                der.starts(with: Array("-----BEGIN".utf8)) ? CertificateFile.certificates(in: der) : [der]
            }
        keyInfoHasKeyValue = keyInfo?.firstChild("KeyValue", namespace: ds) != nil
    }
}

/// Standard base64 decoding that skips whitespace; nil on any other stray character.
public enum Base64 {
    public static func decode(_ text: String) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count * 3 / 4)
        var buffer: UInt32 = 0
        var bits = 0
        var padding = 0
        for byte in text.utf8 {
            let value: UInt32
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = UInt32(byte - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = UInt32(byte - UInt8(ascii: "a") + 26)
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(byte - UInt8(ascii: "0") + 52)
            case UInt8(ascii: "+"): value = 62
            case UInt8(ascii: "/"): value = 63
            case UInt8(ascii: "="): padding += 1; continue
            case 0x20, 0x09, 0x0A, 0x0D: continue
            default: return nil
            }
            if padding > 0 { return nil }
            buffer = (buffer << 6) | value
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8((buffer >> UInt32(bits)) & 0xFF))
            }
        }
        return output.isEmpty ? nil : output
    }
}
