/// Streams a metadata aggregate (`md:EntitiesDescriptor`) one `EntityDescriptor` at a time, so
/// memory stays bounded by the largest entity, not by the aggregate.
///
/// A light byte scanner follows the outer structure (comments, CDATA, processing instructions,
/// quoted attribute values, start and end tags, namespace declarations) and cuts out each
/// EntityDescriptor with the namespace declarations of its ancestors copied onto its start tag.
/// Each piece is then parsed by `XMLDocument.parse` with all its protections (no DTD, no
/// entities, no network, size and depth caps) and a `SourceMap`, so locations are the lines and
/// columns of the original file. A DOCTYPE anywhere is refused.
public final class AggregateStream {
    /// One piece to parse: an EntityDescriptor, or the start tag of an EntitiesDescriptor (made
    /// self-closing, so its attributes can be read).
    public struct Piece: Sendable {
        public enum Kind: Sendable { case entitiesDescriptor, entityDescriptor }
        public var kind: Kind
        public var bytes: [UInt8]
        public var sourceMap: SourceMap
        /// The `entityID` (or `Name`) attribute as read from the start tag.
        public var identifier: String?
        /// Nesting depth of EntitiesDescriptors around it (0 for the root aggregate's own start tag).
        public var depth: Int
    }

    private let window: ByteWindow
    private let maxPieceBytes: Int
    private let maxDepth: Int
    private var pos = 0
    /// Open outer elements: qualified name and their namespace declarations.
    private var stack: [(name: String, namespaces: [(prefix: String, raw: String)])] = []
    /// `inheritedDeclarations` for the open ancestors, while they stay the same (reset whenever
    /// an element is opened or closed outside entities).
    private var inheritedCache: (depth: Int, bytes: [UInt8])?
    private var rootClosed = false
    private var sawRoot = false
    public private(set) var entitiesDescriptors = 0

    public init(bytes: [UInt8], maxPieceBytes: Int = 16 << 20, maxDepth: Int = 128) {
        window = ByteWindow(bytes: bytes)
        self.maxPieceBytes = maxPieceBytes
        self.maxDepth = maxDepth
    }

    /// Streams a file, read `chunkSize` bytes at a time.
    public init?(path: String, maxPieceBytes: Int = 16 << 20, maxDepth: Int = 128, chunkSize: Int = 4 << 20) {
        guard let window = ByteWindow(path: path, chunkSize: max(chunkSize, 64)) else { return nil }
        self.window = window
        self.maxPieceBytes = maxPieceBytes
        self.maxDepth = maxDepth
    }

    /// Streams bytes already read from `descriptor` (standard input, say) followed by the rest of it.
    public init(prefix: [UInt8], descriptor: Int32, maxPieceBytes: Int = 16 << 20, maxDepth: Int = 128) {
        window = ByteWindow(prefix: prefix, descriptor: descriptor)
        self.maxPieceBytes = maxPieceBytes
        self.maxDepth = maxDepth
    }

    /// Whether `prefix` (the first bytes of an input) is UTF-8 XML whose root element is an
    /// EntitiesDescriptor, without a DOCTYPE (those go to the ordinary parser, which refuses them).
    public static func isAggregate(prefix: some Collection<UInt8>) -> Bool {
        // Read in place when the bytes are contiguous (every file is asked: no 64 KB copy each).
        if let answer = prefix.withContiguousStorageIfAvailable({ isAggregate(head: $0[..<min($0.count, 64 * 1024)]) }) {
            return answer
        }
        return Array(prefix.prefix(64 * 1024)).withUnsafeBufferPointer { isAggregate(head: $0[...]) }
    }

    private static func isAggregate(head: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let bytes = head.starts(with: [0xEF, 0xBB, 0xBF]) ? UnsafeBufferPointer(rebasing: head.dropFirst(3)) : UnsafeBufferPointer(rebasing: head)
        var index = 0
        // The declarations (`<?...?>`) before the root: their encoding matters only when the root
        // is an EntitiesDescriptor (any other root answers no), so they are read then.
        var declarations: [Range<Int>] = []
        func skip(past needle: String) -> Bool {
            let n = Array(needle.utf8)
            while index + n.count <= bytes.count {
                if bytes[index..<index + n.count].elementsEqual(n) { index += n.count; return true }
                index += 1
            }
            return false
        }
        while index < bytes.count {
            let byte = bytes[index]
            if StartTag.isSpace(byte) { index += 1; continue }
            guard byte == UInt8(ascii: "<"), index + 1 < bytes.count else { return false }
            let next = bytes[index + 1]
            if next == UInt8(ascii: "?") {
                let declStart = index
                guard skip(past: "?>") else { return false }
                declarations.append(declStart..<index)
                continue
            }
            if next == UInt8(ascii: "!") {
                guard bytes[index...].starts(with: Array("<!--".utf8)), skip(past: "-->") else { return false }
                continue
            }
            var end = index + 1
            while end < bytes.count, !StartTag.isNameEnd(bytes[end]) { end += 1 }
            let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
            guard name == "EntitiesDescriptor" || name.hasSuffix(":EntitiesDescriptor") else { return false }
            for range in declarations {
                let decl = String(decoding: bytes[range], as: UTF8.self).lowercased()
                if decl.hasPrefix("<?xml "), let rest = afterEncoding(decl) {
                    if !(rest.containsFoundationEquivalent("utf-8") || rest.containsFoundationEquivalent("utf8") || rest.containsFoundationEquivalent("us-ascii")) { return false }
                }
            }
            return true
        }
        return false
    }

