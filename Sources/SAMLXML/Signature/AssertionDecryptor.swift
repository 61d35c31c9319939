import CLibXMLSec

/// Decrypts `saml:EncryptedAssertion` elements in place with the SP's private key, through xmlsec.
///
/// The symmetric key comes from an `xenc:EncryptedKey` (inside the EncryptedData's KeyInfo or beside
/// it, as SAML allows), transported with RSA-OAEP or RSA 1.5; the data is AES-CBC, AES-GCM or
/// 3DES-CBC. The plaintext is parsed in the context of the Response with the same hostile-input stance
/// as the parser (no DTD, no entities, no network), and the Assertion replaces its
/// EncryptedAssertion in the tree; its nodes take the EncryptedAssertion's location.
public struct AssertionDecryptor: Sendable {
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case badKey(String)
        case decryption(String)
        case content(String)
        public var description: String {
            switch self {
            case let .badKey(text), let .decryption(text), let .content(text): return text
            }
        }
    }

    /// What decrypting one EncryptedAssertion found.
    public struct Outcome: Sendable {
        /// The EncryptedAssertion's position (it is gone from the tree when decryption succeeded).
        public let line: Int
        public let column: Int
        public let keyTransport: String?
        public let dataAlgorithm: String?
        /// The decrypted Assertion, now in the tree; nil on failure.
        public let assertion: XMLNode?
        public let failure: Failure?
    }

    private let keyBytes: [UInt8]
    public init(privateKeyPEM: [UInt8]) { keyBytes = privateKeyPEM }

    /// Whether the key file parses as a private key xmlsec can use.
    public var keyLoads: Bool { XMLSecKey(keyBytes, format: cxmlsec_format_pem()) != nil }

    /// Decrypts every EncryptedAssertion child of the document root, replacing each in the tree.
    public func decryptAll(in document: XMLDocument, maxBytes: Int = 16 * 1024 * 1024) -> [Outcome] {
        guard let root = document.root else { return [] }
        return root.children("EncryptedAssertion", namespace: XMLNamespaces.assertion).map { decrypt($0, maxBytes: maxBytes) }
    }

    func decrypt(_ encrypted: XMLNode, maxBytes: Int) -> Outcome {
        let xenc = XMLNamespaces.xmlenc
        let position = encrypted.position
        guard let data = encrypted.firstChild("EncryptedData", namespace: xenc) else {
            return outcome(position, nil, nil, failure: .content("the EncryptedAssertion has no xenc:EncryptedData"))
        }
        let dataAlgorithm = data.firstChild("EncryptionMethod", namespace: xenc)?.attribute("Algorithm")
        let encryptedKey = data.firstChild("KeyInfo", namespace: XMLNamespaces.dsig)?.firstChild("EncryptedKey", namespace: xenc)
            ?? encrypted.firstChild("EncryptedKey", namespace: xenc)
        let transport = encryptedKey?.firstChild("EncryptionMethod", namespace: xenc)?.attribute("Algorithm")
        guard XMLSec.isAvailable else {
            return outcome(position, transport, dataAlgorithm, failure: .decryption("xmlsec could not be initialised"))
        }
        guard let privateKey = XMLSecKey(keyBytes, format: cxmlsec_format_pem()) else {
            return outcome(position, transport, dataAlgorithm, failure: .badKey("the SP key is not a PEM private key xmlsec can load"))
        }
        guard let encryptedKey else {
            return outcome(position, transport, dataAlgorithm, failure: .content("no xenc:EncryptedKey found for the EncryptedAssertion"))
        }
        // 1. The symmetric key.
        let (symmetric, keyErrors) = XMLSec.capture { () -> [UInt8]? in
            decryptToBytes(encryptedKey, key: privateKey.duplicate())
        }
        guard let symmetric, !symmetric.isEmpty else {
            return outcome(position, transport, dataAlgorithm, failure: .decryption(
                "cannot decrypt the EncryptedKey with the SP key (wrong key?): \(XMLSec.summary(keyErrors))"))
        }
        let keyData = (dataAlgorithm ?? "").contains("tripledes") ? cxmlsec_key_data_des() : cxmlsec_key_data_aes()
        let (plaintext, dataErrors) = XMLSec.capture { () -> [UInt8]? in
            let sessionKey = symmetric.withUnsafeBufferPointer { xmlSecKeyReadMemory(keyData, $0.baseAddress, UInt32($0.count)) }
            guard let sessionKey else { return nil }
            return decryptToBytes(data, key: sessionKey)
        }
        guard let plaintext, !plaintext.isEmpty else {
            return outcome(position, transport, dataAlgorithm, failure: .decryption(
                "cannot decrypt the EncryptedData: \(XMLSec.summary(dataErrors))"))
        }
        guard plaintext.count <= maxBytes else {
            return outcome(position, transport, dataAlgorithm, failure: .content("the decrypted assertion is larger than \(maxBytes) bytes"))
        }
        switch replace(encrypted, with: plaintext) {
        case let .success(assertion):
            return Outcome(line: position.line, column: position.column, keyTransport: transport, dataAlgorithm: dataAlgorithm, assertion: assertion, failure: nil)
        case let .failure(failure):
            return outcome(position, transport, dataAlgorithm, failure: failure)
        }
    }

    private func outcome(_ position: (line: Int, column: Int), _ transport: String?, _ data: String?, failure: Failure) -> Outcome {
        Outcome(line: position.line, column: position.column, keyTransport: transport, dataAlgorithm: data, assertion: nil, failure: failure)
    }

    /// Decrypts an EncryptedData or EncryptedKey element to bytes without touching the tree. Takes
    /// ownership of `key`.
    private func decryptToBytes(_ element: XMLNode, key: xmlSecKeyPtr?) -> [UInt8]? {
        guard let key else { return nil }
        guard let context = xmlSecEncCtxCreate(nil) else {
            xmlSecKeyDestroy(key)
            return nil
        }
        defer { xmlSecEncCtxDestroy(context) }
        context.pointee.encKey = key
        if element.localName == "EncryptedKey" { context.pointee.mode = xmlEncCtxModeEncryptedKey }
        guard cxmlsec_enc_enable_allowed(context) == 0 else { return nil }
        guard let buffer = xmlSecEncCtxDecryptToBuffer(context, element.pointer) else { return nil }
        let size = Int(cxmlsec_buffer_size(buffer))
        guard let bytes = cxmlsec_buffer_data(buffer), size > 0 else { return nil }
        return Array(UnsafeBufferPointer(start: bytes, count: size))
    }

    /// Parses the plaintext in the context of the EncryptedAssertion's parent and swaps it in.
    private func replace(_ encrypted: XMLNode, with plaintext: [UInt8]) -> Result<XMLNode, Failure> {
        if containsMarkupDeclaration(plaintext) {
            return .failure(.content("the decrypted assertion contains a DOCTYPE or entity declaration (refused)"))
        }
        guard let parent = encrypted.pointer.pointee.parent else { return .failure(.content("the EncryptedAssertion has no parent")) }
        var list: xmlNodePtr?
        let options = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)
        let rc = plaintext.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                xmlParseInNodeContext(parent, chars.baseAddress, Int32(chars.count), options, &list)
            }
        }
        guard rc == XML_ERR_OK, let first = list else {
            if let list { xmlFreeNodeList(list) }
            return .failure(.content("the decrypted content is not well-formed XML"))
        }
        var assertion: xmlNodePtr?
        var node: xmlNodePtr? = first
        var elements = 0
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE {
                elements += 1
                assertion = current
            }
            node = current.pointee.next
        }
        guard elements == 1, let assertion,
            XMLNode(assertion, in: encrypted.document).isElement("Assertion", namespace: XMLNamespaces.assertion)
        else {
            xmlFreeNodeList(first)
            return .failure(.content("the decrypted content is not one saml:Assertion"))
        }
        // Detach every parsed node; keep the assertion, free the rest (whitespace, comments).
        var parsed: [xmlNodePtr] = []
        var cursor: xmlNodePtr? = first
        while let current = cursor {
            parsed.append(current)
            cursor = current.pointee.next
        }
        for current in parsed {
            xmlUnlinkNode(current)
            if current != assertion { xmlFreeNode(current) }
        }
        let location = encrypted.pointer.pointee._private
        markLocation(assertion, location)
        let old = xmlReplaceNode(encrypted.pointer, assertion)
        if let old { xmlFreeNode(old) }
        return .success(XMLNode(assertion, in: encrypted.document))
    }

    private func markLocation(_ node: xmlNodePtr, _ location: UnsafeMutableRawPointer?) {
        node.pointee._private = location
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { markLocation(current, location) }
            child = current.pointee.next
        }
    }

    private func containsMarkupDeclaration(_ bytes: [UInt8]) -> Bool {
        let needle = Array("<!".utf8)
        guard bytes.count >= 2 else { return false }
        for index in 0..<(bytes.count - 1) where bytes[index] == needle[0] && bytes[index + 1] == needle[1] {
            // Comments (<!--) and CDATA are fine; DOCTYPE / ENTITY are not.
            if index + 2 < bytes.count, bytes[index + 2] == UInt8(ascii: "-") || bytes[index + 2] == UInt8(ascii: "[") { continue }
            return true
        }
        return false
    }
}
