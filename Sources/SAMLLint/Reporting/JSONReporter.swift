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
        guard var pieces = try? Self.encodePieces(report) else { return [renderUTF8(report, options: options)] }
        pieces.append([0x0A])
        return pieces
    }

    /// Below this many elements one pass is as fast as splitting the work.
    public static let parallelThreshold = 256

    static func encode(_ report: Report) throws -> [UInt8] {
        let pieces = try encodePieces(report)
        if pieces.count == 1 { return pieces[0] }
        var out: [UInt8] = []
        out.reserveCapacity(pieces.reduce(0) { $0 + $1.count } + 16)
        for piece in pieces { out += piece }
        return out
    }

    /// The encoded report as consecutive pieces: the skeleton's text around the two arrays, and
    /// each array's chunks with their separators.
    static func encodePieces(_ report: Report) throws -> [[UInt8]] {
        guard report.findings.count + report.inputs.count >= parallelThreshold else { return [try PrettyJSONEncoder.encode(report)] }
        var skeleton = report
        skeleton.findings = []
        skeleton.inputs = []
        var rest = Substring(String(decoding: try PrettyJSONEncoder.encode(skeleton), as: UTF8.self))
        let parts = [("findings", try encodeElements(report.findings)), ("inputs", try encodeElements(report.inputs))]
        var pieces: [[UInt8]] = []
        let separator = Array(",\n".utf8)
        for (key, chunks) in parts {
            guard !chunks.isEmpty else { continue }
            let opening = "\n  \"\(key)\" : [\n"
            guard let range = rest.range(of: opening + "\n  ]") else { return [try PrettyJSONEncoder.encode(report)] }
            pieces.append(Array(rest[..<range.lowerBound].utf8) + Array(opening.utf8))
            for (index, chunk) in chunks.enumerated() {
                if index > 0 { pieces.append(separator) }
                pieces.append(chunk)
            }
            pieces.append(Array("\n  ]".utf8))
            rest = rest[range.upperBound...]
        }
        pieces.append(Array(rest.utf8))
        return pieces
    }

    /// The elements as items of a top-level array (depth 2), in chunks of consecutive elements
    /// joined by `,\n`, in order.
    static func encodeElements<Element: Encodable & Sendable>(_ elements: [Element]) throws -> [[UInt8]] {
        let chunkSize = 128
        let chunks = (elements.count + chunkSize - 1) / chunkSize
        let results = ChunkSlots(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var bytes: [UInt8] = []
            for index in chunk * chunkSize..<min(elements.count, (chunk + 1) * chunkSize) {
                if index > chunk * chunkSize { bytes += ",\n".utf8 }
                bytes += "    ".utf8
                let start = bytes.count
                guard (try? PrettyJSONEncoder.append(elements[index], depth: 2, to: &bytes)) != nil else { return }
                if index == chunk * chunkSize {
                    bytes.reserveCapacity((bytes.count - start + 8) * chunkSize * 5 / 4)  // grown once, not doubled from empty
                }
            }
            results.set(chunk, bytes)
        }
        guard let all = results.all() else { throw PrettyJSONEncoder.InvalidValue(description: "an element of the report cannot be encoded") }
        return all
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

/// Slots written by index from several threads; each slot is written once.
private final class ChunkSlots: @unchecked Sendable {
    private var slots: [[UInt8]?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ bytes: [UInt8]) {
        lock.lock()
        slots[index] = bytes
        lock.unlock()
    }
    func all() -> [[UInt8]]? {
        lock.lock()
        defer { lock.unlock() }
        return slots.contains(where: { $0 == nil }) ? nil : slots.map { $0! }
    }
}
