import Foundation

/// Browser captures that carry several SAML messages: HAR files and SAML-tracer exports. The JSON
/// is decoded once (CaptureModels); its shape (`log.entries` or `requests`) decides which decoder reads it. Every
/// `SAMLResponse` / `SAMLRequest` found becomes its own message, numbered in capture order; one
/// that cannot be decoded becomes a message carrying its error, so the others are still linted.
struct CaptureDecoder {
    let payloads: InputDecoder

    static let samlParameters: Set<String> = ["SAMLResponse", "SAMLRequest"]

    static func detect(_ bytes: [UInt8]) -> InputFormat {
        let head = String(decoding: bytes.prefix(8192), as: UTF8.self)
        if head.contains("\"log\"") { return .har }
        if head.contains("\"requests\"") { return .samlTracer }
        return .har
    }

    func decode(_ bytes: [UInt8], format: InputFormat) -> Result<[RawMessage], InputError> {
        let root: CaptureRoot
        do {
            root = try JSONDecoder().decode(CaptureRoot.self, from: Data(bytes))
        } catch {
            return .failure(InputError(ruleId: "input/undecodable", message: "not valid JSON (or nested too deeply), so neither a HAR file nor a SAML-tracer export"))
        }
        var found: [Found]
        let what: String
        let listKey: [String]
        switch root.kind {
        case .har(nil):
            return .failure(InputError(ruleId: "input/undecodable", message: "HAR file without a log.entries list"))
        case let .har(entries?):
            found = HARDecoder(payloads: payloads).messages(entries: entries)
            what = "HAR file (\(entries.count) entr\(entries.count == 1 ? "y" : "ies"))"
            listKey = ["log", "entries"]
        case let .samlTracer(requests):
            found = SAMLTracerDecoder(payloads: payloads).messages(requests: requests)
            what = "SAML-tracer export (\(requests.count) request\(requests.count == 1 ? "" : "s"))"
            listKey = ["requests"]
        case .other:
            return .failure(InputError(
                ruleId: "input/undecodable",
                message: "JSON that is neither a HAR file (log.entries) nor a SAML-tracer export (requests)"))
        }
        guard !found.isEmpty else {
            return .failure(InputError(
                ruleId: "input/no-saml-found", message: "no SAMLResponse or SAMLRequest in this \(what)"))
        }
        var locator = PayloadLocator(bytes: bytes, listKey: listKey)
        for index in found.indices {
            guard let position = locator.position(element: found[index].element, value: found[index].value) else { continue }
            found[index].message.containerLine = position.line
            found[index].message.containerColumn = position.column
        }
        return .success(found.map(\.message))
    }

    /// A message found in a capture, with the list element it came from and the payload as it
    /// was written there (to locate it in the file).
    struct Found {
        var message: RawMessage
        let element: Int
        let value: String
    }

    // MARK: Shared by both decoders

    /// One SAML parameter value as a message: base64 (POST) or deflate+base64 (Redirect), possibly
    /// percent-encoded. A value whose `+` became a space through form decoding is repaired.
    func message(value: String, origin: String, format: InputFormat) -> RawMessage {
        let repaired = value.replacingOccurrences(of: " ", with: "+")
        do {
            var message = try payloads.checked(payloads.decodeBase64Payload(Array(repaired.utf8), origin: origin))
            message.encoding = format
            return message
        } catch var error as InputError {
            if error.message.hasPrefix("not XML, not base64") {
                error.message = "the parameter's value is not base64 (the POST binding) nor DEFLATE + base64 (the Redirect binding)"
            }
            return RawMessage(bytes: [], origin: origin, encoding: format, error: error)
        } catch {
            return RawMessage(
                bytes: [], origin: origin, encoding: format,
                error: InputError(ruleId: "input/undecodable", message: "\(error)"))
        }
    }

    /// `name=value` pairs of a query string or form body, values left encoded.
    static func formPairs(_ text: Substring) -> [(name: String, value: String)] {
        text.split(whereSeparator: { $0 == "&" || $0 == ";" }).compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { return nil }
            let name = String(parts[0]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(parts[0])
            return (name.trimmingCharacters(in: .whitespacesAndNewlines), String(parts[1]))
        }
    }

    /// The query part of a URL (without the fragment), or nil.
    static func query(of url: String) -> Substring? {
        guard let mark = url.firstIndex(of: "?") else { return nil }
        let rest = url[url.index(after: mark)...]
        if let hash = rest.firstIndex(of: "#") { return rest[..<hash] }
        return rest
    }

    /// A URL for people: scheme, host and path; query values elided (a Redirect-binding URL holds the
    /// whole message, and query values may be personal), at most 200 characters.
    static func shortURL(_ url: String) -> String {
        var short = url
        if let mark = url.firstIndex(of: "?") {
            let names = formPairs(query(of: url) ?? "").map { "\($0.name)=…" }
            short = String(url[..<mark]) + (names.isEmpty ? "" : "?" + names.joined(separator: "&"))
        } else if let hash = url.firstIndex(of: "#") {
            short = String(url[..<hash])
        }
        if short.count > 200 { short = String(short.prefix(199)) + "…" }
        return short
    }
}
