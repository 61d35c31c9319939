/// The `signature/*` family: presence, validity, coverage (wrapping) and algorithms of XML signatures.
public enum SignatureRules {
    public static let all: [any Rule.Type] = []
}
