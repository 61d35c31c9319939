import Foundation

/// Encodes `Encodable` values to the bytes `JSONEncoder` writes with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]` (two-space indent, `"key" : value`, keys in UTF-8 byte order, an empty
/// container as `[`, an empty line, `]`; doubles as Swift prints them without a trailing `.0`), at a
/// given starting depth so an element can be written straight into its place in a larger document.
///
/// Why not `JSONEncoder`: its boxes and generic containers cost more than linting on a folder of
/// responses (a sixth of the run). The bytes are the same: a test compares whole reports, and a
/// table compares strings, numbers, keys and empty containers.
public enum PrettyJSONEncoder {
    public struct InvalidValue: Error, CustomStringConvertible {
        public let description: String
    }

    /// The JSON text of `value`, every line after the first indented by `depth` levels.
    public static func encode<Value: Encodable>(_ value: Value, depth: Int = 0) throws -> [UInt8] {
        var out: [UInt8] = []
        try append(value, depth: depth, to: &out)
        return out
    }

    /// Appends the JSON text of `value` to `out`: the report's own types (`DirectJSON`) write
    /// themselves, anything else goes through the Codable calls.
    static func append<Value: Encodable>(_ value: Value, depth: Int, to out: inout [UInt8]) throws {
        if let direct = value as? any DirectJSON {
            var json = JSONOut(depth: depth, bytes: out)
            out = []
            defer { out = json.bytes }
            try direct.writeJSON(to: &json)
            return
        }
        try appendThroughCodable(value, depth: depth, to: &out)
    }

    /// `append` for a type that writes itself: called on the value as it is, without the copy into
    /// an existential box `value as? any DirectJSON` makes (a whole input report, for each input).
    static func appendDirect<Value: DirectJSON>(_ value: Value, depth: Int, to out: inout [UInt8]) throws {
        var json = JSONOut(depth: depth, bytes: out)
        out = []
        defer { out = json.bytes }
        try value.writeJSON(to: &json)
    }

    /// The Codable route alone: the reference `DirectJSON` is compared with.
    static func encodeThroughCodable<Value: Encodable>(_ value: Value, depth: Int = 0) throws -> [UInt8] {
        var out: [UInt8] = []
        try appendThroughCodable(value, depth: depth, to: &out)
        return out
    }

    private static func appendThroughCodable<Value: Encodable>(_ value: Value, depth: Int, to out: inout [UInt8]) throws {
        let root = JSONTreeEncoder()
        try root.encodeValue(value)
        JSONTreeWriter.write(root.result ?? .null, depth: depth, into: &out)
    }
}

/// A value being built: scalars are final; arrays and objects are boxes containers append to.
final class JSONBox {
    var elements: [JSONValue] = []
    var entries: [(key: String, value: JSONValue)] = []
}

enum JSONValue {
    case null
    case bool(Bool)
    /// A number already in its JSON form.
    case number(String)
    case string(String)
    case array(JSONBox)
    case object(JSONBox)
}

/// Turns one value into a `JSONValue`, the way `JSONEncoder` interprets the Codable calls.
final class JSONTreeEncoder: Encoder {
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var result: JSONValue?

