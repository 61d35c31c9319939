/// Well-formed XML that is neither a SAML 2.0 protocol message, an assertion, nor metadata.
public struct NotSAML: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "input/not-saml",
        title: "Not SAML",
        category: .input,
        severity: .error,
        rationale: """
            The root element decides what a document is. XML in another namespace (or SAML 1.x) is \
            reported once instead of being linted as if it were SAML, so a misplaced file does not \
            pass silently. Exclude such files with `--exclude` when they are expected.
            """,
        message: "not SAML: XML whose root element is {namespace}name",
        triggering: [
            Example("↓<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion></project>"),
            Example("↓<Response xmlns=\"urn:example:not-saml\"/>"),
        ],
        nonTriggering: [
            Example(ExampleSAML.idpMetadata()),
            Example("<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_x\" Version=\"2.0\" IssueInstant=\"2026-01-01T00:00:00Z\"/>"),
        ])
}
