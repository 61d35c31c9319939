import SAMLXML

/// One parsed SAML message (or metadata document) and the typed views over it.
public struct SAMLMessage: Sendable {
    public let document: XMLDocument
    public let root: XMLNode
    public let kind: MessageKind
    /// The normalized profile of the assertion that is read (the first one), set by the linter
    /// before rules run so every rule sees the same profile.
    public internal(set) var profile: Profile?
    /// Signatures, their verification and what they cover, computed by the linter before rules run.
    public internal(set) var signatureAnalysis: SignatureAnalysis?
    /// What decrypting EncryptedAssertion with the SP key gave (empty without a key).
    public internal(set) var decryptions: [AssertionDecryptor.Outcome] = []
    /// Set when the message is one piece of a streamed metadata aggregate.
    public internal(set) var aggregate: AggregateMember?
    /// Values derived once per message and shared by rules (decoded certificates).
    let memo = MessageMemo()

    public init(document: XMLDocument) throws(SAMLModelError) {
        guard let root = document.root else { throw .noRootElement }
        self.document = document
        self.root = root
        self.kind = MessageKind(root: root)
    }

    /// The Response, when the message is one.
    public var response: Response? { kind == .response ? Response(root) : nil }

    /// The assertions a relying party would read: the Response's direct Assertion children, or the
    /// document itself when it is a bare Assertion.
    public var assertions: [Assertion] {
        if let known = memo.assertions { return known }
        let assertions: [Assertion]
        switch kind {
        case .response: assertions = Response(root).assertions
        case .assertion: assertions = [Assertion(root)]
        default: assertions = []
        }
        memo.assertions = assertions
        return assertions
    }

    public var encryptedAssertions: [XMLNode] {
        if kind == .encryptedAssertion { return [root] }
        return response?.encryptedAssertions ?? []
    }

    /// The entities of a metadata document (one for an EntityDescriptor).
    public var entities: [EntityDescriptor] {
        switch kind {
        case .entityDescriptor: return [EntityDescriptor(root)]
        case .entitiesDescriptor: return EntitiesDescriptor(root).entities
        default: return []
        }
    }

    /// The issuer of the message: the Response Issuer, else the first Assertion's, else the
    /// metadata entityID, else the Issuer of any other protocol message.
    public var issuer: String? {
        if let issuer = response?.issuer, !issuer.isEmpty { return issuer }
        if let issuer = assertions.first?.issuer, !issuer.isEmpty { return issuer }
        if kind == .entityDescriptor { return root.attribute("entityID") }
        if kind == .entitiesDescriptor { return root.attribute("Name") }
        return root.firstChild("Issuer", namespace: XMLNamespaces.assertion).map { $0.textContent.trimmed }
    }
}

public enum SAMLModelError: Error, Sendable {
    case noRootElement
}
