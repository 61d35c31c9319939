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

    /// `attributeNames` as C strings: every attribute of every element is asked, so its name is
    /// compared in place (no String made, nothing hashed). The names are ASCII with no other
    /// canonically equivalent spelling, so bytes decide as String equality does.
    private static let idNames: [StaticString] = ["ID", "AssertionID", "ResponseID", "Id"]

    static func isIDName(_ name: UnsafePointer<xmlChar>) -> Bool {
        idNames.contains { candidate in
            candidate.withUTF8Buffer { expected in
                for index in 0..<expected.count where name[index] != expected[index] { return false }
                return name[expected.count] == 0
            }
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
