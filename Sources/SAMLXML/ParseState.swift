import CLibXMLSec

/// What the SAX callbacks learn during one parse. Reached from C through `ctxt->_private`.
final class ParseState {
    struct Position { var line: Int; var column: Int }
    struct FirstError { var message: String; var line: Int; var column: Int }

    let maxDepth: Int
    let maxNamespacesInScope: Int
    var doctype: Position?
    /// Byte offset of the `<!DOCTYPE`, when it could be found in the input buffer.
    var doctypeOffset: Int?
    var tooDeepAt: Position?
    var tooManyNamespacesAt: Position?
    /// Namespace declarations of each open element, and their sum (those in scope).
    var namespacesOpened: [Int] = []
    var namespacesInScope = 0
    var firstError: FirstError?
    var depth = 0

    init(maxDepth: Int, maxNamespacesInScope: Int) {
        self.maxDepth = maxDepth
        self.maxNamespacesInScope = maxNamespacesInScope
    }

    static func from(_ context: UnsafeMutableRawPointer?) -> (xmlParserCtxtPtr, ParseState)? {
        guard let context else { return nil }
        let ctxt = context.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let raw = ctxt.pointee._private else { return nil }
        return (ctxt, Unmanaged<ParseState>.fromOpaque(raw).takeUnretainedValue())
    }

    /// Runs `body` with the state of a parse without retaining it (the parse holds it for its whole
    /// length): the start- and end-tag callbacks run for every element of every document.
    @inline(__always)
    static func with(_ context: UnsafeMutableRawPointer?, _ body: (xmlParserCtxtPtr, ParseState) -> Void) {
        guard let context else { return }
        let ctxt = context.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let raw = ctxt.pointee._private else { return }
        Unmanaged<ParseState>.fromOpaque(raw)._withUnsafeGuaranteedRef { body(ctxt, $0) }
    }
}

extension XMLDocument {
    /// Installs the DOCTYPE guard, the start-tag location recorder, the depth guard and the
    /// first-error recorder on a fresh parser context.
    static func installHandlers(on ctxt: xmlParserCtxtPtr) {
        guard let sax = ctxt.pointee.sax else { return }

        // Fires on `<!DOCTYPE name` before anything inside the internal subset is read.
        sax.pointee.internalSubset = { context, _, _, _ in
            guard let (ctxt, state) = ParseState.from(context) else { return }
            if state.doctype == nil {
                let line = Int(ctxt.pointee.input?.pointee.line ?? 1)
                let column = Int(ctxt.pointee.input?.pointee.col ?? 1)
                state.doctype = .init(line: line, column: max(1, column))
                // Find the `<!DOCTYPE` behind the cursor for an exact position.
                let cursor = clibxml2_input_offset(ctxt)
                var back = 0
                while cursor >= 0, back < 4096 {
                    let byte = clibxml2_input_byte_back(ctxt, back)
                    if byte < 0 { break }
                    if byte == 0x3C {
                        state.doctypeOffset = cursor - back
                        break
                    }
                    back += 1
                }
            }
            xmlStopParser(ctxt)
        }
        sax.pointee.externalSubset = { context, _, _, _ in
            guard let (ctxt, state) = ParseState.from(context) else { return }
            if state.doctype == nil {
                state.doctype = .init(line: Int(ctxt.pointee.input?.pointee.line ?? 1), column: 1)
            }
            xmlStopParser(ctxt)
        }
        // Entity declarations can only come from a DTD, which is refused; belt and braces.
        sax.pointee.entityDecl = { context, _, _, _, _, _ in
            guard let (ctxt, _) = ParseState.from(context) else { return }
            xmlStopParser(ctxt)
        }

        sax.pointee.startElementNs = { context, localname, prefix, uri, nbNs, namespaces, nbAttrs, nbDefaulted, attrs in
            xmlSAX2StartElementNs(context, localname, prefix, uri, nbNs, namespaces, nbAttrs, nbDefaulted, attrs)
            ParseState.with(context) { ctxt, state in
                state.depth += 1
                if state.depth > state.maxDepth, state.tooDeepAt == nil {
                    state.tooDeepAt = .init(line: Int(ctxt.pointee.input?.pointee.line ?? 1), column: 1)
                    xmlStopParser(ctxt)
                    return
                }
                state.namespacesOpened.append(Int(nbNs))
                state.namespacesInScope += Int(nbNs)
                if state.namespacesInScope > state.maxNamespacesInScope, state.tooManyNamespacesAt == nil {
                    state.tooManyNamespacesAt = .init(line: Int(ctxt.pointee.input?.pointee.line ?? 1), column: 1)
                    xmlStopParser(ctxt)
                    return
                }
                guard let node = ctxt.pointee.node else { return }
                // The cursor sits on the `>` of the start tag; `<` cannot occur inside a start tag, so
                // the nearest `<` behind it is where the tag starts.
                let offset = clibxml2_start_tag_offset(ctxt)
                if offset >= 0 { node.pointee._private = UnsafeMutableRawPointer(bitPattern: offset + 1) }
            }
        }
        sax.pointee.endElementNs = { context, localname, prefix, uri in
            xmlSAX2EndElementNs(context, localname, prefix, uri)
            ParseState.with(context) { _, state in
                state.depth -= 1
                state.namespacesInScope -= state.namespacesOpened.popLast() ?? 0
            }
        }

        sax.pointee.serror = { userData, error in
            guard let error, let (_, state) = ParseState.from(userData) else { return }
            guard state.firstError == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            var message = error.pointee.message.map { String(cString: $0) } ?? "XML error"
            message = message.trimmingCharacters(in: .whitespacesAndNewlines)
            state.firstError = .init(
                message: message, line: Int(max(1, error.pointee.line)), column: Int(max(1, error.pointee.int2)))
        }
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        var scalars = Substring(self)
        while let first = scalars.first, set.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, set.contains(last) { scalars.removeLast() }
        return String(scalars)
    }
}

extension Set where Element == Character {
    fileprivate static let whitespacesAndNewlines: Set<Character> = [" ", "\n", "\r", "\t"]
}
