/// The report's own types written straight to bytes, without the Codable boxes: a folder's report
/// is mostly findings and message profiles, and building a tree for each cost more than writing it.
///
/// Each type lists its keys in UTF-8 byte order (`field` leaves nil optionals out), exactly as its
/// synthesized `Encodable` conformance writes them through `PrettyJSONEncoder`; a test compares both
/// writers (and `JSONEncoder`) on every field filled and on the corpus.
protocol DirectJSON {
    func writeJSON(to json: inout JSONOut) throws
}

/// Pretty-printed JSON being written at a depth, in `JSONEncoder`'s layout (`JSONTreeWriter`'s).
struct JSONOut {
    var bytes: [UInt8]
    private(set) var depth: Int
    /// The open container has no entry yet.
    private var fresh = false

    init(depth: Int, bytes: [UInt8] = []) {
        self.depth = depth
        self.bytes = bytes
    }

    mutating func openObject() { open(UInt8(ascii: "{")) }
    mutating func closeObject() { close(UInt8(ascii: "}")) }
    mutating func openArray() { open(UInt8(ascii: "[")) }
    mutating func closeArray() { close(UInt8(ascii: "]")) }

    /// `"key" : ` for a key known to need no escaping.
    mutating func key(_ name: StaticString) {
        nextEntry()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [0x22, 0x20, 0x3A, 0x20] as [UInt8])  // `" : `
    }

    /// `"key" : ` for a key from data (a dictionary's).
    mutating func key(_ name: String) {
        nextEntry()
        JSONTreeWriter.writeString(name, into: &bytes)
        bytes.append(contentsOf: [0x20, 0x3A, 0x20] as [UInt8])  // ` : `
    }

    /// Starts the next element of an array.
    mutating func element() { nextEntry() }

    mutating func string(_ text: String) { JSONTreeWriter.writeString(text, into: &bytes) }
    mutating func int(_ value: Int) { bytes += String(value).utf8 }
    mutating func bool(_ flag: Bool) { bytes += (flag ? "true" : "false").utf8 }

    mutating func double(_ value: Double) throws {
        if Self.appendHundredths(value, to: &bytes) { return }
        guard case let .number(text) = try JSONTreeEncoder.number(value, []) else { return }
        bytes += text.utf8
    }

    /// Writes a non-negative value below 1,000 that is a whole number of hundredths (confidences
    /// are rounded so) as `JSONTreeEncoder.number` does, without formatting a Double: the nearest
    /// Double to k/100 prints as k/100's decimals with trailing zeros dropped, since no shorter
    /// decimal names the same Double. false for any other value.
    static func appendHundredths(_ value: Double, to bytes: inout [UInt8]) -> Bool {
        guard value.sign == .plus, value < 1000 else { return false }
        let scaled = (value * 100).rounded()
        guard scaled / 100 == value else { return false }
        let hundredths = Int(scaled)
        let whole = hundredths / 100, fraction = hundredths % 100
        if whole >= 100 { bytes.append(UInt8(ascii: "0") + UInt8(whole / 100)) }
        if whole >= 10 { bytes.append(UInt8(ascii: "0") + UInt8(whole / 10 % 10)) }
        bytes.append(UInt8(ascii: "0") + UInt8(whole % 10))
        guard fraction > 0 else { return true }
        bytes.append(UInt8(ascii: "."))
        bytes.append(UInt8(ascii: "0") + UInt8(fraction / 10))
        if fraction % 10 != 0 { bytes.append(UInt8(ascii: "0") + UInt8(fraction % 10)) }
        return true
    }

    mutating func value(_ value: some DirectJSON) throws { try value.writeJSON(to: &self) }

    // Keyed fields: a nil optional writes nothing, as `encodeIfPresent` does.
    mutating func field(_ name: StaticString, _ text: String?) { if let text { key(name); string(text) } }
    mutating func field(_ name: StaticString, _ number: Int?) { if let number { key(name); int(number) } }
    mutating func field(_ name: StaticString, _ flag: Bool) { key(name); bool(flag) }
    mutating func field(_ name: StaticString, _ number: Double?) throws { if let number { key(name); try double(number) } }
    mutating func field(_ name: StaticString, _ texts: [String]) { key(name); strings(texts) }
    mutating func field<Value: DirectJSON>(_ name: StaticString, _ nested: Value?) throws {
        if let nested { key(name); try value(nested) }
    }
    mutating func field<Element: DirectJSON>(_ name: StaticString, _ elements: [Element]) throws {
        key(name)
        openArray()
        for element in elements {
            self.element()
            try value(element)
        }
        closeArray()
    }

    mutating func strings(_ values: [String]) {
        openArray()
        if let first = values.first {
            element()
            string(first)
            // The separator and indentation of the rest, made once: a profile's groups are written
            // twice per message, and three appends per value showed in profiles.
            var separator: [UInt8] = [0x2C, 0x0A]
            JSONTreeWriter.indent(depth, &separator)
            for value in values.dropFirst() {
                bytes.append(contentsOf: separator)
                string(value)
            }
        }
        closeArray()
    }

    /// An object whose keys come from data, in UTF-8 byte order as `sortedKeys` writes them.
    mutating func object<Value>(_ entries: [String: Value], _ write: (inout JSONOut, Value) throws -> Void) rethrows {
        openObject()
        // The entries sorted by key (not the keys, then each value looked up again).
        for (name, value) in entries.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            key(name)
            try write(&self, value)
        }
        closeObject()
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        bytes.append(0x0A)
        depth += 1
        fresh = true
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(0x0A)
        depth -= 1
        JSONTreeWriter.indent(depth, &bytes)
        bytes.append(bracket)
        fresh = false
    }

    private mutating func nextEntry() {
        if !fresh {
            bytes.append(0x2C)
            bytes.append(0x0A)
        }
        fresh = false
        JSONTreeWriter.indent(depth, &bytes)
    }
}

