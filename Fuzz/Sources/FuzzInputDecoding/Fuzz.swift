import SAMLLint

/// Input decoding: base64, DEFLATE, form bodies, HAR and SAML-tracer captures, auto-detection.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInputDecoding(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let decoder = InputDecoder(maxMessageBytes: 1 << 20, maxInflatedBytes: 1 << 20)
    for format in InputFormat.allCases {
        _ = decoder.decode(bytes, format: format)
    }
    return 0
}
