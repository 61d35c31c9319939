import SAMLXML

/// An Issuer that is the entityID of no IdP in the given metadata.
public struct IssuerUnknown: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "assertion/issuer-unknown",
        title: "Issuer Not In Metadata",
        category: .assertion,
        severity: .error,
        rationale: """
            With `--metadata` (or `idp.metadata`), the Response and Assertion Issuer must be the \
            entityID of an IdP in that metadata; SPs look the signing key up by it. A mismatch means \
            the wrong metadata, a tenant-specific issuer, or a trailing-slash difference.
            """,
        message: "the Issuer is no IdP entityID in the metadata",
        triggering: [
            Example(ExampleSAML.assertion(issuer: "https://other-idp.example.com/saml").replacingOccurrences(of: "<saml:Issuer>", with: "↓<saml:Issuer>"),
                configuration: "idp:\n  metadata: fixtures/metadata/idp-and-sp.xml"),
        ],
        nonTriggering: [
            Example(ExampleSAML.response(), configuration: "idp:\n  metadata: fixtures/metadata/idp-and-sp.xml"),
            Example(ExampleSAML.assertion(issuer: "https://other-idp.example.com/saml")),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        guard let trust = context.metadata, !trust.identityProviders.isEmpty else { return }
        var issuers: [XMLNode] = []
        if let response = message.response, let issuer = response.element.firstChild("Issuer", namespace: XMLNamespaces.assertion) { issuers.append(issuer) }
        issuers += message.assertions.compactMap(\.issuerElement)
        let known = trust.identityProviders.map(\.entityID)
        for element in issuers {
            let issuer = element.textContent.trimmed
            guard !issuer.isEmpty, trust.idp(entityID: issuer) == nil else { continue }
            let near = known.first { $0.lowercased().trimmingSlash == issuer.lowercased().trimmingSlash }
            findings.report(
                "the Issuer '\(issuer)' is no IdP entityID in the metadata\(near.map { " (closest: '\($0)')" } ?? "")",
                at: element, entityID: issuer,
                evidence: [Evidence(value: issuer, classifiedAs: "Issuer")] + known.prefix(3).map { Evidence(value: $0, classifiedAs: "metadata IdP entityID") },
                fix: Fix("Load the metadata of the IdP that issued this assertion, or fix the IdP's issuer/entityID setting."))
        }
    }
}
