import CLibXMLSec

extension XMLNode {
    /// Calls `body` with the UTF-8 bytes of the element's text content. When the element holds a
    /// single text node (a certificate's base64, say) its bytes are read in place, without the
    /// three copies `textContent` makes; otherwise the concatenated content is used.
    public func withTextBytes<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        if let child = pointer.pointee.children, child.pointee.next == nil,
            child.pointee.type == XML_TEXT_NODE || child.pointee.type == XML_CDATA_SECTION_NODE,
            let content = child.pointee.content
        {
            return body(UnsafeBufferPointer(start: content, count: strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))))
        }
        guard let content = xmlNodeGetContent(pointer) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        defer { clibxml2_free(content) }
        return body(UnsafeBufferPointer(start: content, count: strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))))
    }
}
