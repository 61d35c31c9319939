import SAMLXML

/// String-keyed cache storage for `LookupMemo`: open addressing with linear probing, each slot
/// keeping its key's hash, so growing never hashes a key again.
///
/// Keys come from messages (attribute values), so the hash is seeded per process and a probe
/// never walks more than `maxProbes` slots: a key that would land further is simply not cached
/// (a cache may forget), and colliding values cannot make a lookup slow.
struct MemoTable<Value> {
    /// One slot: its key's hash (0: empty), the key and the value, side by side. The tables are
    /// large and read at random, so a lookup costs its cache misses: one slot is one miss where
    /// separate arrays of hashes, keys and values were three.
    private struct Slot {
        var hash: UInt64
        var key: String
        var value: Value?
    }

    private var slots: [Slot] = []
    private(set) var count = 0

    private static var maxProbes: Int { 32 }
    private static var initialCapacity: Int { 256 }

    /// The value stored for `key` (the same key: equal as Strings are); `hash` is `MemoHash.of(key)`.
    func value(for key: String, hash: UInt64) -> Value? {
        guard !slots.isEmpty else { return nil }
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var index = Int(truncatingIfNeeded: hash) & mask
            for _ in 0..<Self.maxProbes {
                let stored = slots[index].hash
                if stored == 0 { return nil }
                if stored == hash, slots[index].key == key { return slots[index].value }
                index = (index + 1) & mask
            }
            return nil
        }
    }

    /// Stores `value` for `key` (replacing the key's value if present); `hash` is `MemoHash.of(key)`.
    mutating func insert(_ value: Value, for key: String, hash: UInt64) {
        if slots.isEmpty || (count + 1) * 5 > slots.count * 4 { grow() }
        place(value, for: key, hash: hash)
    }

    /// Forgets every entry, keeping the storage.
    mutating func removeAll() {
        guard count > 0 else { return }
        for index in slots.indices where slots[index].hash != 0 {
            slots[index] = Slot(hash: 0, key: "", value: nil)
        }
        count = 0
    }

    private mutating func place(_ value: Value, for key: String, hash: UInt64) {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        for _ in 0..<Self.maxProbes {
            let stored = slots[index].hash
            if stored == 0 {
                slots[index] = Slot(hash: hash, key: key, value: value)
                count += 1
                return
            }
            if stored == hash, slots[index].key == key {
                slots[index].value = value
                return
            }
            index = (index + 1) & mask
        }
    }

    private mutating func grow() {
        let capacity = max(Self.initialCapacity, slots.count * 2)
        let old = slots
        slots = Array(repeating: Slot(hash: 0, key: "", value: nil), count: capacity)
        count = 0
        for slot in old where slot.hash != 0 {
            place(slot.value!, for: slot.key, hash: slot.hash)
        }
    }
}

/// The memo's hash of a key: `FastHash` of its UTF-8 bytes, never 0 (0 marks an empty slot).
enum MemoHash {
    static func of(_ key: String) -> UInt64 { FastHash.of(key) | 1 }
}
