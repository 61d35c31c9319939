import CZlib

/// Raw DEFLATE (RFC 1951), as the SAML HTTP-Redirect binding uses, through zlib. The output is
/// capped so a small stream cannot inflate into gigabytes.
enum Inflate {
    enum Failure: Error, Equatable {
        case invalid(String)
        case tooLarge(limit: Int)
    }

    static func raw(_ input: [UInt8], limit: Int) throws(Failure) -> [UInt8] {
        try run(input, limit: limit, auto: false)
    }

    /// zlib or gzip framing, detected from the header.
    static func framed(_ input: [UInt8], limit: Int) throws(Failure) -> [UInt8] {
        try run(input, limit: limit, auto: true)
    }

    private static func run(_ input: [UInt8], limit: Int, auto: Bool) throws(Failure) -> [UInt8] {
        guard !input.isEmpty else { throw .invalid("empty stream") }
        var stream = z_stream()
        let initStatus = auto ? czlib_inflate_init_auto(&stream) : czlib_inflate_init_raw(&stream)
        guard initStatus == Z_OK else { throw .invalid("zlib could not start") }
        defer { inflateEnd(&stream) }

        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var mutableInput = input
        var status: Int32 = Z_OK
        var failure: Failure?
        mutableInput.withUnsafeMutableBufferPointer { inputBuffer in
            stream.next_in = inputBuffer.baseAddress
            stream.avail_in = uInt(inputBuffer.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { chunkBuffer in
                    stream.next_out = chunkBuffer.baseAddress
                    stream.avail_out = uInt(chunkBuffer.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                if status != Z_OK && status != Z_STREAM_END {
                    let message = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                    failure = .invalid(message)
                    return
                }
                if output.count + produced > limit {
                    failure = .tooLarge(limit: limit)
                    return
                }
                output.append(contentsOf: chunk[0..<produced])
                if produced == 0 && stream.avail_in == 0 && status != Z_STREAM_END {
                    // Truncated: no more input and no end marker.
                    break
                }
            } while status != Z_STREAM_END
        }
        if let failure { throw failure }
        if status != Z_STREAM_END && output.isEmpty { throw .invalid("truncated stream") }
        return output
    }
}
