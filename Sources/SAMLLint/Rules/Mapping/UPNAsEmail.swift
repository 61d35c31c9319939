/// An email attribute carrying a directory login (UPN) on a domain that receives no mail.
public struct UPNAsEmail: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "mapping/upn-as-email",
        title: "UPN As Email",
        category: .mapping,
        severity: .warning,
        rationale: """
            Entra ID and ADFS make it easy to send `user.userprincipalname` as the email claim. A UPN is a \
            login: on a `.local`/`.corp` forest or the tenant's `onmicrosoft.com` domain it receives no \
            mail, and it changes when the user is renamed. Send the `mail` attribute instead.
            """,
        message: "attribute NAME promises the email but holds UPNs",
        triggering: [
            Example(ExampleSAML.response(attributes: [.marked("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", ["jdoe@corp.example.local"])])),
            Example(ExampleSAML.response(attributes: [.marked("email", ["jane@contoso.onmicrosoft.com"])])),
        ],
        nonTriggering: [
            Example(ExampleSAML.response(attributes: [.init("email", ["jane@contoso.com"])])),
            Example(ExampleSAML.response(attributes: [.init("upn", ["jdoe@corp.example.local"])])),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        for assertion in message.assertions {
            let analysis = AssertionAnalysis.of(assertion, context: context)
            for attribute in analysis.attributes(for: .email) {
                guard let found = analysis.confidentLabel(attribute), found.label == .upn else { continue }
                let mail = analysis.attributes.first { other in
                    other.name != attribute.name && other.filled.contains { $0.class.label == .email }
                }
                var fix = "Send the user's mailbox (user.mail / the directory's mail attribute) in '\(attribute.name)' instead of the user principal name."
                if let mail { fix += " '\(mail.name)' already holds a deliverable address ('\(mail.filled.first { $0.class.label == .email }!.value)')." }
                findings.report(
                    "attribute '\(attribute.name)' promises the email but holds UPNs on a domain that receives no mail",
                    at: attribute.attribute.element, attribute: attribute.name, field: "email",
                    evidence: attribute.evidence { $0 == .upn }, fix: Fix(fix, mapping: mail.map { ["email": $0.name] }))
            }
        }
    }
}
