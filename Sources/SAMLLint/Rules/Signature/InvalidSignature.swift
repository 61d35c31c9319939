import SAMLXML

/// A signature that does not verify: digest or signature value mismatch, unresolvable reference.
public struct InvalidSignature: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "signature/invalid",
        title: "Invalid Signature",
        category: .signature,
        severity: .error,
        rationale: """
            A signature whose digest or value does not match was made over other content or with another \
            key: the message was altered after signing, or forged. Verification uses the trusted IdP \
            certificates (`--metadata`, `--idp-cert`, `idp.certificates`); without any, the certificate in \
            the message is used only to tell whether the message is intact, never to trust it.
            """,
        message: "the signature does not verify",
        triggering: [
            Example(SignedExamples.mark(SignedExamples.tampered, "<ds:Signature"), configuration: SignedExamples.trustIdP),
            Example(SignedExamples.mark(SignedExamples.tampered, "<ds:Signature")),
            Example(SignedExamples.mark(SignedExamples.attackerSigned, "<ds:Signature"), configuration: SignedExamples.trustIdP),
            Example(ExampleSAML.response(assertionExtra: ##"↓<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo><ds:Reference URI="#_elsewhere"/></ds:SignedInfo></ds:Signature>"##)),
        ],
        nonTriggering: [
            Example(SignedExamples.validAssertionSigned, configuration: SignedExamples.trustIdP),
            Example(SignedExamples.validAssertionSigned),
            Example(SignedExamples.xsw3, configuration: SignedExamples.trustIdP),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        guard message.carriesAssertionSignatures else { return }
        let policy = AlgorithmPolicy.from(context.ruleData)
        let analysis = message.signatures(context: context)
        for signature in analysis.signatures {
            guard let verdict = signature.verdict else {
                // Nothing to verify with: report what makes it unverifiable by anyone.
                for problem in SignaturePolicyFacts.structuralProblems(signature.facts, ids: analysis.ids) {
                    findings.report(
                        "the signature cannot verify: \(problem)", at: signature.element,
                        evidence: [Evidence(value: problem, classifiedAs: "structural check (no key available)")],
                        fix: Fix("Reject the message; a SAML signature has one same-document Reference to the element that contains it, with the enveloped-signature transform."))
                }
                continue
            }
            guard !verdict.isValid, let reason = verdict.reason else { continue }
            // Refused algorithms and transforms have their own rules.
            if policy.isHMAC(signature.facts.signatureMethod) { continue }
            if case .failed = verdict.status, SignaturePolicyFacts.disallowedTransforms(signature.facts, policy).count > 0 { continue }
            let against = signature.verifiedWithTrustedKey ? "the trusted IdP certificates" : "the certificate in its own KeyInfo (the message is not intact)"
            findings.report(
                "the signature over \(signature.facts.references.first?.uri ?? "?") does not verify against \(against): \(reason)",
                at: signature.element,
                evidence: [Evidence(value: reason, classifiedAs: signature.verifiedWithTrustedKey ? "trusted-key verification" : "KeyInfo self-check")],
                fix: Fix("Reject the message; if it came from the IdP unaltered, check that the trusted certificate is the IdP's current signing certificate."))
        }
    }
}
