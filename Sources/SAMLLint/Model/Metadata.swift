import SAMLXML

/// A typed view over `md:EntityDescriptor`.
public struct EntityDescriptor: Sendable {
    public let element: XMLNode
    public init(_ element: XMLNode) { self.element = element }

    public var entityID: String? { element.attribute("entityID") }
    public var validUntil: String? { element.attribute("validUntil") }
    public var cacheDuration: String? { element.attribute("cacheDuration") }

    public var idpDescriptors: [RoleDescriptor] {
        element.children("IDPSSODescriptor", namespace: XMLNamespaces.metadata).map(RoleDescriptor.init)
    }
    public var spDescriptors: [RoleDescriptor] {
        element.children("SPSSODescriptor", namespace: XMLNamespaces.metadata).map(RoleDescriptor.init)
    }
    /// Every role descriptor (IDP, SP, AttributeAuthority, ...).
    public var roleDescriptors: [RoleDescriptor] {
        element.children.filter { $0.hasNamespace(XMLNamespaces.metadata) && $0.localNameHasSuffix("Descriptor") }
            .map(RoleDescriptor.init)
    }
    public var signature: XMLNode? { element.firstChild("Signature", namespace: XMLNamespaces.dsig) }
}

/// A typed view over `md:EntitiesDescriptor` (an aggregate; may nest).
public struct EntitiesDescriptor: Sendable {
    public let element: XMLNode
    public init(_ element: XMLNode) { self.element = element }

    public var name: String? { element.attribute("Name") }
    public var validUntil: String? { element.attribute("validUntil") }
    public var cacheDuration: String? { element.attribute("cacheDuration") }
    /// Every EntityDescriptor inside, at any nesting depth, in document order.
    public var entities: [EntityDescriptor] {
        element.descendants("EntityDescriptor", namespace: XMLNamespaces.metadata).map(EntityDescriptor.init)
    }
    public var signature: XMLNode? { element.firstChild("Signature", namespace: XMLNamespaces.dsig) }
}

/// `md:IDPSSODescriptor`, `md:SPSSODescriptor` and the other role descriptors.
public struct RoleDescriptor: Sendable {
    public let element: XMLNode
    public init(_ element: XMLNode) { self.element = element }

    public var kind: String { element.localName }
    public var isIdP: Bool { element.hasLocalName("IDPSSODescriptor") }
    public var isSP: Bool { element.hasLocalName("SPSSODescriptor") }
    public var protocolSupportEnumeration: [String] {
        let value = element.attribute("protocolSupportEnumeration") ?? ""
        // ASCII without CR (every real value): split the bytes, which gives the same pieces as
        // splitting the Characters. Otherwise Characters, where "\r\n" or a space followed by a
        // combining mark is one Character and not a separator.
        if value.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            return value.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 })
                .map { String(decoding: $0, as: UTF8.self) }
        }
        return value.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init)
    }
    public var validUntil: String? { element.attribute("validUntil") }
    public var keyDescriptors: [KeyDescriptor] {
        element.children("KeyDescriptor", namespace: XMLNamespaces.metadata).map(KeyDescriptor.init)
    }
    public var singleSignOnServices: [Endpoint] { endpoints("SingleSignOnService") }
    public var singleLogoutServices: [Endpoint] { endpoints("SingleLogoutService") }
    public var assertionConsumerServices: [Endpoint] { endpoints("AssertionConsumerService") }
    public var artifactResolutionServices: [Endpoint] { endpoints("ArtifactResolutionService") }
    public var nameIDFormats: [String] {
        element.children("NameIDFormat", namespace: XMLNamespaces.metadata).map { $0.textContent.asciiTrimmed }
    }
    /// `saml:Attribute` elements an IdP declares it can release.
    public var declaredAttributes: [Attribute] {
        element.children("Attribute", namespace: XMLNamespaces.assertion).map(Attribute.init)
    }
    public var wantAuthnRequestsSigned: Bool? { element.attribute("WantAuthnRequestsSigned").map { $0 == "true" || $0 == "1" } }

    private func endpoints(_ name: String) -> [Endpoint] {
        element.children(name, namespace: XMLNamespaces.metadata).map(Endpoint.init)
    }
}

/// `md:KeyDescriptor`.
public struct KeyDescriptor: Sendable {
    public let element: XMLNode
    public init(_ element: XMLNode) { self.element = element }

    /// `signing`, `encryption`, or nil (both).
    public var use: String? { element.attribute("use") }
    public var isUsableForSigning: Bool { use == nil || use == "signing" }
    /// The `ds:X509Certificate` elements inside its KeyInfo.
    public var certificateElements: [XMLNode] { element.descendants("X509Certificate", namespace: XMLNamespaces.dsig) }
    /// Base64 DER of each certificate, whitespace removed.
    public var certificatesBase64: [String] {
        certificateElements.map { String(decoding: Base64.compact($0.textContent), as: UTF8.self) }
    }
}

/// An endpoint element (`SingleSignOnService`, `AssertionConsumerService`, ...).
public struct Endpoint: Sendable {
    public let element: XMLNode
    public init(_ element: XMLNode) { self.element = element }

    public var binding: String? { element.attribute("Binding") }
    public var location: String? { element.attribute("Location") }
    public var responseLocation: String? { element.attribute("ResponseLocation") }
    public var index: String? { element.attribute("index") }
}
