/// Where a message sits in a streamed metadata aggregate (`md:EntitiesDescriptor`): the linter
/// lints each EntityDescriptor as its own small document, and the start tag of each
/// EntitiesDescriptor as another (without its children).
public struct AggregateMember: Sendable {
    /// The `Name` of the outermost EntitiesDescriptor.
    public var aggregateName: String?
    /// Nesting depth of EntitiesDescriptors around this piece; 0 for the aggregate's own root.
    public var depth: Int
    /// Line of an earlier EntityDescriptor with the same entityID in the same aggregate, if any.
    public var duplicateOfLine: Int?

    public init(aggregateName: String?, depth: Int, duplicateOfLine: Int? = nil) {
        self.aggregateName = aggregateName
        self.depth = depth
        self.duplicateOfLine = duplicateOfLine
    }

    /// Whether this piece is the root EntitiesDescriptor of the aggregate.
    public var isRoot: Bool { depth == 0 }
}
