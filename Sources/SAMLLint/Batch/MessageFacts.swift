import SAMLXML

/// What the batch phase (consistency rules, mapping inference, reconciliation) needs from one
/// message, copied out during the per-message pass so parsed documents are not kept alive.
///
/// A class, read-only once made: the batch phase groups and filters every message's facts, and a
/// copy of the struct retained each of its strings (the serial part of a folder's batch phase).
public final class MessageFacts: Sendable {
    public struct Place: Sendable, Hashable {
        public var line: Int
        public var column: Int
        public var xpath: String
    }

    public struct AttributeFacts: Sendable {
        public var name: String
        public var friendlyName: String?
        public var values: [String]
        public var place: Place
    }

    public let path: String
    public let messageIndex: Int
    public let origin: String?
    public let kind: MessageKind
    public let issuer: String?
    public let nameID: String?
    public let nameIDFormat: String?
    public let nameIDPlace: Place?
    public let assertionPlace: Place?
    /// Attributes of the assertion that is read, in document order (repeated Names kept).
    public let attributes: [AttributeFacts]
    public let profile: Profile?

    init(message: SAMLMessage, path: String, messageIndex: Int, origin: String?) {
        self.path = path
        self.messageIndex = messageIndex
        self.origin = origin
        self.kind = message.kind
        self.issuer = message.issuer
        self.profile = message.profile
        let assertion = message.assertions.first
        self.assertionPlace = assertion.map { Self.place($0.element) }
        let nameID = assertion?.nameID
        self.nameID = nameID?.value.trimmed
        self.nameIDFormat = nameID?.format
        self.nameIDPlace = nameID.map { Self.place($0.element) }
        // Attributes share their parent (the AttributeStatement): its path is built once per run of
        // attributes under the same parent (they come in document order).
        var lastParent: (node: XMLNode, path: String)?
        self.attributes = (assertion?.attributes ?? []).map { attribute in
            let element = attribute.element
            let position = element.position
            let xpath: String
            if let parent = element.parent {
                let parentPath: String
                if let lastParent, lastParent.node == parent {
                    parentPath = lastParent.path
                } else {
                    parentPath = parent.readablePath
                    lastParent = (parent, parentPath)
                }
                xpath = Self.attributePath(under: parentPath, attribute)
            } else {
                xpath = element.readablePath
            }
            return AttributeFacts(
                name: attribute.name, friendlyName: attribute.friendlyName, values: attribute.values,
                place: Place(line: position.line, column: position.column, xpath: xpath))
        }
    }

    /// `parentPath/` and the Attribute's `readablePath` step, written at once when the Name is known
    /// (a non-empty `name` is the Name attribute as written: the step `pathStep` would make).
    static func attributePath(under parentPath: String, _ attribute: Attribute) -> String {
        guard !attribute.name.isEmpty else { return parentPath + "/" + attribute.element.pathStep }
        var path = ""
        path.reserveCapacity(parentPath.utf8.count + attribute.name.utf8.count + 18)
        path += parentPath
        path += "/Attribute[@Name='"
        path += attribute.name
        path += "']"
        return path
    }

    static func place(_ node: XMLNode) -> Place {
        let position = node.position
        return Place(line: position.line, column: position.column, xpath: node.readablePath)
    }

    /// The connection a message belongs to: its Issuer.
    public var connection: String { issuer ?? "(no issuer)" }
}
