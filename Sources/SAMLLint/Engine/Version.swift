public enum SAMLLintVersion {
    public static let current = "0.1.0"
}
