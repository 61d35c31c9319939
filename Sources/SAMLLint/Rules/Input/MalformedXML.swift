/// The message is not well-formed XML; the first real error is reported with its position.
public struct MalformedXML: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "input/malformed-xml",
        title: "Malformed XML",
        category: .input,
        severity: .error,
        rationale: """
            A message that is not well-formed XML cannot be read by any SAML library, and lenient \
            parsers that recover from errors read something other than what was signed. The first \
            error libxml2 reports is the real one; later ones are usually consequences.
            """,
        message: "malformed XML at line L, column C: the parser's first error",
        triggering: [
            Example("<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\">\n  <a>\n  </b>\n</samlp:Response>"),
            Example("<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\"><unclosed>"),
        ],
        nonTriggering: [
            Example(ExampleSAML.assertion()),
        ])
}
