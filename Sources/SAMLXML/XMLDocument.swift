import CLibXMLSec
import Foundation

/// Limits applied while parsing hostile input.
public struct XMLParseLimits: Sendable, Equatable {
    /// Largest input accepted, in bytes.
    public var maxBytes: Int
    /// Deepest element nesting accepted. libxml2 refuses more than 256 levels on its own as well.
    public var maxDepth: Int
    /// Most attributes (namespace declarations included) on one element: libxml2 2.9's duplicate
    /// check is quadratic in them, so a tag with more is refused before libxml2 reads it.
    public var maxAttributesPerElement: Int
    /// Most namespace declarations in scope at one element: xmlsec1 registers every one in scope of
    /// a signature for each Reference, and canonicalization sorts them, both quadratic in them.
    public var maxNamespacesInScope: Int

    public init(maxBytes: Int = 16 * 1024 * 1024, maxDepth: Int = 128, maxAttributesPerElement: Int = 1024, maxNamespacesInScope: Int = 256) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxAttributesPerElement = maxAttributesPerElement
        self.maxNamespacesInScope = maxNamespacesInScope
    }
}

/// A parsed XML document that owns its libxml2 tree. Parsing is hostile-input safe: no network, no
/// DTD loading, no entity substitution, no XInclude, and any DOCTYPE is refused before its internal
/// subset is read. Every element remembers the byte offset of its start tag, so locations are exact
/// (libxml2's own line numbers point at the end of the start tag).
public final class XMLDocument: @unchecked Sendable {
    let doc: xmlDocPtr
    /// The bytes the document was parsed from (UTF-8 in practice), kept for line and column lookups.
    public let source: [UInt8]
    /// Offsets where lines start, counted on the first location asked for (most documents of an
    /// aggregate are never asked). Under a lock: a document may be read from several threads.
    private var lineStartsStorage: [Int]?
    private let lineStartsLock = NSLock()
    /// The last column answered: its line start, its offset and the UTF-16 units between them.
    private var columnCursor: (lineStart: Int, offset: Int, units: Int)?
    private var lineStarts: [Int] {
        lineStartsLock.lock()
        defer { lineStartsLock.unlock() }
        if let lineStartsStorage { return lineStartsStorage }
        let starts = Self.lineStarts(of: source)
        lineStartsStorage = starts
        return starts
    }
    /// Offsets are only meaningful when the parser read the original bytes unconverted.
    private let offsetsAreSourceBytes: Bool
    private var xpathContext: OpaquePointer?
    /// Where these bytes sit in a larger file they were cut from (streamed aggregates), if anywhere.
    public private(set) var sourceMap: SourceMap?

    private init(doc: xmlDocPtr, source: [UInt8], offsetsAreSourceBytes: Bool) {
        self.doc = doc
        self.source = source
        self.offsetsAreSourceBytes = offsetsAreSourceBytes
    }

