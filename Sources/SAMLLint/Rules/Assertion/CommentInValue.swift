import SAMLXML

/// A comment or processing instruction inside the text of a NameID or AttributeValue.
public struct CommentInValue: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "assertion/comment-in-value",
        title: "Comment Inside a Value",
        category: .assertion,
        severity: .error,
        rationale: """
            `<NameID>admin@example.com<!---->.evil.com</NameID>` canonicalizes to the same bytes with \
            and without the comment, so the signature still verifies, but libraries that read only the \
            first text node see `admin@example.com` (CVE-2017-11427, CVE-2017-11428, CVE-2017-11429, \
            CVE-2018-0489 and their family). No IdP has a reason to put a comment inside a value: treat \
            it as an attack.
            """,
        message: "a comment or processing instruction splits the text of ELEMENT",
        triggering: [
            Example(ExampleSAML.assertion(nameID: "admin@example.com<!---->.evil.com", nameIDMarked: true)),
            Example(ExampleSAML.response(attributes: [.marked("email", ["admin@example.com<?pi x?>.evil.com"])])),
        ],
        nonTriggering: [
            Example(ExampleSAML.assertion(nameID: "admin@example.com")),
            Example(ExampleSAML.response(attributes: [.init("email", ["jane@example.com"])], assertionExtra: "<!-- a comment between elements is fine -->")),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        for assertion in message.assertions {
            if let nameID = assertion.nameID, nameID.element.containsCommentOrPI {
                findings.report(
                    "a comment or processing instruction splits the text of the NameID: a library reading the first text node sees '\(Self.firstText(nameID.element))' instead of '\(nameID.value)'",
                    at: nameID.element, field: "id",
                    evidence: [Evidence(value: nameID.value, classifiedAs: "comment-split")],
                    fix: Fix("Reject this assertion; if your IdP produced it, it has been tampered with. Make sure your SAML library reads the whole text content."))
            }
            // Values are looked at one by one only when the assertion holds a comment or PI at all.
            guard assertion.element.hasCommentOrPIBelow else { continue }
            for attribute in assertion.attributes {
                for value in attribute.valueElements where value.element.containsCommentOrPI {
                    findings.report(
                        "a comment or processing instruction splits the value of attribute '\(attribute.name)': a library reading the first text node sees '\(Self.firstText(value.element))' instead of '\(value.text)'",
                        at: attribute.element, attribute: attribute.name,
                        evidence: [Evidence(value: value.text, classifiedAs: "comment-split")],
                        fix: Fix("Reject this assertion; no IdP puts comments inside values."))
                }
            }
        }
    }

    static func firstText(_ element: XMLNode) -> String {
        element.childNodes.first(where: { $0.kind == .text || $0.kind == .cdata })?.textContent ?? ""
    }
}