// MARK: The report's types (keys in byte order: uppercase sorts before lowercase)

extension Finding: DirectJSON {
    func writeJSON(to json: inout JSONOut) throws {
        json.openObject()
        try json.field("evidence", evidence)
        json.field("field", field)
        try json.field("fix", fix)
        try json.field("location", location)
        json.field("message", message)
        json.field("ruleId", ruleId)
        json.field("severity", severity.rawValue)
        json.closeObject()
    }
}

extension Location: DirectJSON {
    func writeJSON(to json: inout JSONOut) throws {
        json.openObject()
        json.field("attribute", attribute)
        json.field("column", column)
        json.field("entityID", entityID)
        json.field("line", line)
        json.field("message", message)
        json.field("origin", origin)
        json.field("path", path)
        json.field("xpath", xpath)
        json.closeObject()
    }
}

extension Evidence: DirectJSON {
    func writeJSON(to json: inout JSONOut) throws {
        json.openObject()
        json.field("classifiedAs", classifiedAs)
        try json.field("confidence", confidence)
        json.field("source", source)
        json.field("value", value)
        json.closeObject()
    }
}

extension Fix: DirectJSON {
    func writeJSON(to json: inout JSONOut) throws {
        json.openObject()
        json.field("adminStep", adminStep)
        json.field("configuration", configuration)
        json.field("description", description)
        if let mapping { json.key("mapping"); json.object(mapping) { $0.string($1) } }
        json.closeObject()
    }
}

extension InputReport: DirectJSON {
    func writeJSON(to json: inout JSONOut) throws {
        json.openObject()
        try json.field("error", error)
        try json.field("messages", messages)
        json.field("path", path)
        json.closeObject()
    }
}

extension InputErrorReport: DirectJSON {
    func writeJSON(to json: inout JSONOut) throws {
        json.openObject()
        json.field("column", column)
        json.field("line", line)
        json.field("message", message)
        json.field("messageIndex", messageIndex)
        json.field("ruleId", ruleId)
        json.closeObject()
    }
}

extension MessageReport: DirectJSON {
    func writeJSON(to json: inout JSONOut) throws {
        json.openObject()
        json.field("assertions", assertions)
        json.field("attributes", attributes)
        json.field("containerColumn", containerColumn)
        json.field("containerLine", containerLine)
        json.field("entities", entities)
        try json.field("error", error)
        json.field("index", index)
        json.field("issuer", issuer)
        json.field("kind", kind)
        json.field("linted", linted)
        json.field("origin", origin)
        try json.field("profile", profile)
        json.closeObject()
    }
}

extension Profile: DirectJSON {
    func writeJSON(to json: inout JSONOut) throws {
        json.openObject()
        json.field("email", email)
        try json.field("emailTrust", emailTrust)
        json.field("first_name", firstName)
        json.field("groups", groups)
        json.field("idp_id", idpID)
        json.field("last_name", lastName)
        json.field("name", name)
        json.key("raw_attributes"); json.object(rawAttributes) { $0.strings($1) }
        json.key("sources"); try json.object(sources) { try $0.value($1) }
        json.closeObject()
    }
}

extension FieldSource: DirectJSON {
    func writeJSON(to json: inout JSONOut) throws {
        json.openObject()
        json.field("attribute", attribute)
        try json.field("confidence", confidence)
        json.field("via", via)
        json.closeObject()
    }
}

extension EmailTrustSummary: DirectJSON {
    func writeJSON(to json: inout JSONOut) throws {
        json.openObject()
        json.field("domain", domain)
        json.field("reasons", reasons)
        json.field("verdict", verdict)
        json.closeObject()
    }
}