    private static func lineStarts(of source: [UInt8]) -> [Int] {
        var starts = [0]
        starts.reserveCapacity(source.count / 40 + 1)
        source.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var cursor = 0
            while cursor < buffer.count, let hit = memchr(base + cursor, 0x0A, buffer.count - cursor) {
                let index = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                starts.append(index + 1)
                cursor = index + 1
            }
        }
        return starts
    }

    deinit {
        if let xpathContext { xmlXPathFreeContext(UnsafeMutablePointer(xpathContext)) }
        xmlFreeDoc(doc)
    }

    /// The document element.
    public var root: XMLNode? {
        guard let node = xmlDocGetRootElement(doc) else { return nil }
        return XMLNode(node, in: self)
    }

    // MARK: Parsing

    /// Parses `bytes` safely. `url` only names the document in libxml2's own messages.
    public static func parse(
        _ bytes: [UInt8], url: String = "input.xml", limits: XMLParseLimits = XMLParseLimits()
    ) throws(XMLParseError) -> XMLDocument {
        try parse(bytes, url: url, limits: limits, sourceMap: nil)
    }

    /// Parses a fragment cut from a larger file; locations are reported in that file's lines and
    /// columns through `sourceMap` (errors too).
    ///
    /// `reuseParser`: parse with this thread's parser context, kept from the previous parse (its
    /// allocation and name dictionary are a visible share of parsing thousands of small entities).
    /// The document then shares that context's name dictionary, which libxml2 does not lock: only
    /// for callers that use and free the document on the calling thread (streamed aggregate pieces).
    public static func parse(
        _ bytes: [UInt8], url: String = "input.xml", limits: XMLParseLimits = XMLParseLimits(), sourceMap: SourceMap?,
        reuseParser: Bool = false
    ) throws(XMLParseError) -> XMLDocument {
        guard let sourceMap else { return try parseUnmapped(bytes, url: url, limits: limits, reuseParser: reuseParser) }
        do {
            let document = try parseUnmapped(bytes, url: url, limits: limits, reuseParser: reuseParser)
            document.sourceMap = sourceMap
            return document
        } catch {
            throw sourceMap.shift(error)
        }
    }

    private static func parseUnmapped(
        _ bytes: [UInt8], url: String, limits: XMLParseLimits, reuseParser: Bool = false
    ) throws(XMLParseError) -> XMLDocument {
        LibXML.ensureInitialized()
        if bytes.count > limits.maxBytes { throw .tooLarge(bytes: bytes.count, limit: limits.maxBytes) }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw .empty }
        guard bytes.count < Int(Int32.max) else { throw .tooLarge(bytes: bytes.count, limit: Int(Int32.max)) }

        if let crowded = CrowdedStartTags.first(in: bytes, limit: limits.maxAttributesPerElement) {
            throw .overLimit(
                message: "a start tag with more than \(limits.maxAttributesPerElement) attributes and namespace declarations (libxml2 takes time quadratic in them)",
                line: crowded.line, column: crowded.column)
        }

        let reused = reuseParser ? ParserContexts.take() : nil
        guard let ctxt = reused?.ctxt ?? xmlNewParserCtxt() else {
            throw .malformed(message: "libxml2 could not allocate a parser", line: 1, column: 1)
        }
        // A context goes back for reuse only after a clean parse (below).
        var keep = false
        defer {
            ctxt.pointee._private = nil
            if keep { ParserContexts.give(ctxt, uses: reused?.uses ?? 0) } else { xmlFreeParserCtxt(ctxt) }
        }

        let state = ParseState(maxDepth: limits.maxDepth, maxNamespacesInScope: limits.maxNamespacesInScope)
        let unmanaged = Unmanaged.passRetained(state)
        defer { unmanaged.release() }
        ctxt.pointee._private = unmanaged.toOpaque()
        // The handlers live in the context's own SAX block, which xmlCtxtReset leaves alone.
        if reused == nil { installHandlers(on: ctxt) }

        let options: [xmlParserOption] = [
            XML_PARSE_NONET, XML_PARSE_NOERROR, XML_PARSE_NOWARNING, XML_PARSE_BIG_LINES,
            XML_PARSE_NOCDATA, XML_PARSE_NOXINCNODE,
        ]
        let raw = options.reduce(UInt32(0)) { $0 | $1.rawValue }
        let parsed: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                xmlCtxtReadMemory(ctxt, chars.baseAddress, Int32(chars.count), url, nil, Int32(bitPattern: raw))
            }
        }

        if let doctype = state.doctype {
            if let parsed { xmlFreeDoc(parsed) }
            if let offset = state.doctypeOffset, offset < bytes.count, !looksLikeUTF16(bytes) {
                let (line, column) = Self.lineAndColumn(of: offset, in: bytes)
                throw .doctypeRefused(line: line, column: column)
            }
            throw .doctypeRefused(line: doctype.line, column: doctype.column)
        }
        if let tooDeep = state.tooDeepAt {
            if let parsed { xmlFreeDoc(parsed) }
            throw .malformed(
                message: "elements nested deeper than \(limits.maxDepth) levels", line: tooDeep.line,
                column: tooDeep.column)
        }
        if let crowded = state.tooManyNamespacesAt {
            if let parsed { xmlFreeDoc(parsed) }
            throw .overLimit(
                message: "more than \(limits.maxNamespacesInScope) namespace declarations in scope (signature checking and canonicalization take time quadratic in them)",
                line: crowded.line, column: crowded.column)
        }
        if let error = state.firstError {
            if let parsed { xmlFreeDoc(parsed) }
            throw .malformed(message: error.message, line: error.line, column: error.column)
        }
        guard let parsed, ctxt.pointee.wellFormed != 0 else {
            if let parsed { xmlFreeDoc(parsed) }
            throw .malformed(message: "not well-formed", line: 1, column: 1)
        }
        keep = reuseParser
        let utf8 = !looksLikeUTF16(bytes) && !declaresNonUTF8Encoding(bytes)
        return XMLDocument(doc: parsed, source: bytes, offsetsAreSourceBytes: utf8)
    }

    // MARK: Locations

    /// 1-based line and column (in UTF-16 code units, as SARIF counts them) of a byte offset.
    /// UTF-16 code units of the text `bytes` decode to: one per byte for ASCII (nearly always),
    /// else counted on the decoded string (which also counts repaired bytes as Strings do).
    private static func utf16Count(_ bytes: ArraySlice<UInt8>) -> Int {
        if bytes.allSatisfy({ $0 < 0x80 }) { return bytes.count }
        return String(decoding: bytes, as: UTF8.self).utf16.count
    }

    public func lineAndColumn(ofOffset offset: Int) -> (line: Int, column: Int) {
        let lineStarts = self.lineStarts
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let start = lineStarts[low]
        let end = min(offset, source.count)
        guard start < end else { return (low + 1, 1) }
        // Locations are mostly asked in document order: on the same line, count on from the last
        // answer instead of from the line start (a million attributes on one line stay linear).
        // Offsets are start tags (`<`, never inside a UTF-8 sequence), so counts add up exactly.
        lineStartsLock.lock()
        let last = columnCursor
        lineStartsLock.unlock()
        var units: Int
        if let last, last.lineStart == start, last.offset <= end {
            units = last.units + Self.utf16Count(source[last.offset..<end])
        } else {
            units = Self.utf16Count(source[start..<end])
        }
        lineStartsLock.lock()
        columnCursor = (start, end, units)
        lineStartsLock.unlock()
        return (low + 1, units + 1)
    }

    static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let prefix = String(decoding: bytes[lineStart..<min(offset, bytes.count)], as: UTF8.self)
        return (line, prefix.utf16.count + 1)
    }

    func location(of node: xmlNodePtr) -> (line: Int, column: Int) {
        if offsetsAreSourceBytes, let raw = node.pointee._private {
            let offset = Int(bitPattern: raw) - 1
            if let sourceMap { return sourceMap.position(of: offset, in: self) }
            return lineAndColumn(ofOffset: offset)
        }
        if let sourceMap { return (sourceMap.line + Int(xmlGetLineNo(node)) - 1, 1) }
        return (Int(xmlGetLineNo(node)), 1)
    }

    // MARK: XPath

    func withXPathContext<T>(_ body: (xmlXPathContextPtr) -> T) -> T {
        if xpathContext == nil, let context = xmlXPathNewContext(doc) {
            for (prefix, uri) in XMLNamespaces.prefixes {
                xmlXPathRegisterNs(context, prefix, uri)
            }
            xpathContext = OpaquePointer(context)
        }
        return body(UnsafeMutablePointer(xpathContext!))
    }

    /// Elements (or other nodes) an XPath 1.0 expression selects, evaluated from `node` or the
    /// document. The prefixes in `XMLNamespaces.prefixes` are registered.
    public func select(_ expression: String, from node: XMLNode? = nil) -> [XMLNode] {
        withXPathContext { context in
            let object: xmlXPathObjectPtr?
            if let node {
                object = xmlXPathNodeEval(node.pointer, expression, context)
            } else {
                context.pointee.node = nil
                object = xmlXPathEvalExpression(expression, context)
            }
            guard let object else { return [] }
            defer { xmlXPathFreeObject(object) }
            let set = object.pointee.nodesetval
            let count = clibxml2_nodeset_count(set)
            var result: [XMLNode] = []
            result.reserveCapacity(Int(count))
            for index in 0..<count {
                if let item = clibxml2_nodeset_item(set, index) { result.append(XMLNode(item, in: self)) }
            }
            return result
        }
    }

    static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 2 else { return false }
        return (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)
            || bytes[0] == 0 || bytes[1] == 0
    }

    static func declaresNonUTF8Encoding(_ bytes: [UInt8]) -> Bool {
        guard bytes.starts(with: Array("<?xml".utf8)) else { return false }
        let head = Array(bytes.prefix(200))
        guard let declEnd = firstIndex(of: Array("?>".utf8), in: head),
            let enc = firstIndex(of: Array("encoding".utf8), in: head), enc < declEnd
        else { return false }
        let rest = String(decoding: head[enc..<declEnd], as: UTF8.self).lowercased()
        return !(rest.containsFoundationEquivalent("utf-8") || rest.containsFoundationEquivalent("utf8") || rest.containsFoundationEquivalent("us-ascii"))
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start..<start + needle.count].elementsEqual(needle) {
            return start
        }
        return nil
    }
}

