/// Groups kept in the order their keys first appear (attribute Names as a message lists them), each
/// made once, when its key is first seen, and then changed in place.
struct OrderedGroups<Group> {
    private(set) var groups: [Group] = []
    /// Each group's key, in the same order.
    private var keys: [String] = []
    /// Key -> position, made once there are more groups than a scan is quick for (an assertion has
    /// a handful of attribute Names: comparing a few strings costs less than hashing one).
    private var positions: [String: Int] = [:]
    private static var scanLimit: Int { 16 }

    init(capacity: Int = 0) {
        groups.reserveCapacity(capacity)
        keys.reserveCapacity(capacity)
    }

    /// The position of `key`'s group, made by `make` when `key` is new.
    mutating func position(of key: String, make: () -> Group) -> Int {
        if keys.count <= Self.scanLimit {
            if let known = keys.firstIndex(of: key) { return known }
        } else if let known = positions[key] {
            return known
        }
        keys.append(key)
        groups.append(make())
        if keys.count == Self.scanLimit + 1 {
            for (position, known) in keys.enumerated() { positions[known] = position }
        } else if keys.count > Self.scanLimit + 1 {
            positions[key] = groups.count - 1
        }
        return groups.count - 1
    }

    /// A group, read or changed in place (no copy of its arrays).
    subscript(position: Int) -> Group {
        _read { yield groups[position] }
        _modify { yield &groups[position] }
    }
}
