import SAMLXML

/// What a parsed document is, from its root element.
public enum MessageKind: String, Codable, Sendable, CaseIterable {
    case response
    case assertion
    /// A bare `saml:EncryptedAssertion` (as some test suites and captures store it).
    case encryptedAssertion
    case entityDescriptor
    case entitiesDescriptor
    case authnRequest
    case logoutRequest
    case logoutResponse
    case artifactResolve
    case artifactResponse
    case otherProtocolMessage
    case saml1
    case notSAML

    public init(root: XMLNode) {
        let name = root.localName
        switch root.namespaceURI {
        case XMLNamespaces.protocolNS:
            switch name {
            case "Response": self = .response
            case "AuthnRequest": self = .authnRequest
            case "LogoutRequest": self = .logoutRequest
            case "LogoutResponse": self = .logoutResponse
            case "ArtifactResolve": self = .artifactResolve
            case "ArtifactResponse": self = .artifactResponse
            default: self = .otherProtocolMessage
            }
        case XMLNamespaces.assertion:
            switch name {
            case "Assertion": self = .assertion
            case "EncryptedAssertion": self = .encryptedAssertion
            default: self = .notSAML
            }
        case XMLNamespaces.metadata:
            switch name {
            case "EntityDescriptor": self = .entityDescriptor
            case "EntitiesDescriptor": self = .entitiesDescriptor
            default: self = .notSAML
            }
        case XMLNamespaces.saml1, XMLNamespaces.saml1p:
            self = .saml1
        default:
            self = .notSAML
        }
    }

    /// Whether the linter has rules for this kind.
    public var isLinted: Bool {
        switch self {
        case .response, .assertion, .encryptedAssertion, .entityDescriptor, .entitiesDescriptor: return true
        default: return false
        }
    }

    public var isMetadata: Bool { self == .entityDescriptor || self == .entitiesDescriptor }
}
