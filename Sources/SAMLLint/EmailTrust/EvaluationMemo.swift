import Foundation

/// Remembers evaluations by email text, so the linter's annotation and every `email/*` rule of a
/// message share one evaluation. Bounded: cleared when it grows past `limit` entries.
final class EvaluationMemo: @unchecked Sendable {
    private var entries: [String: EmailTrustEvaluation] = [:]
    private let lock = NSLock()
    let limit: Int

    init(limit: Int = 4096) { self.limit = limit }

    func value(for email: String, _ compute: () -> EmailTrustEvaluation) -> EmailTrustEvaluation {
        lock.lock()
        if let hit = entries[email] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let value = compute()
        lock.lock()
        if entries.count >= limit { entries.removeAll(keepingCapacity: true) }
        entries[email] = value
        lock.unlock()
        return value
    }
}
