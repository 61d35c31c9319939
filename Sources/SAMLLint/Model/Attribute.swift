import SAMLXML

/// A typed view over `saml:Attribute`. Its Name, FriendlyName and values are read once, when it
/// is made: every mapping rule reads them, and a message's attributes are made once
/// (`Assertion.attributes` keeps them).
public struct Attribute: Sendable {
    public let element: XMLNode
    public let name: String
    public let friendlyName: String?
    /// The values as text (nil values and nested elements give their text content).
    public let values: [String]

    public init(_ element: XMLNode) {
        self.element = element
        name = element.attribute("Name") ?? ""
        friendlyName = element.attribute("FriendlyName")
        values = element.children("AttributeValue", namespace: XMLNamespaces.assertion).map(\.textContent)
    }

    public var nameFormat: String? { element.attribute("NameFormat") }

    public var valueElements: [AttributeValue] {
        element.children("AttributeValue", namespace: XMLNamespaces.assertion).map(AttributeValue.init)
    }
}

/// A typed view over `saml:AttributeValue`.
public struct AttributeValue: Sendable {
    public let element: XMLNode
    public init(_ element: XMLNode) { self.element = element }

    /// The text as an application reads it (all text nodes, comments skipped).
    public var text: String { element.textContent }
    /// `xsi:type`, such as `xs:string`.
    public var xsiType: String? { element.attribute("type", namespace: XMLNamespaces.xsi) }
    /// `xsi:nil="true"`.
    public var isNil: Bool {
        let value = element.attribute("nil", namespace: XMLNamespaces.xsi)?.trimmed.lowercased()
        return value == "true" || value == "1"
    }
    /// Child elements (a NameID inside an eduPersonTargetedID value, for instance).
    public var nestedElements: [XMLNode] { element.children }
}
