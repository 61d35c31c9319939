/// An Entra ID guest UPN (`alice_contoso.com#EXT#@tenant.onmicrosoft.com`) where an email or a name is expected.
public struct GuestUPN: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "mapping/guest-upn",
        title: "Guest UPN",
        category: .mapping,
        severity: .error,
        rationale: """
            For a B2B guest, Entra ID's user principal name is `alice_contoso.com#EXT#@tenant.onmicrosoft.com`. \
            Sent as the email (or NameID in emailAddress format) it is not deliverable, it puts the guest \
            in the host tenant's domain, and it differs from the address the guest signs up with.
            """,
        message: "attribute NAME holds an Entra guest UPN",
        triggering: [
            Example(ExampleSAML.response(attributes: [.marked("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", ["alice_contoso.com#EXT#@fabrikam.onmicrosoft.com"])])),
            Example(ExampleSAML.response(nameID: "bob_gmail.com#EXT#@fabrikam.onmicrosoft.com", nameIDMarked: true)),
        ],
        nonTriggering: [
            Example(ExampleSAML.response(attributes: [.init("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", ["alice@contoso.com"])])),
            Example(ExampleSAML.response(attributes: [.init("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn", ["alice_contoso.com#EXT#@fabrikam.onmicrosoft.com"])])),
        ])

    static let fix = "Send the guest's real address: map the email claim to user.mail (or user.othermail for guests without a mailbox), not user.userprincipalname."

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        for assertion in message.assertions {
            let analysis = AssertionAnalysis.of(assertion, context: context)
            for attribute in analysis.attributes where attribute.field != .upn && attribute.field != .username && attribute.field != .id {
                guard attribute.field != nil, let found = analysis.confidentLabel(attribute), found.label == .guestUPN else { continue }
                findings.report(
                    "attribute '\(attribute.name)' holds an Entra guest UPN, not the guest's address",
                    at: attribute.attribute.element, attribute: attribute.name, field: attribute.field?.rawValue,
                    evidence: attribute.evidence { $0 == .guestUPN }, fix: Fix(Self.fix))
            }
            if let nameID = assertion.nameID, nameID.knownFormat == .emailAddress,
                analysis.classifier.classify(nameID.value).label == .guestUPN
            {
                findings.report(
                    "the NameID (emailAddress format) is an Entra guest UPN, not the guest's address",
                    at: nameID.element, attribute: "NameID", field: "email",
                    evidence: [Evidence(value: nameID.value.trimmed, classifiedAs: "guestUPN", confidence: 0.99)],
                    fix: Fix("Set the NameID source to user.mail (Entra ID: Single sign-on > Attributes & Claims > Unique User Identifier)."))
            }
        }
    }
}
