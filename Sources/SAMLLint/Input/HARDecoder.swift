import Foundation

/// HAR 1.2 (`log.entries[]`, as browsers' "Save all as HAR" writes it): SAML parameters in each
/// entry's query string (`request.queryString`, else `request.url`) and POST body
/// (`request.postData.params`, else a form-encoded `request.postData.text`). When a browser left a
/// POST body out of the capture, the IdP's auto-submitting HTML form in a response body
/// (`<input type="hidden" name="SAMLResponse" value="...">`) still holds the message: such a form
/// is used only when no request carries the same payload, so nothing is linted twice. Work is
/// linear in the entries.
struct HARDecoder {
    let payloads: InputDecoder

    func messages(entries: [HAREntry?]) -> [CaptureDecoder.Found] {
        let capture = CaptureDecoder(payloads: payloads)
        var perEntry: [(number: Int, place: String, sent: [(String, String)], forms: [(String, String)])] = []
        var sentKeys = Set<String>()
        for (number, item) in entries.enumerated() {
            guard let entry = item, entry.method != nil || entry.url != nil else { continue }
            let method = entry.method ?? "?"
            let url = entry.url ?? ""
            let sent = samlParameters(entry)
            for (_, value) in sent { sentKeys.insert(Self.key(value)) }
            let forms = HTMLFormScanner.samlFields(in: responseText(entry))
            guard !sent.isEmpty || !forms.isEmpty else { continue }
            perEntry.append((number, "entry \(number): \(method) \(CaptureDecoder.shortURL(url))", sent, forms))
        }
        var messages: [CaptureDecoder.Found] = []
        for (number, place, sent, forms) in perEntry {
            var found = sent.map { name, value in
                CaptureDecoder.Found(message: capture.message(value: value, origin: "\(place), \(name)", format: .har), element: number, value: value)
            }
            for (name, value) in forms where !sentKeys.contains(Self.key(value)) {
                sentKeys.insert(Self.key(value))
                let message = capture.message(value: value, origin: "\(place), \(name) in the response's HTML form", format: .har)
                found.append(CaptureDecoder.Found(message: message, element: number, value: value))
            }
            for var item in found {
                item.message.index = messages.count
                messages.append(item)
            }
        }
        return messages
    }

    /// A payload's identity whatever its encoding in the capture (percent-encoded or not, line breaks).
    static func key(_ value: String) -> String {
        let decoded = value.contains("%") ? (value.removingPercentEncoding ?? value) : value
        return String(decoded.unicodeScalars.filter { !CharacterSets.whitespacesAndNewlines.contains($0) }.map(Character.init))
            .replacingOccurrences(of: "=", with: "")
    }

    /// `response.content.text`, base64-decoded when `encoding` says so; only when it may hold a form.
    func responseText(_ entry: HAREntry) -> String? {
        guard let text = entry.responseText, text.utf8.count <= payloads.maxMessageBytes * 2 else { return nil }
        if entry.responseEncoding == "base64" {
            guard let data = Data(base64Encoded: text, options: .ignoreUnknownCharacters) else { return nil }
            return String(decoding: data, as: UTF8.self)
        }
        return text
    }

    /// SAML parameters of one request, query string first, then the body.
    func samlParameters(_ entry: HAREntry) -> [(String, String)] {
        var found: [(String, String)] = []
        let listed = pairs(entry.queryString)
        let query = listed.isEmpty ? (CaptureDecoder.query(of: entry.url ?? "").map(CaptureDecoder.formPairs) ?? []) : listed
        found += query.filter { CaptureDecoder.samlParameters.contains($0.name) }.map { ($0.name, $0.value) }
        var body = pairs(entry.postParams)
        if body.isEmpty, let text = entry.postText {
            let mime = (entry.postMimeType ?? "").lowercased()
            if mime.contains("x-www-form-urlencoded") || text.contains("SAMLResponse=") || text.contains("SAMLRequest=") {
                body = CaptureDecoder.formPairs(Substring(text))
            }
        }
        found += body.filter { CaptureDecoder.samlParameters.contains($0.name) }.map { ($0.name, $0.value) }
        return found
    }

    /// `[{ "name": ..., "value": ... }]`, names percent-decoded.
    func pairs(_ list: [NameValue?]?) -> [(name: String, value: String)] {
        (list ?? []).compactMap { item in
            guard let name = item?.name, let value = item?.value else { return nil }
            let decodedName = name.removingPercentEncoding ?? name
            return (decodedName.trimmingCharacters(in: .whitespacesAndNewlines), value)
        }
    }
}
