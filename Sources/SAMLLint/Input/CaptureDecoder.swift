import Foundation

/// Browser captures that carry several SAML messages: HAR files and SAML-tracer exports.
struct CaptureDecoder {
    let payloads: InputDecoder

    static func detect(_ bytes: [UInt8]) -> InputFormat {
        let head = String(decoding: bytes.prefix(8192), as: UTF8.self)
        if head.contains("\"log\"") { return .har }
        if head.contains("\"requests\"") { return .samlTracer }
        return .har
    }

    func decode(_ bytes: [UInt8], format: InputFormat) -> Result<[RawMessage], InputError> {
        .failure(InputError(ruleId: "input/undecodable", message: "\(format.rawValue) captures are not supported yet"))
    }
}
