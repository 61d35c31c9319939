/// A container (form body, HAR, SAML-tracer export) that carries no SAML message at all.
public struct NoSAMLFound: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "input/no-saml-found",
        title: "No SAML Found",
        category: .input,
        severity: .error,
        rationale: """
            A capture or form body that was expected to carry a SAML message but holds none usually \
            means the wrong request was saved (the IdP page instead of the POST to the ACS). It is said \
            clearly instead of passing as clean.
            """,
        message: "no SAMLResponse= or SAMLRequest= parameter found",
        triggering: [
            Example("RelayState=abc&SigAlg=rsa-sha256&Signature=xyz"),
        ],
        nonTriggering: [
            Example("SAMLResponse=PHNhbWw6QXNzZXJ0aW9uIHhtbG5zOnNhbWw9InVybjpvYXNpczpuYW1lczp0YzpTQU1MOjIuMDphc3NlcnRpb24iIElEPSJfYSIvPg%3D%3D&RelayState=x"),
        ])
}
