/// An assertion without a bearer SubjectConfirmation.
public struct SubjectConfirmationMissing: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "assertion/subject-confirmation-missing",
        title: "No Bearer SubjectConfirmation",
        category: .assertion,
        severity: .error,
        rationale: """
            The Web Browser SSO profile requires a SubjectConfirmation with Method \
            `urn:oasis:names:tc:SAML:2.0:cm:bearer` whose data carries Recipient and NotOnOrAfter; \
            SPs refuse assertions without one.
            """,
        message: "the assertion has no bearer SubjectConfirmation",
        triggering: [
            Example(ExampleSAML.assertion().replacingOccurrences(of: "urn:oasis:names:tc:SAML:2.0:cm:bearer", with: "urn:oasis:names:tc:SAML:2.0:cm:holder-of-key")
                .replacingOccurrences(of: "<saml:Subject>", with: "↓<saml:Subject>")),
        ],
        nonTriggering: [
            Example(ExampleSAML.assertion()),
        ])

    static let bearer = "urn:oasis:names:tc:SAML:2.0:cm:bearer"

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        for assertion in message.assertions {
            guard !assertion.subjectConfirmations.contains(where: { $0.method?.trimmed == Self.bearer }) else { continue }
            let methods = assertion.subjectConfirmations.compactMap(\.method)
            findings.report(
                "the assertion has no bearer SubjectConfirmation\(methods.isEmpty ? "" : " (only \(methods.joined(separator: ", ")))")",
                at: assertion.subject ?? assertion.element,
                evidence: methods.map { Evidence(value: $0, classifiedAs: "SubjectConfirmation Method") },
                fix: Fix("Configure the IdP for the Web Browser SSO profile (bearer confirmation with Recipient and NotOnOrAfter)."))
        }
    }
}