    init(codingPath: [any CodingKey] = []) { self.codingPath = codingPath }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(JSONKeyedContainer<Key>(box: box(object: true), codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        JSONUnkeyedContainer(box: box(object: false), codingPath: codingPath)
    }

    /// The object or array this encoder's value already is (a container asked for twice), else a new one.
    private func box(object: Bool) -> JSONBox {
        switch result {
        case let .object(existing)? where object: return existing
        case let .array(existing)? where !object: return existing
        default:
            let box = JSONBox()
            result = object ? .object(box) : .array(box)
            return box
        }
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { JSONSingleValueContainer(encoder: self) }

    /// The value of a nested `Encodable`, scalars without the generic round trip.
    func encodeValue<Value: Encodable>(_ value: Value) throws {
        result = try Self.convert(value, codingPath: codingPath)
    }

    static func convert<Value: Encodable>(_ value: Value, codingPath: [any CodingKey]) throws -> JSONValue {
        // Metatype comparisons, not dynamic casts: this runs for every value of a report.
        if Value.self == String.self { return .string(unsafeBitCast(value, to: String.self)) }
        if Value.self == Int.self { return .number(String(unsafeBitCast(value, to: Int.self))) }
        if Value.self == Double.self { return try number(unsafeBitCast(value, to: Double.self), codingPath) }
        if Value.self == Bool.self { return .bool(unsafeBitCast(value, to: Bool.self)) }
        if let url = value as? URL { return .string(url.absoluteString) }  // as JSONEncoder writes URLs
        if let data = value as? Data { return .string(data.base64EncodedString()) }  // its default data strategy
        let nested = JSONTreeEncoder(codingPath: codingPath)
        try value.encode(to: nested)
        return nested.result ?? .object(JSONBox())  // encoding nothing gives `{}` in JSONEncoder
    }

    /// A finite float as Swift prints it, without a trailing `.0` (`1`, `0.97`, `1e-07`), as JSONEncoder.
    static func number<Value: BinaryFloatingPoint & CustomStringConvertible>(_ value: Value, _ codingPath: [any CodingKey]) throws -> JSONValue {
        guard value.isFinite else {
            throw PrettyJSONEncoder.InvalidValue(description: "\(value) at \(codingPath.map(\.stringValue).joined(separator: ".")) is not a JSON number")
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return .number(text)
    }
}

struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: JSONBox
    var codingPath: [any CodingKey]

    func set(_ value: JSONValue, _ key: Key) {
        // A key written twice keeps its last value, as in JSONEncoder.
        if let index = box.entries.firstIndex(where: { $0.key == key.stringValue }) {
            box.entries[index].value = value
        } else {
            box.entries.append((key.stringValue, value))
        }
    }

    mutating func encodeNil(forKey key: Key) throws { set(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(try JSONTreeEncoder.number(value, codingPath + [key]), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { set(try JSONTreeEncoder.number(value, codingPath + [key]), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(.number(String(value)), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { set(.number(String(value)), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { set(.number(String(value)), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { set(.number(String(value)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(.number(String(value)), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { set(.number(String(value)), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { set(.number(String(value)), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { set(.number(String(value)), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { set(.number(String(value)), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { set(.number(String(value)), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        set(try JSONTreeEncoder.convert(value, codingPath: codingPath + [key]), key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONBox()
        set(.object(nested), key)
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(box: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = JSONBox()
        set(.array(nested), key)
        return JSONUnkeyedContainer(box: nested, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let encoder = JSONSuperEncoder(codingPath: codingPath + [key]) { [box] value in
            JSONKeyedContainer(box: box, codingPath: []).set(value, key)
        }
        return encoder
    }
}

struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let box: JSONBox
    var codingPath: [any CodingKey]
    var count: Int { box.elements.count }

    mutating func encodeNil() throws { box.elements.append(.null) }
    mutating func encode(_ value: Bool) throws { box.elements.append(.bool(value)) }
    mutating func encode(_ value: String) throws { box.elements.append(.string(value)) }
    mutating func encode(_ value: Double) throws { box.elements.append(try JSONTreeEncoder.number(value, codingPath)) }
    mutating func encode(_ value: Float) throws { box.elements.append(try JSONTreeEncoder.number(value, codingPath)) }
    mutating func encode(_ value: Int) throws { box.elements.append(.number(String(value))) }
    mutating func encode(_ value: Int8) throws { box.elements.append(.number(String(value))) }
    mutating func encode(_ value: Int16) throws { box.elements.append(.number(String(value))) }
    mutating func encode(_ value: Int32) throws { box.elements.append(.number(String(value))) }
    mutating func encode(_ value: Int64) throws { box.elements.append(.number(String(value))) }
    mutating func encode(_ value: UInt) throws { box.elements.append(.number(String(value))) }
    mutating func encode(_ value: UInt8) throws { box.elements.append(.number(String(value))) }
    mutating func encode(_ value: UInt16) throws { box.elements.append(.number(String(value))) }
    mutating func encode(_ value: UInt32) throws { box.elements.append(.number(String(value))) }
    mutating func encode(_ value: UInt64) throws { box.elements.append(.number(String(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        box.elements.append(try JSONTreeEncoder.convert(value, codingPath: codingPath))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONBox()
        box.elements.append(.object(nested))
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(box: nested, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = JSONBox()
        box.elements.append(.array(nested))
        return JSONUnkeyedContainer(box: nested, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        let index = box.elements.count
        box.elements.append(.null)
        return JSONSuperEncoder(codingPath: codingPath) { [box] value in box.elements[index] = value }
    }
}

struct JSONSingleValueContainer: SingleValueEncodingContainer {
    let encoder: JSONTreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    func encodeNil() throws { encoder.result = .null }
    func encode(_ value: Bool) throws { encoder.result = .bool(value) }
    func encode(_ value: String) throws { encoder.result = .string(value) }
    func encode(_ value: Double) throws { encoder.result = try JSONTreeEncoder.number(value, codingPath) }
    func encode(_ value: Float) throws { encoder.result = try JSONTreeEncoder.number(value, codingPath) }
    func encode(_ value: Int) throws { encoder.result = .number(String(value)) }
    func encode(_ value: Int8) throws { encoder.result = .number(String(value)) }
    func encode(_ value: Int16) throws { encoder.result = .number(String(value)) }
    func encode(_ value: Int32) throws { encoder.result = .number(String(value)) }
    func encode(_ value: Int64) throws { encoder.result = .number(String(value)) }
    func encode(_ value: UInt) throws { encoder.result = .number(String(value)) }
    func encode(_ value: UInt8) throws { encoder.result = .number(String(value)) }
    func encode(_ value: UInt16) throws { encoder.result = .number(String(value)) }
    func encode(_ value: UInt32) throws { encoder.result = .number(String(value)) }
    func encode(_ value: UInt64) throws { encoder.result = .number(String(value)) }
    func encode<T: Encodable>(_ value: T) throws { encoder.result = try JSONTreeEncoder.convert(value, codingPath: codingPath) }
}

/// `superEncoder()`: a nested encoder whose value is stored where its parent reserved room.
final class JSONSuperEncoder: Encoder {
    let inner: JSONTreeEncoder
    let store: (JSONValue) -> Void
    var codingPath: [any CodingKey] { inner.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(codingPath: [any CodingKey], store: @escaping (JSONValue) -> Void) {
        inner = JSONTreeEncoder(codingPath: codingPath)
        self.store = store
    }

    deinit { store(inner.result ?? .object(JSONBox())) }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> { inner.container(keyedBy: type) }
    func unkeyedContainer() -> any UnkeyedEncodingContainer { inner.unkeyedContainer() }
    func singleValueContainer() -> any SingleValueEncodingContainer { inner.singleValueContainer() }
}

/// Writes a `JSONValue` as pretty-printed, key-sorted JSON bytes.
enum JSONTreeWriter {
    static func write(_ value: JSONValue, depth: Int, into out: inout [UInt8]) {
        switch value {
        case .null:
            out += "null".utf8
        case let .bool(flag):
            out += (flag ? "true" : "false").utf8
        case let .number(text):
            out += text.utf8
        case let .string(text):
            writeString(text, into: &out)
        case let .array(box):
            out.append(UInt8(ascii: "["))
            out.append(0x0A)
            for (index, element) in box.elements.enumerated() {
                if index > 0 { out += ",\n".utf8 }
                indent(depth + 1, &out)
                write(element, depth: depth + 1, into: &out)
            }
            out.append(0x0A)
            indent(depth, &out)
            out.append(UInt8(ascii: "]"))
        case let .object(box):
            out.append(UInt8(ascii: "{"))
            out.append(0x0A)
            let sorted = box.entries.count < 2 ? box.entries : box.entries.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (index, entry) in sorted.enumerated() {
                if index > 0 { out += ",\n".utf8 }
                indent(depth + 1, &out)
                writeString(entry.key, into: &out)
                out += " : ".utf8
                write(entry.value, depth: depth + 1, into: &out)
            }
            out.append(0x0A)
            indent(depth, &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    static func indent(_ depth: Int, _ out: inout [UInt8]) {
        // Copied from a row of spaces: appending a repeated element went byte by byte, for every
        // line of every report.
        var remaining = depth * 2
        while remaining > 0 {
            let count = min(remaining, spaces.count)
            spaces.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<count])) }
            remaining -= count
        }
    }

    private static let spaces = [UInt8](repeating: 0x20, count: 64)

    static let hexDigits = Array("0123456789abcdef".utf8)

    /// `"` and `\` escaped, control characters as `\b \t \n \f \r` or `\u00XX`; everything else,
    /// `/` included, as it is.
    static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        // Runs of bytes that need no escape (most strings are one run) are copied whole.
        text.withUTF8 { bytes in
            var start = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                appendEscaped(byte, into: &out)
                start = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func appendEscaped(_ byte: UInt8, into out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): out += [0x5C, 0x22]
        case UInt8(ascii: "\\"): out += [0x5C, 0x5C]
        case 0x08: out += [0x5C, UInt8(ascii: "b")]
        case 0x09: out += [0x5C, UInt8(ascii: "t")]
        case 0x0A: out += [0x5C, UInt8(ascii: "n")]
        case 0x0C: out += [0x5C, UInt8(ascii: "f")]
        case 0x0D: out += [0x5C, UInt8(ascii: "r")]
        default: out += [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]]
        }
    }
}
