import SAMLXML

/// A metadata document whose signature does not verify against `--metadata-trust`.
public struct MetadataSignatureInvalid: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "metadata/signature-invalid",
        title: "Metadata Signature Invalid",
        category: .metadata,
        severity: .error,
        rationale: """
            Metadata aggregates (eduGAIN, InCommon) are signed by their federation operator; the \
            certificates inside are only as trustworthy as that signature. With `--metadata-trust CERT`, \
            the aggregate's signature is verified against it (and a missing signature is reported); \
            without it, a metadata file up to `metadataSelfCheckMaxBytes` (rules/signature-algorithms.yml) \
            is checked with its own KeyInfo certificate, which shows whether the file is intact.
            """,
        message: "the metadata signature does not verify",
        triggering: [
            Example(SignedExamples.mark(SignedExamples.metadataTampered, "<ds:Signature")),
        ],
        nonTriggering: [
            Example(SignedExamples.metadataSigned),
            Example(ExampleSAML.idpMetadata()),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        guard message.kind.isMetadata else { return }
        let anchors = context.signature.metadataTrustCertificates
        guard let signature = message.root.firstChild("Signature", namespace: XMLNamespaces.dsig) else {
            if !anchors.isEmpty {
                findings.report(
                    "the metadata is not signed, so --metadata-trust cannot vouch for it", at: message.root,
                    fix: Fix("Fetch the aggregate from the federation's signed feed."))
            }
            return
        }
        if anchors.isEmpty && message.document.source.count > AlgorithmPolicy.from(context.ruleData).metadataSelfCheckMaxBytes { return }
        let ids = SAMLIDs.register(in: message.document)
        let facts = SignatureFacts(signature, ids: ids)
        let certificates = anchors.isEmpty ? Array(facts.keyInfoCertificates.prefix(SignatureAnalysis.keyInfoCertificatesTried)) : anchors
        guard !certificates.isEmpty else { return }
        let overBudget = SignatureAnalysis.cost(of: facts) > SignatureAnalysis.verificationBudget
        let verdict = overBudget
            ? SignatureVerdict(status: .failed(reason: "not verified: it asks for more References and Transforms than \(SignatureAnalysis.verificationBudget) passes over the document"), keyIndex: nil, processedReferences: [])
            : SignatureVerifier.verify(signature, certificates: certificates)
        var problem = verdict.reason
        if verdict.isValid, facts.references.first?.target != message.root {
            problem = "the signature does not reference the metadata root element"
        }
        guard let problem else { return }
        findings.report(
            "the metadata signature does not verify against \(anchors.isEmpty ? "its own KeyInfo certificate (the file is not intact)" : "the --metadata-trust certificate(s)"): \(problem)",
            at: signature, entityID: message.root.attribute("entityID"),
            evidence: [Evidence(value: problem, classifiedAs: "metadata signature")],
            fix: Fix("Re-download the metadata from its publisher and check the publisher's signing certificate."))
    }
}
