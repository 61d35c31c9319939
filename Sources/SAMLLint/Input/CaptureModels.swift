import Foundation

// The parts of HAR files and SAML-tracer exports samllint reads, decoded with JSONDecoder (a third
// of the memory of JSONSerialization's object tree, and only these fields are materialized).
// Decoding is lenient: a field of an unexpected type reads as absent and a malformed list element
// is skipped, so one odd entry never hides the others.

/// A value decoded if it can be, else nil; never throws.
struct Lenient<T: Decodable>: Decodable {
    let value: T?
    init(from decoder: Decoder) throws { value = try? T(from: decoder) }
}

/// A JSON string, or a number written as text; anything else reads as nil.
struct JSONText: Decodable {
    let value: String?
    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            value = text
        } else if let number = try? container.decode(Int.self) {
            value = String(number)
        } else {
            value = nil
        }
    }
}

struct CaptureKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension KeyedDecodingContainer where Key == CaptureKey {
    func text(_ name: String) -> String? { (try? decodeIfPresent(JSONText.self, forKey: CaptureKey(name)))??.value }
    func object<T: Decodable>(_ type: T.Type, _ name: String) -> T? { (try? decodeIfPresent(Lenient<T>.self, forKey: CaptureKey(name)))??.value }
    /// The list's elements, one slot per element (nil where an element could not be read), or nil
    /// when the key is absent or not a list.
    func list<T: Decodable>(_ type: T.Type, _ name: String) -> [T?]? {
        (try? decodeIfPresent([Lenient<T>].self, forKey: CaptureKey(name)))??.map(\.value)
    }
}

/// The top of a capture: a HAR (`log`), a SAML-tracer export (`requests`), or neither.
struct CaptureRoot: Decodable {
    enum Kind {
        /// nil entries: `log` is there but has no list of entries.
        case har([HAREntry?]?)
        case samlTracer([SAMLTracerRequest?])
        case other
    }
    let kind: Kind

    init(from decoder: Decoder) throws {
        guard let container = try? decoder.container(keyedBy: CaptureKey.self) else {
            kind = .other
            return
        }
        if container.contains(CaptureKey("log")) {
            let log = try? container.nestedContainer(keyedBy: CaptureKey.self, forKey: CaptureKey("log"))
            kind = .har(log?.list(HAREntry.self, "entries"))
        } else if let requests = container.list(SAMLTracerRequest.self, "requests") {
            kind = .samlTracer(requests)
        } else {
            kind = .other
        }
    }
}

/// `{"name": ..., "value": ...}`.
struct NameValue: Decodable {
    let name: String?
    let value: String?
    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CaptureKey.self)
        name = container.text("name")
        value = container.text("value")
    }
}

struct HAREntry: Decodable {
    let method: String?
    let url: String?
    let queryString: [NameValue?]?
    let postParams: [NameValue?]?
    let postText: String?
    let postMimeType: String?
    /// `response.content.text` and its `encoding`.
    let responseText: String?
    let responseEncoding: String?

    init(from decoder: Decoder) throws {
        let entry = try decoder.container(keyedBy: CaptureKey.self)
        let request = try? entry.nestedContainer(keyedBy: CaptureKey.self, forKey: CaptureKey("request"))
        method = request?.text("method")
        url = request?.text("url")
        queryString = request?.list(NameValue.self, "queryString")
        let post = try? request?.nestedContainer(keyedBy: CaptureKey.self, forKey: CaptureKey("postData"))
        postParams = post?.list(NameValue.self, "params")
        postText = post?.text("text")
        postMimeType = post?.text("mimeType")
        let response = try? entry.nestedContainer(keyedBy: CaptureKey.self, forKey: CaptureKey("response"))
        let content = try? response?.nestedContainer(keyedBy: CaptureKey.self, forKey: CaptureKey("content"))
        responseText = content?.text("text")
        responseEncoding = content?.text("encoding")
    }
}

/// One request of a SAML-tracer export.
struct SAMLTracerRequest: Decodable {
    let method: String?
    let url: String?
    let `protocol`: String?
    let saml: String?
    let get: [(String, String)]
    let post: [(String, String)]

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CaptureKey.self)
        method = container.text("method")
        url = container.text("url")
        `protocol` = container.text("protocol")
        saml = container.text("saml")
        get = (container.list(Pair.self, "get") ?? []).compactMap { $0?.tuple }
        var post = (container.list(Pair.self, "post") ?? []).compactMap { $0?.tuple }
        if post.isEmpty, let data = container.object([String: Lenient<TextList>].self, "postData") {
            for name in data.keys.sorted() { post += (data[name]?.value?.values ?? []).map { (name, $0) } }
        }
        self.post = post
    }

    /// `[name, value]`, or legacy `{"name": ..., "value": ...}`.
    struct Pair: Decodable {
        let tuple: (String, String)?
        init(from decoder: Decoder) throws {
            if var list = try? decoder.unkeyedContainer(), let name = try? list.decode(JSONText.self).value,
                let value = try? list.decode(JSONText.self).value
            {
                tuple = (name, value)
            } else if let pair = try? NameValue(from: decoder), let name = pair.name, let value = pair.value {
                tuple = (name, value)
            } else {
                tuple = nil
            }
        }
    }

    /// `["v1", "v2"]` or `"v"`.
    struct TextList: Decodable {
        let values: [String]
        init(from decoder: Decoder) throws {
            if let list = try? [JSONText](from: decoder) {
                values = list.compactMap(\.value)
            } else {
                values = (try? JSONText(from: decoder).value).flatMap { $0 }.map { [$0] } ?? []
            }
        }
    }
}
