import Foundation

/// HAR 1.2 (`log.entries[]`, as browsers' "Save all as HAR" writes it): SAML parameters in each
/// entry's query string (`request.queryString`, else `request.url`) and POST body
/// (`request.postData.params`, else a form-encoded `request.postData.text`). Response bodies are not
/// read: the message the browser sent is the one that counts. Work is linear in the entries.
struct HARDecoder {
    let payloads: InputDecoder

    func messages(entries: [Any]) -> [RawMessage] {
        let capture = CaptureDecoder(payloads: payloads)
        var messages: [RawMessage] = []
        for (number, item) in entries.enumerated() {
            guard let entry = item as? [String: Any], let request = entry["request"] as? [String: Any] else { continue }
            let method = CaptureDecoder.string(request["method"]) ?? "?"
            let url = CaptureDecoder.string(request["url"]) ?? ""
            let place = "entry \(number): \(method) \(CaptureDecoder.shortURL(url))"
            for (name, value) in samlParameters(request: request, url: url) {
                var message = capture.message(value: value, origin: "\(place), \(name)", format: .har)
                message.index = messages.count
                messages.append(message)
            }
        }
        return messages
    }

    /// SAML parameters of one request, query string first, then the body.
    func samlParameters(request: [String: Any], url: String) -> [(String, String)] {
        var found: [(String, String)] = []
        let listed = pairs(request["queryString"])
        let query = listed.isEmpty ? (CaptureDecoder.query(of: url).map(CaptureDecoder.formPairs) ?? []) : listed
        found += query.filter { CaptureDecoder.samlParameters.contains($0.name) }.map { ($0.name, $0.value) }
        if let post = request["postData"] as? [String: Any] {
            var body = pairs(post["params"])
            if body.isEmpty, let text = CaptureDecoder.string(post["text"]) {
                let mime = (CaptureDecoder.string(post["mimeType"]) ?? "").lowercased()
                if mime.contains("x-www-form-urlencoded") || text.contains("SAMLResponse=") || text.contains("SAMLRequest=") {
                    body = CaptureDecoder.formPairs(Substring(text))
                }
            }
            found += body.filter { CaptureDecoder.samlParameters.contains($0.name) }.map { ($0.name, $0.value) }
        }
        return found
    }

    /// `[{ "name": ..., "value": ... }]`.
    func pairs(_ value: Any?) -> [(name: String, value: String)] {
        guard let list = value as? [Any] else { return [] }
        return list.compactMap { item in
            guard let pair = item as? [String: Any], let name = CaptureDecoder.string(pair["name"]),
                let value = CaptureDecoder.string(pair["value"])
            else { return nil }
            let decodedName = name.removingPercentEncoding ?? name
            return (decodedName.trimmingCharacters(in: .whitespacesAndNewlines), value)
        }
    }
}
