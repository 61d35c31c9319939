import Foundation
import Synchronization

/// A bounded cache keyed by short strings (value classifications, catalog lookups, name folds),
/// one table per thread: the workers of a folder run ask it for every value, and one shared lock
/// had them waiting on each other. Each thread's table is cleared when full.
///
/// The table is `MemoTable` (open addressing, its own hash): a Dictionary hashed every key with
/// SipHash twice per miss and again on every growth, a visible share of a folder run.
final class LookupMemo<Value>: @unchecked Sendable {
    private let id = LookupMemoRegistry.nextID()
    private let limit = 50_000

    private final class Table: PerThreadTable {
        var entries = MemoTable<Value>()
    }

    private var table: Table {
        let tables = LookupMemoRegistry.tables()
        // Ids are never reused, so the table under this memo's id is always its own type.
        if let existing = tables.byMemo[id] { return unsafeDowncast(existing, to: Table.self) }
        let created = Table()
        tables.byMemo[id] = created
        return created
    }

    func get(_ value: String) -> Value? { table.entries.value(for: value) }

    func set(_ value: String, _ result: Value) {
        guard value.utf8.count <= 256 else { return }
        let table = table
        if table.entries.count >= limit { table.entries.removeAll() }
        table.entries.insert(result, for: value)
    }
}

class PerThreadTable {}

/// The calling thread's memo tables, behind one pthread key (freed when the thread ends).
enum LookupMemoRegistry {
    final class Tables {
        var byMemo: [Int: PerThreadTable] = [:]
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { raw in
            guard let raw else { return }
            Unmanaged<Tables>.fromOpaque(raw).release()
        }
        return key
    }()

    private static let counter = Mutex(0)

    static func nextID() -> Int {
        counter.withLock { value in
            value += 1
            return value
        }
    }

    static func tables() -> Tables {
        if let raw = pthread_getspecific(key) { return Unmanaged<Tables>.fromOpaque(raw).takeUnretainedValue() }
        let tables = Tables()
        pthread_setspecific(key, Unmanaged.passRetained(tables).toOpaque())
        return tables
    }
}
