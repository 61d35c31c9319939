/// XML signature wrapping: what is signed is not what is read.
public struct SignatureWrapping: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "signature/wrapping",
        title: "Signature Wrapping",
        category: .signature,
        severity: .error,
        rationale: """
            XML signature wrapping (XSW1..XSW8) keeps a valid signature over the original element and moves \
            that element out of the way (into Extensions, a ds:Object, another assertion) while the \
            application reads an injected one. The signature must cover the very element the application \
            reads: the Response root or the assertion its subject and attributes come from; a second \
            assertion, a nested Response, or a Reference pointing elsewhere is wrapping.
            """,
        message: "the signed element is not the element that is read",
        triggering: [
            Example(SignedExamples.mark(SignedExamples.xsw3, "<ds:Signature"), configuration: SignedExamples.trustIdP),
            Example(SignedExamples.mark(SignedExamples.xsw7, "<ds:Signature")),
        ],
        nonTriggering: [
            Example(SignedExamples.validAssertionSigned, configuration: SignedExamples.trustIdP),
            Example(SignedExamples.validResponseSigned),
            Example(ExampleSAML.response()),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        guard message.carriesAssertionSignatures else { return }
        for problem in message.signatures(context: context).wrapping {
            findings.report(
                problem.reason, at: problem.node,
                evidence: problem.evidence.map { Evidence(value: $0, classifiedAs: "wrapping") },
                fix: Fix("Reject the message. An SP must read exactly the element the verified signature references (by ID) and refuse documents with more than one assertion."))
        }
    }
}