    /// What follows the first "encoding" in a lowercased XML declaration (a byte search when the
    /// declaration is ASCII, as it nearly always is; Foundation's otherwise, as before).
    private static func afterEncoding(_ decl: String) -> String? {
        if decl.utf8.allSatisfy({ $0 < 0x80 }) {
            guard let offset = decl.asciiOffset(of: "encoding") else { return nil }
            return String(decl[decl.utf8.index(decl.utf8.startIndex, offsetBy: offset + 8)...])
        }
        guard let range = decl.range(of: "encoding") else { return nil }
        return String(decl[range.upperBound...])
    }

    /// The next piece, or nil at the end of a well-formed aggregate.
    public func next() throws(XMLParseError) -> Piece? {
        while true {
            window.keepFrom = pos
            guard let lt = try window.find(UInt8(ascii: "<"), from: pos) else {
                if let open = stack.last {
                    let (line, column) = window.position(of: window.end)
                    throw .malformed(message: "end of input inside <\(open.name)>", line: line, column: column)
                }
                if !sawRoot { throw .empty }
                return nil
            }
            window.keepFrom = lt
            guard let second = try window.byte(at: lt + 1) else { throw malformed("'<' at the end of the input", at: lt) }
            switch second {
            case UInt8(ascii: "!"):
                pos = try skipMarkupDeclaration(at: lt, insideRoot: sawRoot)
            case UInt8(ascii: "?"):
                guard let end = try window.find(Array("?>".utf8), from: lt + 2) else { throw malformed("unterminated processing instruction", at: lt) }
                pos = end + 2
            case UInt8(ascii: "/"):
                guard let gt = try window.find(UInt8(ascii: ">"), from: lt) else { throw malformed("unterminated end tag", at: lt) }
                let name = String(decoding: window.bytes(lt + 2, gt), as: UTF8.self).filter { !$0.isWhitespace }
                inheritedCache = nil
                guard let open = stack.popLast() else { throw malformed("end tag </\(name)> without a start tag", at: lt) }
                guard open.name == name else { throw malformed("end tag </\(name)> does not match <\(open.name)>", at: lt) }
                if stack.isEmpty { rootClosed = true }
                pos = gt + 1
            default:
                let gt = try endOfStartTag(lt)
                let tag = StartTag(window.bytes(lt, gt + 1))
                if rootClosed { throw malformed("content after the end of the root element", at: lt) }
                if !sawRoot, tag.localName != "EntitiesDescriptor" {
                    throw malformed("the root element is <\(tag.qualifiedName)>, not an EntitiesDescriptor", at: lt)
                }
                sawRoot = true
                if tag.localName == "EntityDescriptor" {
                    let end = tag.selfClosing ? gt + 1 : try endOfElement(openedAt: lt, contentFrom: gt + 1)
                    pos = end
                    return piece(.entityDescriptor, tag: tag, from: lt, to: end)
                }
                pos = gt + 1
                if stack.count >= maxDepth { throw malformed("elements nested deeper than \(maxDepth) levels", at: lt) }
                let isEntities = tag.localName == "EntitiesDescriptor"
                var result: Piece?
                if isEntities {
                    result = piece(.entitiesDescriptor, tag: tag, from: lt, to: gt + 1)
                    entitiesDescriptors += 1
                }
                if !tag.selfClosing {
                    inheritedCache = nil
                    stack.append((tag.qualifiedName, tag.namespaceDeclarations))
                } else if stack.isEmpty {
                    rootClosed = true
                }
                if let result { return result }
            }
        }
    }

    // MARK: Pieces

    private func piece(_ kind: Piece.Kind, tag: StartTag, from start: Int, to end: Int) -> Piece {
        let (line, column) = window.position(of: start)
        let insertion = inheritedDeclarations(minus: tag.namespaceDeclarations)
        let source = window.bytes(start, end)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(source.count + insertion.count + 1)
        bytes.append(contentsOf: source.prefix(tag.nameEnd))
        bytes.append(contentsOf: insertion)
        bytes.append(contentsOf: source.dropFirst(tag.nameEnd))
        if kind == .entitiesDescriptor, !tag.selfClosing {
            bytes.insert(UInt8(ascii: "/"), at: bytes.count - 1)
        }
        let identifier = kind == .entityDescriptor ? tag.attributes["entityID"] : tag.attributes["Name"]
        return Piece(
            kind: kind, bytes: bytes,
            sourceMap: SourceMap(line: line, column: column, insertedAt: tag.nameEnd, insertedLength: insertion.count),
            identifier: identifier, depth: stack.count)
    }

