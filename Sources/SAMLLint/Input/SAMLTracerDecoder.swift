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

    func messages(requests: [SAMLTracerRequest?]) -> [CaptureDecoder.Found] {
        let capture = CaptureDecoder(payloads: payloads)
        var messages: [CaptureDecoder.Found] = []
        for (number, item) in requests.enumerated() {
            guard let request = item else { continue }
            if request.protocol == "WS-Fed" { continue }
            let method = request.method ?? "?"
            let url = request.url ?? ""
            let place = "request \(number): \(method) \(CaptureDecoder.shortURL(url))"
            var found = samlParameters(request).map { name, value in
                CaptureDecoder.Found(message: capture.message(value: value, origin: "\(place), \(name)", format: .samlTracer), element: number, value: value)
            }
            let decoded = request.saml?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
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

    /// `get` (else the URL's query) then `post` (else `postData`), SAML parameters only.
    func samlParameters(_ request: SAMLTracerRequest) -> [(String, String)] {
        let get = request.get.isEmpty
            ? (CaptureDecoder.query(of: request.url ?? "").map(CaptureDecoder.formPairs)?.map { ($0.name, $0.value) } ?? [])
            : request.get
        return (get + request.post).filter { CaptureDecoder.samlParameters.contains($0.0) }
    }
}
