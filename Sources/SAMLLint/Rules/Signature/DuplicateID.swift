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
            for element in elements.dropFirst() {
                findings.report(
                    "ID '\(id)' is carried by \(elements.count) elements (\(elements.map(\.readablePath).joined(separator: ", ")))",
                    at: element,
                    evidence: elements.map { Evidence(value: id, classifiedAs: "duplicate ID", source: $0.readablePath) },
                    fix: Fix("Reject the message: IDs must be unique; a duplicate ID lets the signed and the read element differ."))
            }
        }
    }
}