/// One parser context per thread, reused from parse to parse (`XMLDocument.parse(reuseParser:)`).
/// xmlCtxtReadMemory resets a context before each parse, as it does a fresh one; what carries
/// over is the allocation, the SAX handlers and the name dictionary. A context is replaced after
/// a number of parses or when its dictionary has grown (hostile input with endless distinct
/// names), and freed with its thread.
enum ParserContexts {
    static let maxUses = 4096
    static let maxDictionaryEntries = 20_000

    private final class Slot {
        let ctxt: xmlParserCtxtPtr
        let uses: Int
        init(_ ctxt: xmlParserCtxtPtr, uses: Int) {
            self.ctxt = ctxt
            self.uses = uses
        }
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { raw in
            guard let raw else { return }
            xmlFreeParserCtxt(Unmanaged<Slot>.fromOpaque(raw).takeRetainedValue().ctxt)
        }
        return key
    }()

    /// Takes this thread's context out (the caller owns it until `give`), if it has one still
    /// fit for use.
    static func take() -> (ctxt: xmlParserCtxtPtr, uses: Int)? {
        guard let raw = pthread_getspecific(key) else { return nil }
        pthread_setspecific(key, nil)
        let slot = Unmanaged<Slot>.fromOpaque(raw).takeRetainedValue()
        let dictionary = slot.ctxt.pointee.dict.map { Int(xmlDictSize($0)) } ?? 0
        if slot.uses >= maxUses || dictionary > maxDictionaryEntries {
            xmlFreeParserCtxt(slot.ctxt)
            return nil
        }
        return (slot.ctxt, slot.uses)
    }

