import Foundation

/// Finds where each message's payload sits in the raw bytes of its capture, so a finding can point
/// at the HAR entry (or SAML-tracer request) rather than at line 1. One scan of the JSON text finds
/// where each element of the capture's list (`log.entries`, `requests`) starts; a payload is then
/// looked for only inside its own element, comparing through the encodings the capture may have
/// applied (JSON escapes, percent-encoding, HTML character references). When the payload is not
/// found, the element's start is used. Linear in the file.
public struct PayloadLocator {
    let bytes: [UInt8]
    /// Byte offset of each element of the list.
    let elements: [Int]
    /// The last offset converted and its line, so lines are counted forward once (positions are
    /// asked for in file order); no table of all lines is kept, whatever the file holds.
    private var counted = (offset: 0, line: 1, lineStart: 0)

    /// `listKey` is the key path of the list: `["log", "entries"]` or `["requests"]`.
    init(bytes: [UInt8], listKey: [String]) {
        self.bytes = bytes
        self.elements = Self.elementOffsets(bytes, path: listKey.map { Array($0.utf8) })
    }

    /// Line and column of `value` inside element `number`, else of the element itself.
    mutating func position(element number: Int, value: String) -> (line: Int, column: Int)? {
        guard number >= 0, number < elements.count else { return nil }
        let start = elements[number]
        let end = number + 1 < elements.count ? elements[number + 1] : bytes.count
        let target = Array(value.utf8.prefix(2048))
        var offset = start
        if target.count >= 8, let first = target.first {
            var index = start
            while index < end {
                if bytes[index] == first && matches(target, at: index) {
                    offset = index
                    break
                }
                index += 1
            }
        }
        return lineAndColumn(offset)
    }

    mutating func lineAndColumn(_ offset: Int) -> (line: Int, column: Int) {
        if offset < counted.offset { counted = (0, 1, 0) }
        var (line, lineStart) = (counted.line, counted.lineStart)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var position = counted.offset
            while position < offset, let hit = memchr(base + position, 0x0A, offset - position) {
                let newline = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                line += 1
                lineStart = newline + 1
                position = newline + 1
            }
        }
        counted = (offset, line, lineStart)
        return (line, offset - lineStart + 1)
    }

    /// Whether the bytes from `start` spell `target` once JSON escapes, `%XX` and `&#x..;`-style
    /// references are undone.
    func matches(_ target: [UInt8], at start: Int) -> Bool {
        var i = start
        var t = 0
        while t < target.count {
            guard i < bytes.count else { return false }
            let byte = bytes[i]
            if byte == target[t] {
                i += 1
                t += 1
                continue
            }
            guard let (decoded, length) = decode(at: i), decoded == target[t] else { return false }
            i += length
            t += 1
        }
        return true
    }

    /// One encoded ASCII character at `i`: its value and how many bytes it took.
    func decode(at i: Int) -> (UInt8, Int)? {
        func hex(_ range: Range<Int>) -> UInt32? {
            guard range.upperBound <= bytes.count else { return nil }
            return UInt32(String(decoding: bytes[range], as: UTF8.self), radix: 16)
        }
        switch bytes[i] {
        case UInt8(ascii: "%"):
            guard let value = hex((i + 1)..<(i + 3)), value < 0x80 else { return nil }
            return (UInt8(value), 3)
        case UInt8(ascii: "\\"):
            guard i + 1 < bytes.count else { return nil }
            switch bytes[i + 1] {
            case UInt8(ascii: "n"): return (0x0A, 2)
            case UInt8(ascii: "r"): return (0x0D, 2)
            case UInt8(ascii: "t"): return (0x09, 2)
            case UInt8(ascii: "u"):
                guard let value = hex((i + 2)..<(i + 6)), value < 0x80 else { return nil }
                return (UInt8(value), 6)
            default: return (bytes[i + 1], 2)
            }
        case UInt8(ascii: "&"):
            guard let semicolon = bytes[i..<min(bytes.count, i + 10)].firstIndex(of: UInt8(ascii: ";")) else { return nil }
            let name = String(decoding: bytes[(i + 1)..<semicolon], as: UTF8.self)
            let named: [String: UInt8] = ["amp": 0x26, "quot": 0x22, "lt": 0x3C, "gt": 0x3E, "apos": 0x27]
            var value: UInt32?
            if let byte = named[name] { value = UInt32(byte) }
            else if name.hasPrefix("#x") || name.hasPrefix("#X") { value = UInt32(name.dropFirst(2), radix: 16) }
            else if name.hasPrefix("#") { value = UInt32(name.dropFirst()) }
            guard let value, value < 0x80 else { return nil }
            return (UInt8(value), semicolon - i + 1)
        default:
            return nil
        }
    }

    /// Offsets of the elements of the array at `path` (object keys from the root), found with a
    /// minimal JSON scanner (strings and nesting only; the document was already parsed once).
    static func elementOffsets(_ array: [UInt8], path: [[UInt8]]) -> [Int] {
        array.withUnsafeBufferPointer { elementOffsets($0, path: path) }
    }

    static func elementOffsets(_ bytes: UnsafeBufferPointer<UInt8>, path: [[UInt8]]) -> [Int] {
        let quote: UInt8 = 0x22, backslash: UInt8 = 0x5C, colon: UInt8 = 0x3A, comma: UInt8 = 0x2C
        let openBrace: UInt8 = 0x7B, closeBrace: UInt8 = 0x7D, openBracket: UInt8 = 0x5B, closeBracket: UInt8 = 0x5D
        var offsets: [Int] = []
        var keys: [[UInt8]?] = []  // per open container: the key that led into it (nil inside arrays)
        var lastString = 0..<0
        var pendingKey: [UInt8]?
        var targetDepth: Int?
        var expectElement = false
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if expectElement, byte > 0x20, byte != closeBracket {
                offsets.append(i)
                expectElement = false
            }
            switch byte {
            case quote:
                var j = i + 1
                while j < bytes.count {
                    let c = bytes[j]
                    if c == quote { break }
                    j += c == backslash ? 2 : 1
                }
                lastString = (i + 1)..<min(j, bytes.count)
                i = j
            case colon:
                pendingKey = lastString.count <= 64 ? Array(bytes[lastString]) : []
            case openBrace, openBracket:
                keys.append(pendingKey)
                pendingKey = nil
                if byte == openBracket, targetDepth == nil, keys.count == path.count + 1,
                    keys.dropFirst().elementsEqual(path, by: { $0 == $1 })
                {
                    targetDepth = keys.count
                    expectElement = true
                }
            case closeBrace, closeBracket:
                if keys.count == targetDepth { return offsets }
                if !keys.isEmpty { keys.removeLast() }
                pendingKey = nil
            case comma:
                pendingKey = nil
                if keys.count == targetDepth { expectElement = true }
            default:
                break
            }
            i += 1
        }
        return offsets
    }

    /// For tests: the element offsets of `path` in a JSON text.
    public static func elementOffsetsForTests(_ json: String, path: [String]) -> [Int] {
        elementOffsets(Array(json.utf8), path: path.map { Array($0.utf8) })
    }
}
