/// The `email/*` family: whether a profile's email can be trusted under the organization's policy.
public enum EmailRules {
    public static let all: [any Rule.Type] = []
}
