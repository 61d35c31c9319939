/// A message (or the DEFLATE stream that carries it) is larger than the configured limit.
public struct TooLarge: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "input/too-large",
        title: "Input Too Large",
        category: .input,
        severity: .error,
        rationale: """
            Real SAML responses are a few kilobytes; a message of many megabytes, or a DEFLATE payload \
            that inflates a thousand times, is a denial-of-service attempt or a mistake. The limit is \
            16 MiB per message by default (`--max-bytes`, `limits.maxBytes`); metadata aggregates are \
            streamed and not bound by it. Two shapes are refused for the time they would cost rather \
            than their size: a start tag with more than 1,024 attributes and namespace declarations \
            (libxml2 checks them pair by pair), and more than 256 namespace declarations in scope \
            at one element (xmlsec1 registers them pair by pair for every signature reference); \
            both numbers are in `rules/thresholds.yml`.
            """,
        message: "message is N bytes, over the limit of M bytes",
        triggering: [
            Example(ExampleSAML.response(), configuration: "limits:\n  maxBytes: 200"),
        ],
        nonTriggering: [
            Example(ExampleSAML.response(), configuration: "limits:\n  maxBytes: 100000"),
        ])
}
