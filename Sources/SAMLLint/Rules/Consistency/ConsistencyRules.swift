/// The `consistency/*` family: disagreements between the messages of one batch.
public enum ConsistencyRules {
    public static let all: [any Rule.Type] = [
        TransientNameID.self, AttributePresence.self, DuplicateEmail.self, GroupsStyle.self,
    ]
}
