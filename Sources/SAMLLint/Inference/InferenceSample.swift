/// What inference reads of one message: its attributes (all values) and its NameID.
public struct InferenceSample: Sendable {
    public struct Attr: Sendable {
        public var name: String
        public var friendlyName: String?
        public var values: [String]
        public init(name: String, friendlyName: String?, values: [String]) {
            self.name = name
            self.friendlyName = friendlyName
            self.values = values
        }
    }

    public var attributes: [Attr]
    public var nameID: String?
    public var nameIDFormat: NameID.Format?

    public init(attributes: [Attr], nameID: String?, nameIDFormat: NameID.Format?) {
        self.attributes = attributes
        self.nameID = nameID
        self.nameIDFormat = nameIDFormat
    }

    public init(_ assertion: Assertion) {
        attributes = assertion.attributes.prefix(500).map { Attr(name: $0.name, friendlyName: $0.friendlyName, values: Array($0.values.prefix(200))) }
        let nameID = assertion.nameID
        self.nameID = nameID?.value.trimmed
        nameIDFormat = nameID?.knownFormat
    }

    public init(_ facts: MessageFacts) {
        attributes = facts.attributes.prefix(500).map { Attr(name: $0.name, friendlyName: $0.friendlyName, values: Array($0.values.prefix(200))) }
        nameID = facts.nameID
        nameIDFormat = facts.nameIDFormat.flatMap { NameID.Format(rawValue: $0) }
            ?? (facts.nameIDFormat?.hasSuffix(":emailAddress") == true ? .emailAddress : nil)
    }

    /// The first non-empty value of an attribute Name (first Attribute element of that Name).
    public func value(of name: String) -> String? {
        if name == InferredMapping.nameIDSource { return nameID.flatMap { $0.isEmpty ? nil : $0 } }
        for attribute in attributes where attribute.name == name {
            if let value = attribute.values.lazy.map(\.trimmed).first(where: { !$0.isEmpty }) { return value }
        }
        return nil
    }

    /// Each attribute Name once, in order of first appearance, with the FriendlyName of its first
    /// Attribute element and its values as `values(of:)` gives them: one pass over the attributes.
    public func valuesByName() -> [(name: String, friendlyName: String?, values: [String])] {
        var result = OrderedGroups<(name: String, friendlyName: String?, values: [String])>()
        for attribute in attributes {
            let index = result.position(of: attribute.name) { (attribute.name, attribute.friendlyName, []) }
            for value in attribute.values {
                let trimmed = value.trimmed
                if !trimmed.isEmpty { result[index].values.append(trimmed) }
            }
        }
        return result.groups
    }

    /// Every non-empty value of an attribute Name, across repeated Attribute elements.
    public func values(of name: String) -> [String] {
        var result: [String] = []
        for attribute in attributes where attribute.name == name {
            for value in attribute.values {
                let trimmed = value.trimmed
                if !trimmed.isEmpty { result.append(trimmed) }
            }
        }
        return result
    }
}
