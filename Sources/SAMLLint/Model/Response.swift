import SAMLXML

/// A typed view over `samlp:Response`.
public struct Response: Sendable {
    public let element: XMLNode
    public init(_ element: XMLNode) { self.element = element }

    public var id: String? { element.attribute("ID") }
    public var destination: String? { element.attribute("Destination") }
    public var inResponseTo: String? { element.attribute("InResponseTo") }
    public var issueInstant: String? { element.attribute("IssueInstant") }
    public var issuer: String? {
        element.firstChild("Issuer", namespace: XMLNamespaces.assertion).map { $0.textContent.trimmed }
    }
    /// The top-level StatusCode value.
    public var statusCode: String? {
        element.firstChild("Status", namespace: XMLNamespaces.protocolNS)?
            .firstChild("StatusCode", namespace: XMLNamespaces.protocolNS)?.attribute("Value")
    }
    public var statusElement: XMLNode? { element.firstChild("Status", namespace: XMLNamespaces.protocolNS) }
    /// Assertions that are direct children of the Response.
    public var assertions: [Assertion] {
        element.children("Assertion", namespace: XMLNamespaces.assertion).map(Assertion.init)
    }
    public var encryptedAssertions: [XMLNode] {
        element.children("EncryptedAssertion", namespace: XMLNamespaces.assertion)
    }
    public var signature: XMLNode? { element.firstChild("Signature", namespace: XMLNamespaces.dsig) }
}
