/// The name and attributes of one start tag, read from its raw bytes (`<` to `>`) without a
/// parser: enough to follow namespaces and read `entityID` while streaming an aggregate. The
/// element itself is parsed properly afterwards.
struct StartTag {
    var qualifiedName: String
    /// Byte length of `<` plus the qualified name: where extra attributes can be inserted.
    var nameEnd: Int
    /// `xmlns` / `xmlns:p` declarations: prefix ("" for the default) -> the raw `xmlns…="…"` text.
    var namespaceDeclarations: [(prefix: String, raw: String)] = []
    var attributes: [String: String] = [:]
    var selfClosing: Bool

    var localName: Substring {
        guard let colon = qualifiedName.lastIndex(of: ":") else { return Substring(qualifiedName) }
        return qualifiedName[qualifiedName.index(after: colon)...]
    }

    init(_ bytes: ArraySlice<UInt8>) {
        let start = bytes.startIndex
        var index = start + 1
        while index < bytes.endIndex, !Self.isNameEnd(bytes[index]) { index += 1 }
        qualifiedName = String(decoding: bytes[(start + 1)..<index], as: UTF8.self)
        nameEnd = index - start
        let last = bytes.endIndex - 1
        selfClosing = last > start && bytes[last - 1] == UInt8(ascii: "/")
        // name = "value" pairs
        while index < last {
            while index < last, Self.isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
            let nameStart = index
            while index < last, bytes[index] != UInt8(ascii: "="), !Self.isSpace(bytes[index]) { index += 1 }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
            while index < last, Self.isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "=") { index += 1 }
            guard index < last else { break }
            let quote = bytes[index]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { break }
            let valueStart = index + 1
            index = valueStart
            while index < last, bytes[index] != quote { index += 1 }
            let value = String(decoding: bytes[valueStart..<min(index, last)], as: UTF8.self)
            let raw = String(decoding: bytes[nameStart..<min(index + 1, last)], as: UTF8.self)
            index += 1
            if name == "xmlns" {
                namespaceDeclarations.append(("", Self.oneLine(raw)))
            } else if name.hasPrefix("xmlns:") {
                namespaceDeclarations.append((String(name.dropFirst(6)), Self.oneLine(raw)))
            } else if !name.isEmpty {
                attributes[name] = Self.unescape(value)
            }
        }
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
    static func isNameEnd(_ byte: UInt8) -> Bool { isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") }

    private static func oneLine(_ text: String) -> String {
        String(text.map { $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\r\n" ? " " : $0 })
    }

    /// The five predefined entities and character references; enough for attribute values.
    static func unescape(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            guard let semi = rest[amp...].firstIndex(of: ";") else { result += rest[amp...]; return result }
            let name = rest[rest.index(after: amp)..<semi]
            switch name {
            case "amp": result += "&"
            case "lt": result += "<"
            case "gt": result += ">"
            case "quot": result += "\""
            case "apos": result += "'"
            default:
                if name.hasPrefix("#x"), let code = UInt32(name.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(code) {
                    result.unicodeScalars.append(scalar)
                } else if name.hasPrefix("#"), let code = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(code) {
                    result.unicodeScalars.append(scalar)
                } else {
                    result += rest[amp...semi]
                }
            }
            rest = rest[rest.index(after: semi)...]
        }
        return result + rest
    }
}
