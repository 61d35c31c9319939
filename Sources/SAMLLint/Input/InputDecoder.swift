import Foundation

/// Turns the bytes of one input file into the SAML messages it carries: raw XML, base64 (POST
/// binding, with or without line breaks), DEFLATE + base64 (Redirect binding), a URL-encoded form
/// body or query string with `SAMLResponse=` / `SAMLRequest=`, or a JSON capture (HAR, SAML-tracer).
public struct InputDecoder: Sendable {
    /// Largest decoded message accepted, in bytes.
    public var maxMessageBytes: Int
    /// Largest inflated DEFLATE payload, in bytes.
    public var maxInflatedBytes: Int

    public init(maxMessageBytes: Int = 16 * 1024 * 1024, maxInflatedBytes: Int = 16 * 1024 * 1024) {
        self.maxMessageBytes = maxMessageBytes
        self.maxInflatedBytes = maxInflatedBytes
    }

    public func decode(_ bytes: [UInt8], format: InputFormat = .auto) -> Result<[RawMessage], InputError> {
        let format = format == .auto ? Self.detect(bytes) : format
        do {
            switch format {
            case .auto, .xml:
                return .success([try checked(RawMessage(bytes: bytes, encoding: .xml))])
            case .base64:
                return .success([try checked(try decodeBase64Payload(bytes, origin: nil))])
            case .deflate:
                guard let data = Self.base64Bytes(Self.ascii(bytes)) else {
                    throw InputError(ruleId: "input/undecodable", message: "not base64 text")
                }
                let xml = try inflate(data)
                return .success([try checked(RawMessage(bytes: xml, origin: "deflate+base64", encoding: .deflate))])
            case .form:
                return .success(try decodeForm(bytes).map { try checked($0) })
            case .har, .samlTracer:
                return CaptureDecoder(payloads: self).decode(bytes, format: format)
            }
        } catch let error as InputError {
            return .failure(error)
        } catch {
            return .failure(InputError(ruleId: "input/undecodable", message: "\(error)"))
        }
    }

    // MARK: Detection

