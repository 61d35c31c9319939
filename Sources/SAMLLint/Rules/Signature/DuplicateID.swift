import SAMLXML

/// The same ID on two elements of one document.
public struct DuplicateID: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "signature/duplicate-id",
        title: "Duplicate ID",
        category: .signature,
        severity: .error,
        rationale: """
            A signature Reference designates its element by ID. With two elements carrying the same ID, the \
            verifier may check one and the application read the other (ID confusion, the basis of many \
            wrapping attacks). IDs must be unique within a document.
            """,
        message: "the ID is carried by more than one element",
        triggering: [
            Example(SignedExamples.mark(SignedExamples.duplicateID, "<saml:Assertion", occurrence: 2)),
        ],
        nonTriggering: [
            Example(SignedExamples.validAssertionSigned),
            Example(ExampleSAML.response()),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        guard message.carriesAssertionSignatures else { return }
        let ids = message.signatureAnalysis?.ids ?? SAMLIDs.register(in: message.document)
        for (id, elements) in ids.duplicates {
            // Named and reported up to `listed` elements: a crafted message repeating one ID 100,000
            // times made every finding list every element (quadratic; it ran for minutes).
            let paths = elements.prefix(Self.listed).map(\.readablePath)
            let more = elements.count > Self.listed ? ", and \(elements.count - Self.listed) more" : ""
            let message = "ID '\(id)' is carried by \(elements.count) elements (\(paths.joined(separator: ", "))\(more))"
            let evidence = paths.map { Evidence(value: id, classifiedAs: "duplicate ID", source: $0) }
            for element in elements.dropFirst().prefix(Self.listed - 1) {
                findings.report(
                    message, at: element, evidence: evidence,
                    fix: Fix("Reject the message: IDs must be unique; a duplicate ID lets the signed and the read element differ."))
            }
        }
    }

    /// How many elements of one duplicated ID are named and reported.
    static let listed = 10
}
