import CLibXMLSec

/// The guard against start tags that would make libxml2 2.9 slow: its duplicate check is pair by
/// pair over a tag's attributes and namespace declarations (100,000 attributes on one element, a
/// 1.2 MB file, took 93 s; 200,000 took 6.5 minutes). Such a tag is found before libxml2 reads the
/// input, in one linear pass (`clibxml2_crowded_start_tag`).
///
/// The pass reads UTF-8. An input in another encoding (UTF-16, UCS-4, EBCDIC, a declared UTF-7...)
/// is first converted to UTF-8 with libxml2's own converters, the ones its parser would use, so an
/// encoding cannot hide the markup from the pass.
enum CrowdedStartTags {
    /// Inputs smaller than this are not scanned: the most attributes they can hold (about 4,000 of
    /// `b1f3=""`) cost libxml2 about 30 ms, while scanning every response and every entity of an
    /// aggregate cost 3% and 10% more CPU.
    static let smallestScanned = 32 * 1024

    /// Line and column of the first start tag with more than `limit` attributes, nil when none has.
    static func first(in bytes: [UInt8], limit: Int) -> (line: Int, column: Int)? {
        guard bytes.count >= smallestScanned else { return nil }
        let text = utf8(bytes) ?? bytes
        let offset = text.withUnsafeBufferPointer { clibxml2_crowded_start_tag($0.baseAddress, $0.count, limit) }
        return offset < 0 ? nil : XMLDocument.lineAndColumn(of: offset, in: text)
    }

    /// The input converted to UTF-8, or nil when it is UTF-8 (or ASCII) already, or when libxml2 has
    /// no converter for its encoding (then its parser refuses it as well).
    static func utf8(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 4, bytes.count < Int(Int32.max) else { return nil }
        let detected = bytes.withUnsafeBufferPointer { xmlDetectCharEncoding($0.baseAddress, 4) }
        let handler: xmlCharEncodingHandlerPtr?
        switch detected {
        case XML_CHAR_ENCODING_NONE, XML_CHAR_ENCODING_UTF8:
            guard XMLDocument.declaresNonUTF8Encoding(bytes), let name = declaredEncoding(bytes) else { return nil }
            handler = xmlFindCharEncodingHandler(name)
        default:
            handler = xmlGetCharEncodingHandler(detected)
        }
        guard let handler else { return nil }
        defer { xmlCharEncCloseFunc(handler) }
        guard let input = xmlBufferCreateSize(bytes.count), let output = xmlBufferCreateSize(bytes.count * 2) else { return nil }
        defer { xmlBufferFree(input); xmlBufferFree(output) }
        xmlBufferSetAllocationScheme(output, XML_BUFFER_ALLOC_DOUBLEIT)
        guard bytes.withUnsafeBufferPointer({ xmlBufferAdd(input, $0.baseAddress, Int32($0.count)) }) == 0 else { return nil }
        guard xmlCharEncInFunc(handler, output, input) >= 0, let content = xmlBufferContent(output) else { return nil }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(output))))
    }

    /// The `encoding` of an ASCII XML declaration (`<?xml version="1.0" encoding="UTF-7"?>`).
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        let head = Array(bytes.prefix(200))
        guard let end = head.firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let declaration = String(decoding: head[..<end], as: UTF8.self)
        guard let key = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[key.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let name = rest.dropFirst().prefix { $0 != quote }
        return name.isEmpty ? nil : String(name)
    }
}