    /// Guesses the encoding from the first meaningful bytes.
    public static func detect(_ bytes: [UInt8]) -> InputFormat {
        let body = bytes.drop(while: { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 })
        if body.starts(with: [0xEF, 0xBB, 0xBF]) || body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) {
            return .xml
        }
        guard let first = body.first else { return .xml }
        if first == UInt8(ascii: "<") { return .xml }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            return CaptureDecoder.detect(bytes)
        }
        let head = String(decoding: body.prefix(4096), as: UTF8.self)
        if head.contains("SAMLResponse=") || head.contains("SAMLRequest=") { return .form }
        if looksLikeFormBody(head) { return .form }
        return .base64
    }

    // MARK: Payloads

    /// A base64 SAML payload, possibly percent-encoded, possibly DEFLATE-compressed inside.
    func decodeBase64Payload(_ bytes: [UInt8], origin: String?) throws -> RawMessage {
        var text = Self.ascii(bytes).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.contains("%"), let decoded = text.removingPercentEncoding { text = decoded }
        guard let data = Self.base64Bytes(text) else {
            throw InputError(
                ruleId: "input/undecodable",
                message: "not XML, not base64, not a form body with SAMLResponse= or SAMLRequest=, and not a HAR or SAML-tracer capture")
        }
        if Self.looksLikeXML(data) {
            return RawMessage(bytes: data, origin: origin ?? "base64", encoding: .base64)
        }
        let xml = try inflate(data)
        return RawMessage(bytes: xml, origin: origin.map { $0 + ", deflate" } ?? "deflate+base64", encoding: .deflate)
    }

    func inflate(_ data: [UInt8]) throws -> [UInt8] {
        var result: [UInt8]?
        do {
            result = try Inflate.raw(data, limit: maxInflatedBytes)
        } catch .tooLarge(let limit) {
            throw InputError(ruleId: "input/too-large", message: "the DEFLATE payload inflates past the limit of \(limit) bytes")
        } catch {
            result = try? Inflate.framed(data, limit: maxInflatedBytes)
        }
        guard let xml = result, Self.looksLikeXML(xml) else {
            throw InputError(ruleId: "input/undecodable", message: "base64 decodes to binary data that is neither XML nor DEFLATE-compressed XML")
        }
        return xml
    }

    /// `SAMLResponse=...&RelayState=...`, a query string, or a whole URL.
    func decodeForm(_ bytes: [UInt8]) throws -> [RawMessage] {
        let text = Self.ascii(bytes).trimmingCharacters(in: .whitespacesAndNewlines)
        let query = text.split(separator: "?", maxSplits: 1).count == 2 && !text.hasPrefix("SAML")
            ? String(text.split(separator: "?", maxSplits: 1)[1]) : text
        var messages: [RawMessage] = []
        for pair in query.split(whereSeparator: { $0 == "&" || $0 == "\n" }) {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let name = String(parts[0]).trimmingCharacters(in: .whitespaces)
            guard name == "SAMLResponse" || name == "SAMLRequest" else { continue }
            // '+' stays '+': base64 never holds a space, and a decoded '+' as space would corrupt it.
            let value = String(parts[1]).removingPercentEncoding ?? String(parts[1])
            var message = try decodeBase64Payload(Array(value.utf8), origin: "form \(name)")
            message.index = messages.count
            message.encoding = .form
            messages.append(message)
        }
        guard !messages.isEmpty else {
            throw InputError(ruleId: "input/no-saml-found", message: "no SAMLResponse= or SAMLRequest= parameter found")
        }
        return messages
    }

    func checked(_ message: RawMessage) throws -> RawMessage {
        if message.bytes.count > maxMessageBytes {
            throw InputError(
                ruleId: "input/too-large",
                message: "message is \(message.bytes.count) bytes, over the limit of \(maxMessageBytes) bytes (--max-bytes)")
        }
        return message
    }

    // MARK: Helpers

    static func ascii(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    /// Base64 (standard or URL-safe), whitespace and line breaks ignored. Nil when the text holds
    /// anything else or decodes to nothing.
    static func base64Bytes(_ text: String) -> [UInt8]? {
        var cleaned = ""
        cleaned.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "A"..."Z", "a"..."z", "0"..."9", "+", "/", "=": cleaned.unicodeScalars.append(scalar)
            case "-": cleaned.append("+")
            case "_": cleaned.append("/")
            case " ", "\n", "\r", "\t": continue
            default: return nil
            }
        }
        guard !cleaned.isEmpty else { return nil }
        var stripped = cleaned.replacingOccurrences(of: "=", with: "")
        // A truncated payload (copied short) leaves a lone final character: drop it so the rest decodes
        // and the truncation shows up as what it is, malformed XML at its end.
        if stripped.count % 4 == 1 { stripped.removeLast() }
        let padded = stripped + String(repeating: "=", count: (4 - stripped.count % 4) % 4)
        guard let data = Data(base64Encoded: padded), !data.isEmpty else { return nil }
        return [UInt8](data)
    }

    /// `name=value&name=value` with no whitespace: a form body or query string.
    static func looksLikeFormBody(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.contains("&"), !trimmed.contains(where: { $0 == " " || $0 == "\n" }) else { return false }
        let pairs = trimmed.split(separator: "&")
        return pairs.allSatisfy { pair in
            guard let equals = pair.firstIndex(of: "=") else { return false }
            let name = pair[..<equals]
            return !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }
        }
    }

    static func looksLikeXML(_ bytes: [UInt8]) -> Bool {
        let body = bytes.drop(while: { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 })
        if body.starts(with: [0xEF, 0xBB, 0xBF]) || body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) {
            return true
        }
        return body.first == UInt8(ascii: "<")
    }
}
