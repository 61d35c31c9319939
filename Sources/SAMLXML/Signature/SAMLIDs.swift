import CLibXMLSec

/// The ID attributes of a SAML document. SAML has no DTD, so libxml2 does not know that `ID`,
/// `AssertionID` (SAML 1) and `ResponseID` are IDs; a `ds:Reference URI="#x"` resolves only once
/// they are registered with `xmlAddID`. Duplicates are kept: they are an attack by themselves
/// (ID confusion, the root of most signature-wrapping variants). `Id` (XML Signature and Encryption
/// elements, some SAML stacks) is registered too, so a Reference to it resolves and can be judged.
public struct SAMLIDs: Sendable {
    /// The attribute names treated as IDs (un-namespaced).
    public static let attributeNames: Set<String> = ["ID", "AssertionID", "ResponseID", "Id"]

    /// Every element carrying an ID attribute, by value, in document order.
    public let elementsByID: [String: [XMLNode]]

    /// IDs carried by more than one element (or more than one ID attribute).
    public var duplicates: [(id: String, elements: [XMLNode])] {
        elementsByID.filter { $0.value.count > 1 }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The single element with this ID, or nil when absent or duplicated.
    public func uniqueElement(withID id: String) -> XMLNode? {
        guard let list = elementsByID[id], list.count == 1 else { return nil }
        return list[0]
    }

    /// Whether an attribute's name is one of `attributeNames`, read in place (every attribute of
    /// every element is asked, so no String is made and nothing hashed): by its first byte, then
    /// the rest. The names are ASCII with no other canonically equivalent spelling, so bytes decide
    /// as String equality does.
    static func isIDName(_ name: UnsafePointer<xmlChar>) -> Bool {
        switch name[0] {
        case UInt8(ascii: "I"): return (name[1] == UInt8(ascii: "D") || name[1] == UInt8(ascii: "d")) && name[2] == 0
        case UInt8(ascii: "A"): return strcmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), "AssertionID") == 0
        case UInt8(ascii: "R"): return strcmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), "ResponseID") == 0
        default: return false
        }
    }

    /// Collects the IDs of `document` and registers each one with libxml2 (idempotent: an
    /// attribute already registered is left alone; the first of duplicates wins, as in xmlsec).
    public static func register(in document: XMLDocument) -> SAMLIDs {
        var table: [String: [XMLNode]] = [:]
        func walk(_ node: xmlNodePtr) {
            var child: xmlNodePtr? = node
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE {
                    var property = current.pointee.properties
                    while let attr = property {
                        if attr.pointee.ns == nil, let rawName = attr.pointee.name, isIDName(rawName),
                            let value = String(consuming: xmlNodeGetContent(UnsafeMutablePointer<xmlNode>(OpaquePointer(attr))))
                        {
                            table[value, default: []].append(XMLNode(current, in: document))
                            if attr.pointee.atype != XML_ATTRIBUTE_ID, xmlGetID(document.doc, value) == nil {
                                xmlAddID(nil, document.doc, value, attr)
                            }
                        }
                        property = attr.pointee.next
                    }
                    if let children = current.pointee.children { walk(children) }
                }
                child = current.pointee.next
            }
        }
        if let root = xmlDocGetRootElement(document.doc) { walk(root) }
        return SAMLIDs(elementsByID: table)
    }
}