    /// Hands a context back after a clean parse, as this thread's context.
    static func give(_ ctxt: xmlParserCtxtPtr, uses: Int) {
        if let raw = pthread_getspecific(key) {
            xmlFreeParserCtxt(Unmanaged<Slot>.fromOpaque(raw).takeRetainedValue().ctxt)
        }
        pthread_setspecific(key, Unmanaged.passRetained(Slot(ctxt, uses: uses + 1)).toOpaque())
    }
}

/// Namespace prefixes available to every XPath expression.
public enum XMLNamespaces {
    public static let assertion = "urn:oasis:names:tc:SAML:2.0:assertion"
    public static let protocolNS = "urn:oasis:names:tc:SAML:2.0:protocol"
    public static let metadata = "urn:oasis:names:tc:SAML:2.0:metadata"
    public static let dsig = "http://www.w3.org/2000/09/xmldsig#"
    public static let xmlenc = "http://www.w3.org/2001/04/xmlenc#"
    public static let xsi = "http://www.w3.org/2001/XMLSchema-instance"
    public static let mdattr = "urn:oasis:names:tc:SAML:metadata:attribute"
    public static let mdui = "urn:oasis:names:tc:SAML:metadata:ui"
    public static let mdrpi = "urn:oasis:names:tc:SAML:metadata:rpi"
    public static let shibmd = "urn:mace:shibboleth:metadata:1.0"
    public static let saml1 = "urn:oasis:names:tc:SAML:1.0:assertion"
    public static let saml1p = "urn:oasis:names:tc:SAML:1.0:protocol"

    public static let prefixes: [(String, String)] = [
        ("saml", assertion), ("samlp", protocolNS), ("md", metadata), ("ds", dsig), ("xenc", xmlenc),
        ("xsi", xsi), ("mdattr", mdattr), ("mdui", mdui), ("mdrpi", mdrpi), ("shibmd", shibmd),
        ("saml1", saml1), ("saml1p", saml1p),
    ]
}
