import Foundation

/// Finds the SAML fields of the auto-submitting HTML forms IdPs and SPs return
/// (`<input type="hidden" name="SAMLResponse" value="PHNhbWxw...">`). A plain scan, no HTML parser:
/// attributes in any order, single or double quotes, character references in the value decoded.
public enum HTMLFormScanner {
    public static func samlFields(in html: String?) -> [(String, String)] {
        guard let html, containsBytes(html, "SAMLResponse") || containsBytes(html, "SAMLRequest") else { return [] }
        var fields: [(String, String)] = []
        var rest = html[...]
        while let start = rest.range(of: "<input", options: .caseInsensitive) {
            guard let end = rest[start.upperBound...].firstIndex(of: ">") else { break }
            let tag = rest[start.upperBound..<end]
            rest = rest[rest.index(after: end)...]
            guard let name = attribute("name", in: tag), CaptureDecoder.samlParameters.contains(name),
                let value = attribute("value", in: tag), !value.isEmpty
            else { continue }
            fields.append((name, decodeReferences(value)))
        }
        return fields
    }

    /// The value of `name=` in a tag's text (quoted or not).
    static func attribute(_ name: String, in tag: Substring) -> String? {
        var search = tag[...]
        while let found = search.range(of: name, options: .caseInsensitive) {
            let before = found.lowerBound == tag.startIndex ? " " : tag[tag.index(before: found.lowerBound)]
            var cursor = found.upperBound
            search = tag[found.upperBound...]
            guard before.isWhitespace || before == "/" else { continue }
            while cursor < tag.endIndex, tag[cursor].isWhitespace { cursor = tag.index(after: cursor) }
            guard cursor < tag.endIndex, tag[cursor] == "=" else { continue }
            cursor = tag.index(after: cursor)
            while cursor < tag.endIndex, tag[cursor].isWhitespace { cursor = tag.index(after: cursor) }
            guard cursor < tag.endIndex else { return nil }
            let quote = tag[cursor]
            if quote == "\"" || quote == "'" {
                let valueStart = tag.index(after: cursor)
                guard let close = tag[valueStart...].firstIndex(of: quote) else { return nil }
                return String(tag[valueStart..<close])
            }
            let valueEnd = tag[cursor...].firstIndex(where: { $0.isWhitespace || $0 == "/" }) ?? tag.endIndex
            return String(tag[cursor..<valueEnd])
        }
        return nil
    }

    /// `&#x2b;`, `&#43;`, `&amp;`, `&quot;`, `&lt;`, `&gt;`, `&#39;`, `&apos;`.
    static func decodeReferences(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semi = rest[amp...].prefix(10).firstIndex(of: ";") else {
                out += rest[amp...]
                return out
            }
            let entity = rest[rest.index(after: amp)..<semi]
            let named = ["amp": "&", "quot": "\"", "lt": "<", "gt": ">", "apos": "'"]
            if let replacement = named[String(entity)] {
                out += replacement
            } else if entity.hasPrefix("#x") || entity.hasPrefix("#X"), let code = UInt32(entity.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(code) {
                out.unicodeScalars.append(scalar)
            } else if entity.hasPrefix("#"), let code = UInt32(entity.dropFirst()), let scalar = Unicode.Scalar(code) {
                out.unicodeScalars.append(scalar)
            } else {
                out += rest[amp...semi]
            }
            rest = rest[rest.index(after: semi)...]
        }
        return out + rest
    }

    /// Byte search (memchr + memcmp): String.contains is Unicode-aware and slow on large response bodies.
    static func containsBytes(_ text: String, _ needle: String) -> Bool {
        var text = text
        return text.withUTF8 { haystack in
            needle.utf8.withContiguousStorageIfAvailable { pattern in
                guard let first = pattern.first, pattern.count <= haystack.count, let base = haystack.baseAddress else { return false }
                var offset = 0
                let last = haystack.count - pattern.count
                while offset <= last, let hit = memchr(base + offset, Int32(first), last - offset + 1) {
                    let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + position, pattern.baseAddress!, pattern.count) == 0 { return true }
                    offset = position + 1
                }
                return false
            } ?? false
        }
    }
}
