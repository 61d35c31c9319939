import Synchronization

/// A bounded cache keyed by short strings (value classifications, catalog lookups, name folds),
/// shared by the workers of a run: a value one worker classified is not classified again by the
/// other (per-thread tables did, and a folder's values repeat across messages).
///
/// The keys are spread over `shardCount` tables by hash, each behind its own lock, so two workers
/// rarely want the same lock at the same moment (one shared lock had them waiting on each other).
/// A shard is cleared when full; `shardLimit` bounds the whole memo near 200,000 entries, more than
/// the distinct values of a 10,000-response folder.
final class LookupMemo<Value: Sendable>: Sendable {
    private static var shardCount: Int { 64 }
    private static var shardLimit: Int { 3_200 }

    private final class Shard: Sendable {
        let table = Mutex(MemoTable<Value>())
    }

    private let shards: [Shard] = (0..<LookupMemo.shardCount).map { _ in Shard() }

    private func shard(_ hash: UInt64) -> Shard {
        // The table probes with the low bits; the shard is chosen by high ones.
        shards[Int(truncatingIfNeeded: hash >> 58) & (Self.shardCount - 1)]
    }

    func get(_ value: String) -> Value? {
        let hash = MemoHash.of(value)
        return shard(hash).table.withLock { $0.value(for: value, hash: hash) }
    }

    func set(_ value: String, _ result: Value) {
        guard value.utf8.count <= 256 else { return }
        set(value, result, hash: MemoHash.of(value))
    }

    /// The value remembered for `key`, else `compute()`'s, remembered: `get` then `set`, with the
    /// key hashed once.
    func value(for key: String, compute: () -> Value) -> Value {
        let hash = MemoHash.of(key)
        if let known = shard(hash).table.withLock({ $0.value(for: key, hash: hash) }) { return known }
        let result = compute()
        if key.utf8.count <= 256 { set(key, result, hash: hash) }
        return result
    }

    private func set(_ value: String, _ result: Value, hash: UInt64) {
        shard(hash).table.withLock { table in
            if table.count >= Self.shardLimit { table.removeAll() }
            table.insert(result, for: value, hash: hash)
        }
    }
}
