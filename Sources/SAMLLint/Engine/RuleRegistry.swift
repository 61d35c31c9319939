/// Every built-in rule. Swift cannot discover types at run time, so this list is explicit; a test
/// checks that every rule file under `Rules/` is listed here, and that ids are unique.
public enum RuleRegistry {
    public static let all: [any Rule.Type] =
        InputRules.all + MappingRules.all + AssertionRules.all + MetadataRules.all + EmailRules.all
        + SignatureRules.all + ConsistencyRules.all

    public static func rule(id: String) -> (any Rule.Type)? {
        all.first { $0.description.id == id }
    }

    public static var descriptions: [RuleDescription] { all.map { $0.description }.sorted { $0.id < $1.id } }
}
