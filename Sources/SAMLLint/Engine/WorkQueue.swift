import Foundation

/// A bounded queue feeding a fixed set of worker threads, one per core. The streamed aggregate
/// path uses it instead of GCD's global queue, which on Linux was seen to run its workers one at
/// a time (CPU at ~100% of one core with two cores free).
final class WorkQueue<Item: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Item] = []
    private var closed = false
    private var running: Int
    private let capacity: Int
    private var threads: [Thread] = []

    /// Starts `workers` threads that call `work` for each item put.
    init(workers: Int, capacity: Int, work: @escaping @Sendable (Item) -> Void) {
        self.capacity = max(1, capacity)
        running = max(1, workers)
        for _ in 0..<running {
            let thread = Thread { [unowned self] in
                while let item = self.take() { work(item) }
                self.condition.lock()
                self.running -= 1
                self.condition.broadcast()
                self.condition.unlock()
            }
            thread.stackSize = 4 << 20
            threads.append(thread)
            thread.start()
        }
    }

    /// Adds an item, waiting while the queue is full.
    func put(_ item: Item) {
        condition.lock()
        while items.count >= capacity { condition.wait() }
        items.append(item)
        condition.broadcast()
        condition.unlock()
    }

    private func take() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !closed { condition.wait() }
        if items.isEmpty { return nil }
        let item = items.removeFirst()
        condition.broadcast()
        return item
    }

    /// No more items: waits until every worker has finished.
    func finish() {
        condition.lock()
        closed = true
        condition.broadcast()
        while running > 0 { condition.wait() }
        condition.unlock()
    }
}
