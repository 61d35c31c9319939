import Foundation

/// A Response carrying more than one Assertion (plain or encrypted).
public struct MultipleAssertions: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "assertion/multiple-assertions",
        title: "Multiple Assertions",
        category: .assertion,
        severity: .warning,
        rationale: """
            The SAML Web Browser SSO profile allows several assertions, but almost no IdP sends more \
            than one, and SP libraries disagree on which one they read. A second assertion is the \
            classic shape of signature-wrapping attacks (the signed one verified, the forged one read).
            """,
        message: "the Response carries N assertions",
        triggering: [
            Example(ExampleSAML.response().replacingOccurrences(
                of: "</samlp:Response>", with: "↓" + ExampleSAML.assertion(id: "_a2") + "\n</samlp:Response>")),
        ],
        nonTriggering: [
            Example(ExampleSAML.response()),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        guard let response = message.response else { return }
        let plain = response.assertions
        let encrypted = response.encryptedAssertions
        let total = plain.count + encrypted.count
        guard total > 1 else { return }
        let second = plain.count > 1 ? plain[1].element : (encrypted.first ?? plain.last?.element)
        findings.report(
            "the Response carries \(total) assertions (\(plain.count) plain, \(encrypted.count) encrypted); SP libraries disagree on which one they read",
            at: second,
            fix: Fix("Send exactly one assertion per Response; if you did not send the extra one, reject the Response."))
    }
}
