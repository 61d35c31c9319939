/// Shared pieces of the `email/*` rule examples: organization policies as `.samllint.yml` text.
enum EmailExamples {
    /// Strict policy: only example.com.
    static let strict = """
        organization:
          domains: [example.com]
        """
    /// Relaxed policy: example.com, profiles outside it allowed.
    static let relaxed = """
        organization:
          domains: [example.com]
          allowProfilesOutsideOrganization: true
        """
    /// example.com and its subdomains.
    static let subdomains = """
        organization:
          domains: [example.com]
          subdomains: allow
        """

    /// A policy with the given domains.
    static func domains(_ list: String, extra: String = "") -> String {
        "organization:\n  domains: [\(list)]\n" + extra
    }

    /// A Response whose `email` attribute is marked and carries `email` (the NameID is persistent).
    static func emailAttribute(_ email: String, issuer: String = "https://idp.example.com/saml", marked: Bool = true) -> String {
        ExampleSAML.response(
            issuer: issuer, nameID: "u-1029", nameIDFormat: ExampleSAML.persistentFormat,
            attributes: [ExampleSAML.Attr("email", [email], marked: marked)])
    }
}