    /// The namespace declarations in scope from the ancestors (innermost wins), minus those the
    /// tag makes itself, as the bytes to insert after its name. The usual case (an entity that
    /// declares nothing itself) is worked out once per set of open ancestors.
    private func inheritedDeclarations(minus own: [(prefix: String, raw: String)]) -> [UInt8] {
        if own.isEmpty, let cached = inheritedCache, cached.depth == stack.count { return cached.bytes }
        var declared = Set(own.map(\.prefix))
        var inserted: [String] = []
        for level in stack.reversed() {
            for declaration in level.namespaces where !declared.contains(declaration.prefix) {
                declared.insert(declaration.prefix)
                inserted.append(declaration.raw)
            }
        }
        let bytes = inserted.isEmpty ? [] : Array((" " + inserted.joined(separator: " ")).utf8)
        if own.isEmpty { inheritedCache = (stack.count, bytes) }
        return bytes
    }

    // MARK: Scanning

    private func malformed(_ message: String, at offset: Int) -> XMLParseError {
        let (line, column) = window.position(of: max(offset, window.keepFrom))
        return .malformed(message: message, line: line, column: column)
    }

    /// Skips `<!-- -->` and `<![CDATA[ ]]>`; refuses `<!DOCTYPE` and any other declaration.
    private func skipMarkupDeclaration(at lt: Int, insideRoot: Bool) throws(XMLParseError) -> Int {
        if try window.startsWith(Array("<!--".utf8), at: lt) {
            guard let end = try window.find(Array("-->".utf8), from: lt + 4) else { throw malformed("unterminated comment", at: lt) }
            return end + 3
        }
        if insideRoot, try window.startsWith(Array("<![CDATA[".utf8), at: lt) {
            guard let end = try window.find(Array("]]>".utf8), from: lt + 9) else { throw malformed("unterminated CDATA section", at: lt) }
            return end + 3
        }
        let (line, column) = window.position(of: lt)
        if try window.startsWith(Array("<!DOCTYPE".utf8), at: lt) { throw .doctypeRefused(line: line, column: column) }
        throw .malformed(message: "unexpected markup declaration", line: line, column: column)
    }

    /// The offset of the `>` closing the start tag that begins at `lt` (quoted `>` skipped).
    private func endOfStartTag(_ lt: Int) throws(XMLParseError) -> Int {
        var index = lt + 1
        var quote: UInt8 = 0
        while true {
            if index >= window.end {
                if try !window.refill() { throw malformed("unterminated start tag", at: lt) }
                continue
            }
            // Scan what is in the window without a call per byte.
            let (found, next, state, badLT) = window.buffer.withUnsafeBufferPointer { pointer -> (Bool, Int, UInt8, Bool) in
                var cursor = index - window.base
                var quote = quote
                let count = pointer.count
                while cursor < count {
                    let byte = pointer[cursor]
                    if quote != 0 {
                        if byte == quote { quote = 0 }
                    } else if byte == 0x22 || byte == 0x27 {
                        quote = byte
                    } else if byte == 0x3E {
                        return (true, cursor + window.base, quote, false)
                    } else if byte == 0x3C {
                        return (false, cursor + window.base, quote, true)
                    }
                    cursor += 1
                }
                return (false, cursor + window.base, quote, false)
            }
            if found { return next }
            if badLT { throw malformed("'<' inside a start tag", at: next) }
            index = next
            quote = state
            if index - lt > maxPieceBytes { throw .tooLarge(bytes: index - lt, limit: maxPieceBytes) }
        }
    }

    /// The offset just after the end tag closing the element opened at `lt`.
    private func endOfElement(openedAt lt: Int, contentFrom start: Int) throws(XMLParseError) -> Int {
        var depth = 1
        var cursor = start
        while true {
            guard let next = try window.find(UInt8(ascii: "<"), from: cursor) else {
                throw malformed("end of input inside an EntityDescriptor", at: lt)
            }
            if next - lt > maxPieceBytes { throw .tooLarge(bytes: next - lt, limit: maxPieceBytes) }
            guard let second = try window.byte(at: next + 1) else { throw malformed("'<' at the end of the input", at: next) }
            switch second {
            case UInt8(ascii: "!"):
                cursor = try skipMarkupDeclaration(at: next, insideRoot: true)
            case UInt8(ascii: "?"):
                guard let end = try window.find(Array("?>".utf8), from: next + 2) else { throw malformed("unterminated processing instruction", at: next) }
                cursor = end + 2
            case UInt8(ascii: "/"):
                guard let gt = try window.find(UInt8(ascii: ">"), from: next) else { throw malformed("unterminated end tag", at: next) }
                depth -= 1
                cursor = gt + 1
                if depth == 0 { return cursor }
            default:
                let gt = try endOfStartTag(next)
                if try window.byte(at: gt - 1) != UInt8(ascii: "/") {
                    depth += 1
                    if depth > maxDepth { throw malformed("elements nested deeper than \(maxDepth) levels", at: next) }
                }
                cursor = gt + 1
            }
        }
    }
}
