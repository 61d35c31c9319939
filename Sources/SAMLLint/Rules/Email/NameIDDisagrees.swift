/// The NameID (emailAddress Format) and the email attribute carry different addresses.
public struct NameIDDisagrees: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "email/nameid-disagrees",
        title: "NameID Disagrees With Email",
        category: .email,
        severity: .warning,
        rationale: """
            With the emailAddress Format the NameID claims to be the user's email. When the email \
            attribute says something else, different applications (or libraries) pick different \
            values: one verifies the attribute's domain, another logs in the NameID's user. Compared \
            after normalisation (case, whitespace, trailing dot, IDN).
            """,
        message: "NameID EMAIL differs from the email attribute EMAIL",
        triggering: [
            Example(ExampleSAML.response(nameID: "ceo@example.com", attributes: [.init("email", ["jane@example.com"])], nameIDMarked: true), configuration: EmailExamples.strict),
            Example(ExampleSAML.response(nameID: "jane@evil.com", attributes: [.init("mail", ["jane@example.com"])], nameIDMarked: true), configuration: EmailExamples.strict),
        ],
        nonTriggering: [
            Example(ExampleSAML.response(nameID: "Jane@EXAMPLE.com", attributes: [.init("email", ["jane@example.com."])]), configuration: EmailExamples.strict),
            Example(ExampleSAML.response(nameID: "u-1", nameIDFormat: ExampleSAML.persistentFormat, attributes: [.init("email", ["jane@example.com"])]), configuration: EmailExamples.strict),
            Example(ExampleSAML.response(nameID: "ceo@example.com", attributes: [.init("email", ["jane@example.com"])])),
            Example(ExampleSAML.response(nameID: "4928826", attributes: [.init("email", ["jane@example.com"])]), configuration: EmailExamples.strict),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        guard let facts = EmailTrustFacts.of(message, context: context), let nameID = facts.assertion.nameID,
            nameID.knownFormat == .emailAddress, facts.claim.attribute != nil, let email = facts.claim.value
        else { return }
        let nameIDValue = EmailClaim.bounded(nameID.value).trimmed
        // A NameID that is no address at all is assertion/nameid-format-mismatch's finding.
        guard nameIDValue.contains("@"), Self.key(nameIDValue) != Self.key(email) else { return }
        let nameIDVerdict = facts.evaluator.evaluate(nameIDValue).verdict
        let shownNameID = nameIDValue.utf8.count > 200 ? nameIDValue.prefix(200) + "…" : nameIDValue
        findings.report(
            "NameID '\(shownNameID)' (emailAddress Format, \(nameIDVerdict.rawValue)) differs from the email attribute '\(facts.email)' (\(facts.evaluation.verdict.rawValue)): applications disagree on who logged in",
            at: nameID.element, attribute: facts.sourceAttribute, field: "email",
            evidence: [
                Evidence(value: shownNameID, classifiedAs: "email:\(nameIDVerdict.rawValue)", source: "NameID"),
                facts.evidence("email:\(facts.evaluation.verdict.rawValue)"),
            ],
            fix: Fix("Have the IdP send the same address in both, or send a persistent NameID (an id) and the email only as an attribute."))
    }

    /// What two addresses are compared by: the normalized address, else the trimmed lowercased text.
    static func key(_ text: String) -> String {
        if case let .success(address) = EmailAddressParser.parse(text) { return address.comparisonKey }
        return text.trimmed.lowercased()
    }
}
