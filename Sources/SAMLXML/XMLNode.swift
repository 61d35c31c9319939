import CLibXMLSec

/// A node of a parsed document. Holds its document alive, so a node can outlive the code that
/// parsed it. Value type; cheap to copy.
public struct XMLNode: @unchecked Sendable, Hashable {
    let pointer: xmlNodePtr
    public let document: XMLDocument

    init(_ pointer: xmlNodePtr, in document: XMLDocument) {
        self.pointer = pointer
        self.document = document
    }

    public static func == (lhs: XMLNode, rhs: XMLNode) -> Bool { lhs.pointer == rhs.pointer }
    public func hash(into hasher: inout Hasher) { hasher.combine(pointer) }

    public enum Kind: Sendable { case element, text, comment, processingInstruction, cdata, attribute, other }

    public var kind: Kind {
        switch pointer.pointee.type {
        case XML_ELEMENT_NODE: return .element
        case XML_TEXT_NODE: return .text
        case XML_COMMENT_NODE: return .comment
        case XML_PI_NODE: return .processingInstruction
        case XML_CDATA_SECTION_NODE: return .cdata
        case XML_ATTRIBUTE_NODE: return .attribute
        default: return .other
        }
    }

    public var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }

    /// The local name (without prefix).
    public var localName: String {
        guard let name = pointer.pointee.name else { return "" }
        return String(cString: name)
    }

    /// The namespace URI, or nil for none.
    public var namespaceURI: String? {
        guard let ns = pointer.pointee.ns, let href = ns.pointee.href else { return nil }
        return String(cString: href)
    }

    /// The prefix as written, if any.
    public var prefix: String? {
        guard let ns = pointer.pointee.ns, let prefix = ns.pointee.prefix else { return nil }
        return String(cString: prefix)
    }

    public func isElement(_ localName: String, namespace: String) -> Bool {
        isElement && Self.matches(pointer, localName, namespace)
    }

    /// Whether the node's namespace URI is `uri`, compared in C without making Strings (a hot
    /// path: metadata rules ask this for every child of every role).
    public func hasNamespace(_ uri: String) -> Bool {
        guard let ns = pointer.pointee.ns, let href = ns.pointee.href else { return false }
        return uri.withCString { strcmp($0, UnsafeRawPointer(href).assumingMemoryBound(to: CChar.self)) == 0 }
    }

    /// Whether the local name is `name`, compared in C without making a String.
    public func hasLocalName(_ name: String) -> Bool {
        guard let own = pointer.pointee.name else { return false }
        return name.withCString { strcmp($0, UnsafeRawPointer(own).assumingMemoryBound(to: CChar.self)) == 0 }
    }

    /// Whether the local name ends with `suffix`, compared in C without making a String.
    public func localNameHasSuffix(_ suffix: String) -> Bool {
        guard let own = pointer.pointee.name else { return false }
        let length = Int(strlen(UnsafeRawPointer(own).assumingMemoryBound(to: CChar.self)))
        return suffix.withCString { chars in
            let count = Int(strlen(chars))
            return count <= length && memcmp(UnsafeRawPointer(own) + (length - count), chars, count) == 0
        }
    }

    static func matches(_ node: xmlNodePtr, _ localName: String, _ namespace: String) -> Bool {
        localName.withCString { name in namespace.withCString { href in matches(node, name, href) } }
    }

    /// `matches` with the name and namespace as C strings already (a walk over many elements
    /// makes them once, not once per element).
    static func matches(_ node: xmlNodePtr, _ localName: UnsafePointer<CChar>, _ namespace: UnsafePointer<CChar>) -> Bool {
        guard let name = node.pointee.name else { return false }
        guard strcmp(localName, UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self)) == 0 else { return false }
        guard let ns = node.pointee.ns, let href = ns.pointee.href else { return false }
        return strcmp(namespace, UnsafeRawPointer(href).assumingMemoryBound(to: CChar.self)) == 0
    }

    // MARK: Tree

    public var parent: XMLNode? {
        guard let parent = pointer.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
        return XMLNode(parent, in: document)
    }

    /// All child nodes (elements, text, comments, ...), in document order.
    public var childNodes: [XMLNode] {
        var result: [XMLNode] = []
        var child = pointer.pointee.children
        while let current = child {
            result.append(XMLNode(current, in: document))
            child = current.pointee.next
        }
        return result
    }

    /// Child elements, in document order.
    public var children: [XMLNode] {
        var result: [XMLNode] = []
        var child = pointer.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(XMLNode(current, in: document)) }
            child = current.pointee.next
        }
        return result
    }

    /// Child elements with a local name and namespace.
    public func children(_ localName: String, namespace: String) -> [XMLNode] {
        var result: [XMLNode] = []
        localName.withCString { name in
            namespace.withCString { href in
                var child = pointer.pointee.children
                while let current = child {
                    if current.pointee.type == XML_ELEMENT_NODE, Self.matches(current, name, href) {
                        result.append(XMLNode(current, in: document))
                    }
                    child = current.pointee.next
                }
            }
        }
        return result
    }

    public func firstChild(_ localName: String, namespace: String) -> XMLNode? {
        localName.withCString { name in
            namespace.withCString { href in
                var child = pointer.pointee.children
                while let current = child {
                    if current.pointee.type == XML_ELEMENT_NODE, Self.matches(current, name, href) {
                        return XMLNode(current, in: document)
                    }
                    child = current.pointee.next
                }
                return nil
            }
        }
    }

    /// Descendant elements (depth first, document order) with a local name and namespace.
    public func descendants(_ localName: String, namespace: String) -> [XMLNode] {
        var result: [XMLNode] = []
        localName.withCString { name in
            namespace.withCString { href in
                func walk(_ node: xmlNodePtr) {
                    var child = node.pointee.children
                    while let current = child {
                        if current.pointee.type == XML_ELEMENT_NODE {
                            if Self.matches(current, name, href) { result.append(XMLNode(current, in: document)) }
                            walk(current)
                        }
                        child = current.pointee.next
                    }
                }
                walk(pointer)
            }
        }
        return result
    }

    /// `descendants(_:namespace:)` of several names in one walk: the elements below `self` with
    /// each (local name, namespace), each list in document order.
    public func descendants(_ names: [(localName: String, namespace: String)]) -> [[XMLNode]] {
        var result = [[XMLNode]](repeating: [], count: names.count)
        // Every name and namespace as C strings in one buffer, made once for the walk.
        var strings: [CChar] = []
        var offsets: [(name: Int, href: Int)] = []
        for name in names {
            let nameOffset = strings.count
            strings += name.localName.utf8CString
            offsets.append((nameOffset, strings.count))
            strings += name.namespace.utf8CString
        }
        strings.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            let wanted = offsets.map { (base + $0.name, base + $0.href) }
            func walk(_ node: xmlNodePtr) {
                var child = node.pointee.children
                while let current = child {
                    if current.pointee.type == XML_ELEMENT_NODE {
                        for (index, name) in wanted.enumerated() where Self.matches(current, name.0, name.1) {
                            result[index].append(XMLNode(current, in: document))
                        }
                        walk(current)
                    }
                    child = current.pointee.next
                }
            }
            walk(pointer)
        }
        return result
    }

    /// Whether `self` is `other` or lies inside it.
    public func isDescendant(ofOrSameAs other: XMLNode) -> Bool {
        var node: xmlNodePtr? = pointer
        while let current = node {
            if current == other.pointer { return true }
            node = current.pointee.parent
        }
        return false
    }

    // MARK: Content

    /// An attribute without namespace (`ID`, `Name`, ...).
    public func attribute(_ name: String) -> String? {
        // One walk of the attribute list; a value that is one text node is read in place
        // (xmlHasProp + xmlGetNoNsProp walked twice and copied through malloc).
        name.withCString { wanted -> String? in
            var property = pointer.pointee.properties
            while let current = property {
                if current.pointee.ns == nil, let local = current.pointee.name,
                    strcmp(UnsafeRawPointer(local).assumingMemoryBound(to: CChar.self), wanted) == 0
                {
                    guard let child = current.pointee.children else { return "" }
                    if child.pointee.next == nil, child.pointee.type == XML_TEXT_NODE, let content = child.pointee.content {
                        return String(cString: UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))
                    }
                    return String(consuming: xmlNodeGetContent(UnsafeMutablePointer<xmlNode>(OpaquePointer(current)))) ?? ""
                }
                property = current.pointee.next
            }
            return nil
        }
    }

    /// Calls `body` with the UTF-8 bytes of an attribute without namespace, read in place when
    /// libxml2 holds the value as one text node (as `attribute(_:)` does); nil when absent.
    public func withAttributeBytes<T>(_ name: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T? {
        guard let property = xmlHasProp(pointer, name) else { return nil }
        if property.pointee.type == XML_ATTRIBUTE_NODE, property.pointee.ns == nil, let text = property.pointee.children,
            text.pointee.next == nil, text.pointee.type == XML_TEXT_NODE, let content = text.pointee.content
        {
            return body(UnsafeBufferPointer(start: content, count: strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))))
        }
        guard let value = attribute(name) else { return nil }
        var copy = value
        return copy.withUTF8 { body($0) }
    }

    /// An attribute in a namespace (`xsi:type`).
    public func attribute(_ name: String, namespace: String) -> String? {
        String(consuming: xmlGetNsProp(pointer, name, namespace))
    }

    /// All attributes as (namespace, local name, value), in document order.
    public var attributes: [(namespace: String?, name: String, value: String)] {
        var result: [(String?, String, String)] = []
        var property = pointer.pointee.properties
        while let current = property {
            let name = current.pointee.name.map { String(cString: $0) } ?? ""
            let ns = current.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) }
            let value = String(consuming: xmlNodeGetContent(UnsafeMutablePointer<xmlNode>(OpaquePointer(current)))) ?? ""
            result.append((ns, name, value))
            property = current.pointee.next
        }
        return result
    }

    /// The concatenated text of the node and its descendants (what `xmlNodeGetContent` returns).
    public var textContent: String {
        String(consuming: xmlNodeGetContent(pointer)) ?? ""
    }

    /// Whether a comment or processing instruction sits between pieces of this element's own text:
    /// the CVE-2017-11427 family, where libraries that read only the first text node see a prefix.
    public var hasTextSplitByCommentOrPI: Bool {
        var sawText = false
        var sawSplitter = false
        var child = pointer.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if sawSplitter { return true }
                sawText = true
            case XML_COMMENT_NODE, XML_PI_NODE:
                if sawText { sawSplitter = true } else { sawSplitter = true }
            default:
                break
            }
            child = current.pointee.next
        }
        return false
    }

    /// Whether the element contains a comment or processing instruction among its direct children.
    /// Whether a comment or processing instruction lies anywhere below this node (a walk over the
    /// tree that builds nothing).
    public var hasCommentOrPIBelow: Bool {
        func walk(_ node: xmlNodePtr) -> Bool {
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_COMMENT_NODE || current.pointee.type == XML_PI_NODE { return true }
                if current.pointee.type == XML_ELEMENT_NODE, walk(current) { return true }
                child = current.pointee.next
            }
            return false
        }
        return walk(pointer)
    }

    public var containsCommentOrPI: Bool {
        var child = pointer.pointee.children
        while let current = child {
            if current.pointee.type == XML_COMMENT_NODE || current.pointee.type == XML_PI_NODE { return true }
            child = current.pointee.next
        }
        return false
    }

    // MARK: Location

    /// 1-based line of the start tag's `<`.
    public var line: Int { document.location(of: pointer).line }
    /// 1-based column (UTF-16 code units) of the start tag's `<`.
    public var column: Int { document.location(of: pointer).column }
    public var position: (line: Int, column: Int) { document.location(of: pointer) }

    /// A readable path from the root such as
    /// `Response/Assertion/AttributeStatement/Attribute[@Name='mail']`.
    public var readablePath: String {
        // The elements from the root down, then their steps appended into one string.
        var chain: [xmlNodePtr] = []
        var node: xmlNodePtr? = pointer
        while let current = node, current.pointee.type == XML_ELEMENT_NODE {
            chain.append(current)
            node = current.pointee.parent
        }
        var path = ""
        for (position, current) in chain.reversed().enumerated() {
            if position > 0 { path += "/" }
            path += XMLNode(current, in: document).pathStep
        }
        return path
    }

    /// This element's own step of `readablePath` (`Attribute[@Name='mail']`, `Assertion[2]`).
    public var pathStep: String {
        let name = localName
        if name == "Attribute", let attributeName = attribute("Name") {
            return "Attribute[@Name='\(attributeName)']"
        }
        if name == "EntityDescriptor", let entityID = attribute("entityID") {
            return "EntityDescriptor[@entityID='\(entityID)']"
        }
        guard let parent = pointer.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return name }
        var index = 0
        var total = 0
        var sibling = parent.pointee.children
        while let current = sibling {
            if current.pointee.type == XML_ELEMENT_NODE, let siblingName = current.pointee.name,
                xmlStrEqual(siblingName, pointer.pointee.name) != 0
            {
                total += 1
                if current == pointer { index = total }
            }
            sibling = current.pointee.next
        }
        return total > 1 ? "\(name)[\(index)]" : name
    }
}
