import SAMLXML

/// String-keyed cache storage for `LookupMemo`: open addressing with linear probing, each slot
/// keeping its key's hash, so growing never hashes a key again.
///
/// Keys come from messages (attribute values), so the hash is seeded per process and a probe
/// never walks more than `maxProbes` slots: a key that would land further is simply not cached
/// (a cache may forget), and colliding values cannot make a lookup slow.
struct MemoTable<Value> {
    private var hashes: [UInt64] = []  // 0: empty slot
    private var keys: [String] = []
    private var values: [Value?] = []
    private(set) var count = 0

    private static var maxProbes: Int { 32 }
    private static var initialCapacity: Int { 256 }

    /// The value stored for `key` (the same key: equal as Strings are); `hash` is `MemoHash.of(key)`.
    func value(for key: String, hash: UInt64) -> Value? {
        guard !hashes.isEmpty else { return nil }
        let mask = hashes.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        for _ in 0..<Self.maxProbes {
            let stored = hashes[slot]
            if stored == 0 { return nil }
            if stored == hash, keys[slot] == key { return values[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Stores `value` for `key` (replacing the key's value if present); `hash` is `MemoHash.of(key)`.
    mutating func insert(_ value: Value, for key: String, hash: UInt64) {
        if hashes.isEmpty || (count + 1) * 5 > hashes.count * 4 { grow() }
        place(value, for: key, hash: hash)
    }

    /// Forgets every entry, keeping the storage.
    mutating func removeAll() {
        guard count > 0 else { return }
        for slot in hashes.indices where hashes[slot] != 0 {
            hashes[slot] = 0
            keys[slot] = ""
            values[slot] = nil
        }
        count = 0
    }

    private mutating func place(_ value: Value, for key: String, hash: UInt64) {
        let mask = hashes.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        for _ in 0..<Self.maxProbes {
            let stored = hashes[slot]
            if stored == 0 {
                hashes[slot] = hash
                keys[slot] = key
                values[slot] = value
                count += 1
                return
            }
            if stored == hash, keys[slot] == key {
                values[slot] = value
                return
            }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        let capacity = max(Self.initialCapacity, hashes.count * 2)
        let oldHashes = hashes, oldKeys = keys, oldValues = values
        hashes = Array(repeating: 0, count: capacity)
        keys = Array(repeating: "", count: capacity)
        values = Array(repeating: nil, count: capacity)
        count = 0
        for slot in oldHashes.indices where oldHashes[slot] != 0 {
            place(oldValues[slot]!, for: oldKeys[slot], hash: oldHashes[slot])
        }
    }
}

/// The memo's hash of a key: `FastHash` of its UTF-8 bytes, never 0 (0 marks an empty slot).
enum MemoHash {
    static func of(_ key: String) -> UInt64 { FastHash.of(key) | 1 }
}
