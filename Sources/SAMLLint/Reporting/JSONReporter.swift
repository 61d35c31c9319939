import Dispatch
import Foundation

/// The JSON report: `docs/report-schema.md` documents it; `schemaVersion` changes when it breaks.
/// Keys are sorted and nothing depends on time, so the same inputs give the same bytes.
///
/// Written by `PrettyJSONEncoder` (the bytes `JSONEncoder` gives, at a fraction of the cost). A large
/// report's findings and inputs are encoded on every core, element by element at their depth, and
/// spliced into the encoded skeleton (the report with both arrays empty); a test compares the result
/// with one `JSONEncoder` pass over the corpus.
public struct JSONReporter: Reporter {
    public static let id = "json"
    public init() {}

    public func render(_ report: Report, options: ReportOptions) -> String {
        String(decoding: renderUTF8(report, options: options), as: UTF8.self)
    }

    public func renderUTF8(_ report: Report, options: ReportOptions) -> [UInt8] {
        guard var bytes = try? Self.encode(report) else { return Array(Self.encodeWithFoundation(report).utf8) }
        bytes.append(0x0A)
        return bytes
    }

    /// The bytes of `renderUTF8` in pieces, without joining the encoded chunks into one buffer.
    public func renderUTF8Pieces(_ report: Report, options: ReportOptions) -> [[UInt8]] {
        let collected = PieceCollector()
        guard (try? Self.stream(report, to: collected.sink)) == true else { return [renderUTF8(report, options: options)] }
        return collected.pieces
    }

    /// `renderUTF8`'s bytes handed to `sink` in order while the rest is still being encoded: a
    /// folder's report is written as its chunks come off the cores, not after the last one.
    public func write(_ report: Report, options: ReportOptions, to sink: @escaping ReportSink) throws -> Bool {
        try Self.stream(report, to: sink)
    }

    /// Below this many elements one pass is as fast as splitting the work.
    public static let parallelThreshold = 256

    static func encode(_ report: Report) throws -> [UInt8] {
        let collected = PieceCollector()
        guard try stream(report, to: collected.sink) else { return [] }
        let pieces = collected.pieces
        var out: [UInt8] = []
        out.reserveCapacity(pieces.reduce(0) { $0 + $1.count })
        for piece in pieces { out += piece }
        out.removeLast()  // the final newline `renderUTF8` adds itself
        return out
    }

    /// The encoded report, then a newline, as consecutive pieces handed to `sink`: the skeleton's
    /// text around the two arrays, and each array's chunks with their separators. false when the
    /// sink refused a piece; throws when a value cannot be encoded (the sink may have had part of
    /// the report by then).
    static func stream(_ report: Report, to sink: @escaping ReportSink) throws -> Bool {
        let newline: [UInt8] = [0x0A]
        guard report.findings.count + report.inputs.count >= parallelThreshold else {
            return try PrettyJSONEncoder.encode(report).withUnsafeBytes(sink) && newline.withUnsafeBytes(sink)
        }
        var skeleton = report
        skeleton.findings = []
        skeleton.inputs = []
        var rest = Substring(String(decoding: try PrettyJSONEncoder.encode(skeleton), as: UTF8.self))
        for key in ["findings", "inputs"] {
            let count = key == "findings" ? report.findings.count : report.inputs.count
            guard count > 0 else { continue }
            let opening = "\n  \"\(key)\" : [\n"
            guard let range = rest.range(of: opening + "\n  ]") else {
                throw PrettyJSONEncoder.InvalidValue(description: "the report's skeleton has no empty \(key) array")
            }
            guard (Array(rest[..<range.lowerBound].utf8) + Array(opening.utf8)).withUnsafeBytes(sink) else { return false }
            let written = key == "findings" ? try streamElements(report.findings, to: sink) : try streamElements(report.inputs, to: sink)
            guard written, Array("\n  ]".utf8).withUnsafeBytes(sink) else { return false }
            rest = rest[range.upperBound...]
        }
        return Array(rest.utf8).withUnsafeBytes(sink) && newline.withUnsafeBytes(sink)
    }

    /// The elements as items of a top-level array (depth 2), encoded on every core in chunks of
    /// consecutive elements joined by `,\n`, handed to `sink` in order as soon as the chunks
    /// before them are.
    static func streamElements<Element: DirectJSON & Sendable>(_ elements: [Element], to sink: @escaping ReportSink) throws -> Bool {
        let chunkSize = 128
        let chunks = (elements.count + chunkSize - 1) / chunkSize
        let relay = OrderedRelay(count: chunks, sink: sink)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            guard relay.isOpen else { return }
            var bytes: [UInt8] = []
            if chunk > 0 { bytes += ",\n".utf8 }
            for index in chunk * chunkSize..<min(elements.count, (chunk + 1) * chunkSize) {
                if index > chunk * chunkSize { bytes += ",\n".utf8 }
                bytes += "    ".utf8
                let start = bytes.count
                guard (try? PrettyJSONEncoder.appendDirect(elements[index], depth: 2, to: &bytes)) != nil else { return relay.fail(encoding: true) }
                if index == chunk * chunkSize {
                    bytes.reserveCapacity((bytes.count - start + 8) * chunkSize * 5 / 4)  // grown once, not doubled from empty
                }
            }
            relay.deliver(chunk, bytes)
        }
        switch relay.outcome {
        case .written: return true
        case .sinkRefused: return false
        case .unencodable: throw PrettyJSONEncoder.InvalidValue(description: "an element of the report cannot be encoded")
        }
    }

    /// The whole report through Foundation's `JSONEncoder`: the reference the tests compare with,
    /// and the fallback should the fast path refuse a value.
    public static func encodeWithFoundation(_ report: Report) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(report), let text = String(data: data, encoding: .utf8) else { return "{}\n" }
        return text + "\n"
    }
}
