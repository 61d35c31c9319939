import Foundation

/// SAML-tracer's JSON export (`{"requests": [...], "timestamp": ...}`; SAMLTraceIO.js in
/// simplesamlphp/SAML-tracer). Each request has `method`, `url`, `get` / `post` as
/// `[[name, value], ...]` (values already URL-decoded), sometimes `postData` as
/// `{name: [values]}`, and `saml`: the message as SAML-tracer decoded it. The parameters are
/// preferred (they are the bytes that were sent, which signatures cover); `saml` is used when they
/// are absent or were hashed or obfuscated by the export's privacy filter. WS-Federation requests
/// (`protocol: "WS-Fed"`) are not SAML 2.0 protocol messages and are skipped.
struct SAMLTracerDecoder {
    let payloads: InputDecoder

    func messages(requests: [Any]) -> [CaptureDecoder.Found] {
        let capture = CaptureDecoder(payloads: payloads)
        var messages: [CaptureDecoder.Found] = []
        for (number, item) in requests.enumerated() {
            guard let request = item as? [String: Any] else { continue }
            if CaptureDecoder.string(request["protocol"]) == "WS-Fed" { continue }
            let method = CaptureDecoder.string(request["method"]) ?? "?"
            let url = CaptureDecoder.string(request["url"]) ?? ""
            let place = "request \(number): \(method) \(CaptureDecoder.shortURL(url))"
            var found = samlParameters(request: request, url: url).map { name, value in
                CaptureDecoder.Found(message: capture.message(value: value, origin: "\(place), \(name)", format: .samlTracer), element: number, value: value)
            }
            let decoded = CaptureDecoder.string(request["saml"])?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if !decoded.isEmpty, found.allSatisfy({ $0.message.error != nil }), decoded.hasPrefix("<") {
                var message = RawMessage(bytes: Array(decoded.utf8), origin: "\(place), saml", encoding: .samlTracer)
                if message.bytes.count > payloads.maxMessageBytes { message = tooLarge(message) }
                found = [CaptureDecoder.Found(message: message, element: number, value: decoded)]
            }
            for var item in found {
                item.message.index = messages.count
                messages.append(item)
            }
        }
        return messages
    }

    private func tooLarge(_ message: RawMessage) -> RawMessage {
        RawMessage(
            bytes: [], origin: message.origin, encoding: .samlTracer,
            error: InputError(ruleId: "input/too-large", message: "message is \(message.bytes.count) bytes, over the limit of \(payloads.maxMessageBytes) bytes (--max-bytes)"))
    }

    func samlParameters(request: [String: Any], url: String) -> [(String, String)] {
        var get = pairs(request["get"])
        if get.isEmpty { get = CaptureDecoder.query(of: url).map(CaptureDecoder.formPairs) ?? [] }
        var post = pairs(request["post"])
        if post.isEmpty, let data = request["postData"] as? [String: Any] {
            for name in data.keys.sorted() {
                let values = (data[name] as? [Any])?.compactMap(CaptureDecoder.string) ?? CaptureDecoder.string(data[name]).map { [$0] } ?? []
                post += values.map { (name, $0) }
            }
        }
        return (get + post).filter { CaptureDecoder.samlParameters.contains($0.0) }
    }

    /// `[[name, value], ...]`, or legacy `[{name:, value:}]`.
    func pairs(_ value: Any?) -> [(String, String)] {
        guard let list = value as? [Any] else { return [] }
        return list.compactMap { item in
            if let pair = item as? [Any], pair.count >= 2, let name = CaptureDecoder.string(pair[0]),
                let value = CaptureDecoder.string(pair[1])
            {
                return (name, value)
            }
            if let pair = item as? [String: Any], let name = CaptureDecoder.string(pair["name"]),
                let value = CaptureDecoder.string(pair["value"])
            {
                return (name, value)
            }
            return nil
        }
    }
}
