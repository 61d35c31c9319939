/// Groups kept in the order their keys first appear (attribute Names as a message lists them), each
/// made once, when its key is first seen, and then changed in place.
struct OrderedGroups<Group> {
    private(set) var groups: [Group] = []
    private var positions: [String: Int] = [:]

    init(capacity: Int = 0) {
        groups.reserveCapacity(capacity)
        positions.reserveCapacity(capacity)
    }

    /// The position of `key`'s group, made by `make` when `key` is new.
    mutating func position(of key: String, make: () -> Group) -> Int {
        if let known = positions[key] { return known }
        positions[key] = groups.count
        groups.append(make())
        return groups.count - 1
    }

    /// A group, read or changed in place (no copy of its arrays).
    subscript(position: Int) -> Group {
        _read { yield groups[position] }
        _modify { yield &groups[position] }
    }
}
