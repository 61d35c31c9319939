/// Steps over DER elements by their tag and length only, without decoding them, so the
/// certificate decoder hands swift-asn1 just the few elements it needs (validity, algorithms,
/// key) instead of the whole certificate with its names and extensions.
struct DERSkipper {
    let bytes: ArraySlice<UInt8>
    private(set) var position: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        position = bytes.startIndex
    }

    var atEnd: Bool { position >= bytes.endIndex }

    /// The next element: its tag, the whole TLV, and its content.
    mutating func next() throws(CertificateDecodingError) -> (tag: UInt8, element: ArraySlice<UInt8>, content: ArraySlice<UInt8>) {
        let start = position
        guard position < bytes.endIndex else { throw CertificateDecodingError("truncated DER") }
        let tag = bytes[position]
        if tag & 0x1F == 0x1F { throw CertificateDecodingError("unsupported multi-byte DER tag") }
        position += 1
        guard position < bytes.endIndex else { throw CertificateDecodingError("truncated DER length") }
        var length = Int(bytes[position])
        position += 1
        if length & 0x80 != 0 {
            let count = length & 0x7F
            guard count >= 1, count <= 4, position + count <= bytes.endIndex else { throw CertificateDecodingError("bad DER length") }
            length = 0
            for _ in 0..<count {
                length = length << 8 | Int(bytes[position])
                position += 1
            }
            if length < 0x80 { throw CertificateDecodingError("non-minimal DER length") }
        }
        guard length <= bytes.endIndex - position else { throw CertificateDecodingError("DER length past the end") }
        let content = bytes[position..<(position + length)]
        position += length
        return (tag, bytes[start..<position], content)
    }

    /// The next element, which must carry `tag`.
    mutating func next(expecting tag: UInt8, _ what: String) throws(CertificateDecodingError) -> (element: ArraySlice<UInt8>, content: ArraySlice<UInt8>) {
        let item = try next()
        guard item.tag == tag else { throw CertificateDecodingError("\(what) has the wrong DER tag") }
        return (item.element, item.content)
    }
}
