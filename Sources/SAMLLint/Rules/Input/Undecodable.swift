/// The input is none of the encodings samllint reads.
public struct Undecodable: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "input/undecodable",
        title: "Undecodable Input",
        category: .input,
        severity: .error,
        rationale: """
            samllint reads raw XML, base64 (the HTTP-POST binding, line breaks allowed), DEFLATE + \
            base64 (the HTTP-Redirect binding), URL-encoded form bodies or query strings with \
            `SAMLResponse=` or `SAMLRequest=`, HAR files and SAML-tracer exports. Anything else is \
            reported rather than guessed at; `--input-format` forces an encoding.
            """,
        message: "not XML, not base64, not a form body with SAMLResponse=, ...",
        triggering: [
            Example("this is a plain sentence, not a SAML message"),
            Example("SGVsbG8gd29ybGQsIHRoaXMgaXMgbm90IFhNTA=="),
        ],
        nonTriggering: [
            Example("PHNhbWw6QXNzZXJ0aW9uIHhtbG5zOnNhbWw9InVybjpvYXNpczpuYW1lczp0YzpTQU1MOjIuMDphc3NlcnRpb24iIElEPSJfYSIvPg=="),
        ])
}
