/// The `mapping/*` family: attributes that carry the wrong thing, are missing, duplicated or badly formed.
public enum MappingRules {
    public static let all: [any Rule.Type] = [
        DuplicateAttributeName.self, EmptyAttributeValue.self, UntrimmedValue.self,
    ]
}
