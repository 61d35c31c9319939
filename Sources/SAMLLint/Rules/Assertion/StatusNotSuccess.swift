import SAMLXML

/// A Response whose top-level StatusCode is not Success.
public struct StatusNotSuccess: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "assertion/status-not-success",
        title: "Status Not Success",
        category: .assertion,
        severity: .warning,
        rationale: """
            A Response with a StatusCode other than `urn:oasis:names:tc:SAML:2.0:status:Success` \
            reports a failed login (Requester, Responder, AuthnFailed, InvalidNameIDPolicy...). The \
            second-level code and StatusMessage say why, and often point at a mapping or NameID \
            policy the IdP cannot satisfy.
            """,
        message: "the Response status is not Success",
        triggering: [
            Example(ExampleSAML.response().replacingOccurrences(of: "<samlp:Status><samlp:StatusCode Value=\"urn:oasis:names:tc:SAML:2.0:status:Success\"/></samlp:Status>", with: "↓<samlp:Status><samlp:StatusCode Value=\"urn:oasis:names:tc:SAML:2.0:status:Responder\"><samlp:StatusCode Value=\"urn:oasis:names:tc:SAML:2.0:status:InvalidNameIDPolicy\"/></samlp:StatusCode><samlp:StatusMessage>no such format</samlp:StatusMessage></samlp:Status>")),
        ],
        nonTriggering: [
            Example(ExampleSAML.response()),
        ])

    static let success = "urn:oasis:names:tc:SAML:2.0:status:Success"

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        guard let response = message.response, let code = response.statusCode?.trimmed, code != Self.success,
            let status = response.statusElement
        else { return }
        let top = status.firstChild("StatusCode", namespace: XMLNamespaces.protocolNS)
        let second = top?.firstChild("StatusCode", namespace: XMLNamespaces.protocolNS)?.attribute("Value")
        let text = status.firstChild("StatusMessage", namespace: XMLNamespaces.protocolNS)?.textContent.trimmed
        var evidence = [Evidence(value: code, classifiedAs: "StatusCode")]
        if let second { evidence.append(Evidence(value: second, classifiedAs: "second-level StatusCode")) }
        if let text, !text.isEmpty { evidence.append(Evidence(value: text, classifiedAs: "StatusMessage")) }
        let short = { (uri: String) in uri.split(separator: ":").last.map(String.init) ?? uri }
        findings.report(
            "the Response status is \(short(code))\(second.map { "/\(short($0))" } ?? "")\(text.map { ": \($0)" } ?? "")",
            at: status, evidence: evidence,
            fix: Fix("Read the IdP's log for this login; InvalidNameIDPolicy means the requested NameID format is not released to this SP."))
    }
}
