import Foundation

/// A sliding window over a file (or bytes in memory), read in chunks, addressed by absolute byte
/// offsets. Bytes before `keepFrom` may be dropped when more is read, so memory stays bounded by
/// the largest piece the caller holds on to, not by the file. Also counts lines and UTF-16
/// columns, lazily, for the offsets asked about.
final class ByteWindow {
    private let fileDescriptor: Int32?
    private let ownsDescriptor: Bool
    private(set) var buffer: [UInt8]
    /// Absolute offset of `buffer[0]`.
    private(set) var base = 0
    private(set) var atEOF: Bool
    /// The caller promises not to look before this absolute offset again.
    var keepFrom = 0
    private let chunkSize: Int
    /// Where each chunk is read before it is appended (no zero-filling of the window).
    private let scratch: UnsafeMutableBufferPointer<UInt8>

    // Line tracking: lines are counted up to `trackedTo`; `anchor` is a known (offset, column) on
    // the current line.
    private var trackedTo = 0
    private var line = 1
    private var anchorOffset = 0
    private var anchorColumn = 1

    init(bytes: [UInt8]) {
        fileDescriptor = nil
        ownsDescriptor = false
        buffer = bytes
        atEOF = true
        chunkSize = 0
        scratch = .allocate(capacity: 0)
    }

    init?(path: String, chunkSize: Int = 4 << 20) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        fileDescriptor = fd
        ownsDescriptor = true
        buffer = []
        atEOF = false
        self.chunkSize = chunkSize
        scratch = .allocate(capacity: chunkSize)
    }

    /// Bytes already read from `descriptor` (a peek), then the rest of it; the descriptor is not closed.
    init(prefix: [UInt8], descriptor: Int32, chunkSize: Int = 4 << 20) {
        fileDescriptor = descriptor
        ownsDescriptor = false
        buffer = prefix
        atEOF = false
        self.chunkSize = chunkSize
        scratch = .allocate(capacity: chunkSize)
    }

    deinit {
        if let fileDescriptor, ownsDescriptor { close(fileDescriptor) }
        scratch.deallocate()
    }

    var end: Int { base + buffer.count }

    /// Reads more bytes; false at the end of the input.
    func refill() throws(XMLParseError) -> Bool {
        guard let fileDescriptor, !atEOF else { return false }
        let drop = keepFrom - base
        if drop > 0, drop >= buffer.count / 2 {
            advanceLines(to: keepFrom)
            buffer.removeSubrange(0..<drop)
            base += drop
        }
        let count = read(fileDescriptor, scratch.baseAddress, chunkSize)
        if count < 0 { throw .malformed(message: "read failed (errno \(errno))", line: 1, column: 1) }
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[0..<count]))
        if count == 0 { atEOF = true }
        return count > 0
    }

    /// The byte at an absolute offset, reading more if needed; nil past the end.
    @inline(__always)
    func byte(at offset: Int) throws(XMLParseError) -> UInt8? {
        while offset >= end {
            if try !refill() { return nil }
        }
        return buffer[offset - base]
    }

    /// The first offset at or after `from` holding `target`; nil at the end.
    func find(_ target: UInt8, from: Int) throws(XMLParseError) -> Int? {
        var start = from
        while true {
            if start < end {
                let found: Int? = buffer.withUnsafeBufferPointer { pointer in
                    let begin = pointer.baseAddress! + (start - base)
                    guard let hit = memchr(begin, Int32(target), end - start) else { return nil }
                    return start + (UnsafeRawPointer(hit) - UnsafeRawPointer(begin))
                }
                if let found { return found }
                start = end
            }
            if try !refill() { return nil }
        }
    }

    /// The first offset at or after `from` where `needle` starts; nil at the end.
    func find(_ needle: [UInt8], from: Int) throws(XMLParseError) -> Int? {
        var start = from
        while let hit = try find(needle[0], from: start) {
            var matched = true
            for index in 1..<needle.count {
                guard let byte = try byte(at: hit + index) else { return nil }
                if byte != needle[index] { matched = false; break }
            }
            if matched { return hit }
            start = hit + 1
        }
        return nil
    }

    func startsWith(_ prefix: [UInt8], at offset: Int) throws(XMLParseError) -> Bool {
        for (index, expected) in prefix.enumerated() {
            guard try byte(at: offset + index) == expected else { return false }
        }
        return true
    }

    /// Copies bytes `[from, to)`, which must still be in the window.
    func bytes(_ from: Int, _ to: Int) -> ArraySlice<UInt8> { buffer[(from - base)..<(to - base)] }

    /// 1-based line and UTF-16 column of an absolute offset at or after every offset asked before.
    func position(of offset: Int) -> (line: Int, column: Int) {
        advanceLines(to: offset)
        // Move the anchor along, so a file on one long line is still counted once.
        if offset >= anchorOffset, offset >= base {
            anchorColumn += utf16Count(anchorOffset, offset)
            anchorOffset = offset
            return (line, anchorColumn)
        }
        return (line, anchorColumn + utf16Count(anchorOffset, offset))
    }

    private func advanceLines(to offset: Int) {
        guard offset > trackedTo else { return }
        let lower = max(trackedTo, base)
        buffer.withUnsafeBufferPointer { pointer in
            var cursor = lower
            while cursor < offset {
                let begin = pointer.baseAddress! + (cursor - base)
                guard let hit = memchr(begin, 0x0A, offset - cursor) else { break }
                let at = cursor + (UnsafeRawPointer(hit) - UnsafeRawPointer(begin))
                line += 1
                anchorOffset = at + 1
                anchorColumn = 1
                cursor = at + 1
            }
        }
        trackedTo = offset
        // Keep the anchor inside the window so columns can still be counted after a drop.
        if anchorOffset < offset, anchorOffset < keepFrom {
            let target = min(keepFrom, offset)
            anchorColumn += utf16Count(anchorOffset, target)
            anchorOffset = target
        }
    }

    private func utf16Count(_ from: Int, _ to: Int) -> Int {
        guard to > from else { return 0 }
        var count = 0
        for byte in buffer[(from - base)..<(to - base)] where byte & 0xC0 != 0x80 {
            count += byte >= 0xF0 ? 2 : 1
        }
        return count
    }
}
