/// The report's own types written straight to bytes, without the Codable boxes: a folder's report
/// is mostly findings and message profiles, and building a tree for each cost more than writing it.
///
/// Each type writes its keys in UTF-8 byte order by hand and leaves nil optionals out, exactly as
/// its synthesized `Encodable` conformance does through `PrettyJSONEncoder`; a test compares both
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
        name.withUTF8Buffer { bytes += $0 }
        bytes += "\" : ".utf8
    }

    /// `"key" : ` for a key from data (a dictionary's).
    mutating func key(_ name: String) {
        nextEntry()
        JSONTreeWriter.writeString(name, into: &bytes)
        bytes += " : ".utf8
    }

    /// Starts the next element of an array.
    mutating func element() { nextEntry() }

    mutating func string(_ text: String) { JSONTreeWriter.writeString(text, into: &bytes) }
    mutating func int(_ value: Int) { bytes += String(value).utf8 }
    mutating func bool(_ flag: Bool) { bytes += (flag ? "true" : "false").utf8 }

    mutating func double(_ value: Double) throws {
        guard case let .number(text) = try JSONTreeEncoder.number(value, []) else { return }
        bytes += text.utf8
    }

    mutating func value(_ value: some DirectJSON) throws { try value.writeJSON(to: &self) }

    mutating func strings(_ values: [String]) {
        openArray()
        for value in values {
            element()
            string(value)
        }
        closeArray()
    }

    /// An object whose keys come from data, in UTF-8 byte order as `sortedKeys` writes them.
    mutating func object<Value>(_ entries: [String: Value], _ write: (inout JSONOut, Value) throws -> Void) rethrows {
        openObject()
        for name in entries.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            key(name)
            try write(&self, entries[name]!)
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
        if !fresh { bytes += ",\n".utf8 }
        fresh = false
        JSONTreeWriter.indent(depth, &bytes)
    }
}

// MARK: The report's types (keys in byte order: uppercase sorts before lowercase)

extension Finding: DirectJSON {
    func writeJSON(to json: inout JSONOut) throws {
        json.openObject()
        json.key("evidence")
        json.openArray()
        for item in evidence {
            json.element()
            try json.value(item)
        }
        json.closeArray()
        if let field { json.key("field"); json.string(field) }
        if let fix { json.key("fix"); try json.value(fix) }
        json.key("location"); try json.value(location)
        json.key("message"); json.string(message)
        json.key("ruleId"); json.string(ruleId)
        json.key("severity"); json.string(severity.rawValue)
        json.closeObject()
    }
}

extension Location: DirectJSON {
    func writeJSON(to json: inout JSONOut) throws {
        json.openObject()
        if let attribute { json.key("attribute"); json.string(attribute) }
        json.key("column"); json.int(column)
        if let entityID { json.key("entityID"); json.string(entityID) }
        json.key("line"); json.int(line)
        json.key("message"); json.int(message)
        if let origin { json.key("origin"); json.string(origin) }
        json.key("path"); json.string(path)
        if let xpath { json.key("xpath"); json.string(xpath) }
        json.closeObject()
    }
}

extension Evidence: DirectJSON {
    func writeJSON(to json: inout JSONOut) throws {
        json.openObject()
        if let classifiedAs { json.key("classifiedAs"); json.string(classifiedAs) }
        if let confidence { json.key("confidence"); try json.double(confidence) }
        if let source { json.key("source"); json.string(source) }
        json.key("value"); json.string(value)
        json.closeObject()
    }
}

extension Fix: DirectJSON {
    func writeJSON(to json: inout JSONOut) throws {
        json.openObject()
        if let adminStep { json.key("adminStep"); json.string(adminStep) }
        if let configuration { json.key("configuration"); json.string(configuration) }
        json.key("description"); json.string(description)
        if let mapping { json.key("mapping"); json.object(mapping) { $0.string($1) } }
        json.closeObject()
    }
}

extension InputReport: DirectJSON {
    func writeJSON(to json: inout JSONOut) throws {
        json.openObject()
        if let error { json.key("error"); try json.value(error) }
        json.key("messages")
        json.openArray()
        for message in messages {
            json.element()
            try json.value(message)
        }
        json.closeArray()
        json.key("path"); json.string(path)
        json.closeObject()
    }
}

extension InputErrorReport: DirectJSON {
    func writeJSON(to json: inout JSONOut) throws {
        json.openObject()
        json.key("column"); json.int(column)
        json.key("line"); json.int(line)
        json.key("message"); json.string(message)
        if let messageIndex { json.key("messageIndex"); json.int(messageIndex) }
        json.key("ruleId"); json.string(ruleId)
        json.closeObject()
    }
}

extension MessageReport: DirectJSON {
    func writeJSON(to json: inout JSONOut) throws {
        json.openObject()
        json.key("assertions"); json.int(assertions)
        json.key("attributes"); json.int(attributes)
        if let containerColumn { json.key("containerColumn"); json.int(containerColumn) }
        if let containerLine { json.key("containerLine"); json.int(containerLine) }
        json.key("entities"); json.int(entities)
        if let error { json.key("error"); try json.value(error) }
        json.key("index"); json.int(index)
        if let issuer { json.key("issuer"); json.string(issuer) }
        json.key("kind"); json.string(kind)
        json.key("linted"); json.bool(linted)
        if let origin { json.key("origin"); json.string(origin) }
        if let profile { json.key("profile"); try json.value(profile) }
        json.closeObject()
    }
}

extension Profile: DirectJSON {
    func writeJSON(to json: inout JSONOut) throws {
        json.openObject()
        if let email { json.key("email"); json.string(email) }
        if let emailTrust { json.key("emailTrust"); try json.value(emailTrust) }
        if let firstName { json.key("first_name"); json.string(firstName) }
        json.key("groups"); json.strings(groups)
        if let idpID { json.key("idp_id"); json.string(idpID) }
        if let lastName { json.key("last_name"); json.string(lastName) }
        if let name { json.key("name"); json.string(name) }
        json.key("raw_attributes"); json.object(rawAttributes) { $0.strings($1) }
        json.key("sources"); try json.object(sources) { try $0.value($1) }
        json.closeObject()
    }
}

extension FieldSource: DirectJSON {
    func writeJSON(to json: inout JSONOut) throws {
        json.openObject()
        json.key("attribute"); json.string(attribute)
        json.key("confidence"); try json.double(confidence)
        json.key("via"); json.string(via)
        json.closeObject()
    }
}

extension EmailTrustSummary: DirectJSON {
    func writeJSON(to json: inout JSONOut) throws {
        json.openObject()
        if let domain { json.key("domain"); json.string(domain) }
        json.key("reasons"); json.strings(reasons)
        json.key("verdict"); json.string(verdict)
        json.closeObject()
    }
}
