import Foundation

/// A one-line progress bar on standard error, redrawn at most every 100 ms and erased at the end.
/// Only used when standard error is a terminal (or --progress), so logs and pipes stay clean.
final class ProgressBar: @unchecked Sendable {
    static let threshold = 20
    let total: Int
    private let lock = NSLock()
    private var lastDraw = DispatchTime(uptimeNanoseconds: 0)

    init(total: Int) { self.total = total }

    func update(_ done: Int) {
        lock.lock()
        defer { lock.unlock() }
        let now = DispatchTime.now()
        guard done == total || now.uptimeNanoseconds - lastDraw.uptimeNanoseconds > 100_000_000 else { return }
        lastDraw = now
        let width = 30
        let filled = total == 0 ? width : done * width / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\u{1B}[2Ksamllint \(bar) \(done)/\(total) inputs".utf8))
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
