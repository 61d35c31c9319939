import Foundation

/// Chunks made in any order on several threads, handed to the sink in index order: the thread that
/// completes the next chunk due writes it and every later one already made, while the others go on
/// encoding. Writes are never concurrent, and each chunk's bytes are dropped once written.
final class OrderedRelay: @unchecked Sendable {
    enum Outcome { case written, sinkRefused, unencodable }
    private var waiting: [[UInt8]?]
    private var next = 0
    private var writing = false
    private var failure: Outcome?
    private let lock = NSLock()
    private let sink: ReportSink

    init(count: Int, sink: @escaping ReportSink) {
        waiting = Array(repeating: nil, count: count)
        self.sink = sink
    }

    var isOpen: Bool {
        lock.lock()
        defer { lock.unlock() }
        return failure == nil
    }

    func fail(encoding: Bool) {
        lock.lock()
        if failure == nil { failure = encoding ? .unencodable : .sinkRefused }
        lock.unlock()
    }

    func deliver(_ index: Int, _ bytes: [UInt8]) {
        lock.lock()
        waiting[index] = bytes
        // Another thread is writing: it will find this chunk when it gets to it.
        guard !writing else { return lock.unlock() }
        writing = true
        while failure == nil, next < waiting.count, let due = waiting[next] {
            waiting[next] = nil
            lock.unlock()
            let ok = due.withUnsafeBytes(sink)
            lock.lock()
            if !ok, failure == nil { failure = .sinkRefused }
            next += 1
        }
        writing = false
        lock.unlock()
    }

    /// After every chunk was delivered (or the work stopped).
    var outcome: Outcome {
        lock.lock()
        defer { lock.unlock() }
        if let failure { return failure }
        return next == waiting.count ? .written : .unencodable
    }
}

/// A sink that keeps the pieces it is given.
final class PieceCollector: @unchecked Sendable {
    private(set) var pieces: [[UInt8]] = []
    private let lock = NSLock()
    var sink: ReportSink {
        { [self] bytes in
            lock.lock()
            pieces.append(Array(bytes))
            lock.unlock()
            return true
        }
    }
}
