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
            Example(ExampleSAML.response(nameID: "jane.doe@contoso.com", attributes: [
                .marked("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", ["jdoe@corp.contoso.com"]),
                .init("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn", ["jdoe@corp.contoso.com"]),
            ])),
        ],
        nonTriggering: [
            Example(ExampleSAML.response(attributes: [.init("email", ["jane@contoso.com"])])),
            Example(ExampleSAML.response(attributes: [.init("upn", ["jdoe@corp.example.local"])])),
            Example(ExampleSAML.response(nameID: "jane.doe@contoso.com", attributes: [
                .init("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", ["jane.doe@contoso.com"]),
                .init("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn", ["jane.doe@contoso.com"]),
            ])),
        ])

    /// A deliverable address elsewhere: another email attribute, or the NameID in emailAddress format.
    static func otherAddress(_ analysis: AssertionAnalysis, excluding attribute: AnalyzedAttribute) -> String? {
        for other in analysis.attributes(for: .email) where other.name != attribute.name {
            if let hit = other.filled.first(where: { $0.class.label == .email }) { return hit.value }
        }
        if let nameID = analysis.assertion.nameID, nameID.knownFormat == .emailAddress {
            let value = nameID.value.trimmed
            if analysis.classifier.classify(value).label == .email { return value }
        }
        return nil
    }

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        for assertion in message.assertions {
            let analysis = AssertionAnalysis.of(assertion, context: context)
            let upnValues = Set(analysis.attributes(for: .upn).flatMap { $0.filled.map { $0.value.lowercased() } })
            for attribute in analysis.attributes(for: .email) {
                // Either the domain receives no mail, or the value is the UPN attribute's while the
                // NameID or another email attribute carries a different address.
                let byDomain = analysis.confidentLabel(attribute)?.label == .upn
                let sameAsUPN = attribute.filled.first.map { upnValues.contains($0.value.lowercased()) } ?? false
                    && Self.otherAddress(analysis, excluding: attribute).map { address in
                        !attribute.filled.contains { $0.value.lowercased() == address.lowercased() }
                    } ?? false
                guard byDomain || sameAsUPN else { continue }
                let mail = analysis.attributes.first { other in
                    other.name != attribute.name && other.filled.contains { $0.class.label == .email }
                }
                var fix = "Send the user's mailbox (user.mail / the directory's mail attribute) in '\(attribute.name)' instead of the user principal name."
                if let mail { fix += " '\(mail.name)' already holds a deliverable address ('\(mail.filled.first { $0.class.label == .email }!.value)')." }
                findings.report(
                    byDomain
                        ? "attribute '\(attribute.name)' promises the email but holds UPNs on a domain that receives no mail"
                        : "attribute '\(attribute.name)' promises the email but holds the UPN, while the user's address is '\(Self.otherAddress(analysis, excluding: attribute) ?? "")'",
                    at: attribute.attribute.element, attribute: attribute.name, field: "email",
                    evidence: byDomain ? attribute.evidence { $0 == .upn } : attribute.filled.prefix(1).map { Evidence(value: $0.value, classifiedAs: "upn", confidence: 0.85, source: "equal to the UPN attribute") },
                    fix: Fix(fix, mapping: mail.map { ["email": $0.name] }))
            }
        }
    }
}
