import SAMLXML

/// A NameID Format the issuing IdP's metadata does not declare.
public struct NameIDFormatUndeclared: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "assertion/nameid-format-undeclared",
        title: "NameID Format Not Declared In Metadata",
        category: .assertion,
        severity: .warning,
        rationale: """
            The IdP's metadata lists the NameID formats it sends. An assertion with another format \
            shows the metadata is stale or the IdP application is configured differently from what \
            the SP was told, which is where account-linking surprises come from.
            """,
        message: "the NameID Format is not among the IdP's declared NameIDFormats",
        triggering: [
            Example(ExampleSAML.assertion(nameID: "a8f3e2", nameIDFormat: ExampleSAML.persistentFormat, nameIDMarked: true),
                configuration: "idp:\n  metadata: fixtures/metadata/idp-and-sp.xml"),
        ],
        nonTriggering: [
            Example(ExampleSAML.assertion(), configuration: "idp:\n  metadata: fixtures/metadata/idp-and-sp.xml"),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        guard let trust = context.metadata else { return }
        for assertion in message.assertions {
            guard let issuer = assertion.issuer, let idp = trust.idp(entityID: issuer), !idp.nameIDFormats.isEmpty,
                let nameID = assertion.nameID, let format = nameID.format?.trimmed, !format.isEmpty,
                !idp.nameIDFormats.contains(format)
            else { continue }
            findings.report(
                "the NameID Format '\(format)' is not declared by '\(issuer)' (declared: \(idp.nameIDFormats.joined(separator: ", ")))",
                at: nameID.element, entityID: issuer,
                evidence: [Evidence(value: format, classifiedAs: "NameID Format")] + idp.nameIDFormats.map { Evidence(value: $0, classifiedAs: "declared NameIDFormat") },
                fix: Fix("Refresh the IdP metadata, or align the IdP application's NameID format with the declared ones."))
        }
    }
}
