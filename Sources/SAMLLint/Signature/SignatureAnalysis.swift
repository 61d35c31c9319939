import SAMLXML

/// Every `ds:Signature` of one message, verified once with the trusted keys, and what the signatures
/// cover compared with what the application reads. The `signature/*` rules only read it.
public struct SignatureAnalysis: Sendable {
    /// One signature and its verdict.
    public struct Checked: Sendable {
        public let facts: SignatureFacts
        /// nil when there was nothing to verify with (no trusted key and no KeyInfo certificate).
        public let verdict: SignatureVerdict?
        /// Whether `verdict` comes from the trusted keys (else from the KeyInfo certificate, which only
        /// shows the message is intact, not who signed it).
        public let verifiedWithTrustedKey: Bool
        /// Whether a KeyInfo certificate carries a trusted key; nil without trusted keys or KeyInfo certificate.
        public let keyInfoTrusted: Bool?
        /// The signing key, when known: the trusted certificate that verified, else the KeyInfo certificate.
        public let keyFacts: CertificateKeyFacts?

        public var element: XMLNode { facts.element }
        public var isValid: Bool { verdict?.isValid ?? false }
    }

    public let signatures: [Checked]
    public let ids: SAMLIDs
    /// The element the application reads its subject and attributes from.
    public let readAssertion: XMLNode?
    public let hasTrustedKeys: Bool
    /// Why what is signed is not what is read, where it is.
    public let wrapping: [SignatureCoverage.Problem]
    /// Whether a signature (valid or not) is placed to cover the read assertion: its own, or the Response's.
    public let readAssertionHasCoveringSignature: Bool

    /// Analyses a Response, a bare Assertion or another protocol message. Signatures found in `verified`
    /// (same element) keep that verdict: the linter verifies the Response's signature before decrypting
    /// EncryptedAssertion in place, which changes the content it signed.
    public init(message: SAMLMessage, context: LintContext, verified: [Checked] = []) {
        let ids = SAMLIDs.register(in: message.document)
        self.ids = ids
        // The trusted certificates are the IdP's: they sign Responses and Assertions. Requests are signed by
        // the SP (or an IdP acting for a logout) whose key is not known here, so they get the integrity check.
        let trusted = message.kind == .response || message.kind == .assertion ? context.trustedSigningCertificates : []
        hasTrustedKeys = !trusted.isEmpty
        // One walk for the signatures and the elements their coverage compares (it was four).
        let found = SignatureCoverage.Found(message.root)
        let elements = found.signatures + (message.root.isElement("Signature", namespace: XMLNamespaces.dsig) ? [message.root] : [])
        var earlier: [XMLNode: Checked] = [:]
        for checked in verified { earlier[checked.element] = checked }
        var budget = Self.verificationBudget
        var checked: [Checked] = []
        for element in elements.prefix(32) {
            if let known = earlier[element] {
                checked.append(Checked(facts: SignatureFacts(element, ids: ids), verdict: known.verdict, verifiedWithTrustedKey: known.verifiedWithTrustedKey, keyInfoTrusted: known.keyInfoTrusted, keyFacts: known.keyFacts))
            } else {
                checked.append(Self.check(element, ids: ids, trusted: trusted, budget: &budget))
            }
        }
        signatures = checked
        readAssertion = message.assertions.first?.element
        let coverage = SignatureCoverage(message: message, signatures: signatures, ids: ids, read: readAssertion, found: found)
        wrapping = coverage.problems
        readAssertionHasCoveringSignature = coverage.readIsCovered
    }

    /// How much canonicalizing one message's signatures may ask for, in References and Transforms:
    /// each is a pass over (up to) the whole document, and xmlsec1 keeps every Transform's output (a
    /// Reference with 3,000 canonicalizations of a 1 MB assertion took 13 s and 3.3 GB). A SAML
    /// signature has one Reference with two Transforms. (The trusted keys multiply the work too, but
    /// the user chooses them, not the message.)
    static let verificationBudget = 24
    /// The most KeyInfo certificates of one signature tried: the message chooses how many it carries.
    static let keyInfoCertificatesTried = 4

    /// The work verifying `facts` costs against `verificationBudget`.
    static func cost(of facts: SignatureFacts) -> Int {
        facts.references.reduce(0) { $0 + 1 + $1.transforms.count }
    }

    static func check(_ element: XMLNode, ids: SAMLIDs, trusted: [[UInt8]], budget: inout Int) -> Checked {
        let facts = SignatureFacts(element, ids: ids)
        let keyInfo = facts.keyInfoCertificates
        if !trusted.isEmpty || !keyInfo.isEmpty {
            let cost = Self.cost(of: facts)
            if cost > budget {
                let verdict = SignatureVerdict(
                    status: .failed(reason: "not verified: the message's signatures ask for more References and Transforms than \(verificationBudget) passes over the document"),
                    keyIndex: nil, processedReferences: [])
                return Checked(facts: facts, verdict: verdict, verifiedWithTrustedKey: !trusted.isEmpty, keyInfoTrusted: nil, keyFacts: nil)
            }
            budget -= cost
        }
        if !trusted.isEmpty {
            let verdict = SignatureVerifier.verify(element, certificates: trusted)
            let keyInfoTrusted: Bool? = keyInfo.isEmpty ? nil : keyInfo.prefix(keyInfoCertificatesTried).contains { candidate in trusted.contains { CertificateKeyFacts.sameKey(candidate, $0) } }
            let keyFacts = verdict.keyIndex.flatMap { CertificateKeyFacts(der: trusted[$0]) } ?? keyInfo.first.flatMap(CertificateKeyFacts.init(der:))
            return Checked(facts: facts, verdict: verdict, verifiedWithTrustedKey: true, keyInfoTrusted: keyInfoTrusted, keyFacts: keyFacts)
        }
        guard !keyInfo.isEmpty else {
            return Checked(facts: facts, verdict: nil, verifiedWithTrustedKey: false, keyInfoTrusted: nil, keyFacts: nil)
        }
        let verdict = SignatureVerifier.verify(element, certificates: Array(keyInfo.prefix(keyInfoCertificatesTried)))
        let keyFacts = verdict.keyIndex.flatMap { CertificateKeyFacts(der: keyInfo[$0]) } ?? CertificateKeyFacts(der: keyInfo[0])
        return Checked(facts: facts, verdict: verdict, verifiedWithTrustedKey: false, keyInfoTrusted: nil, keyFacts: keyFacts)
    }
}

extension SAMLMessage {
    /// The message's signature analysis: the one the linter computed, or a fresh one.
    public func signatures(context: LintContext) -> SignatureAnalysis {
        signatureAnalysis ?? SignatureAnalysis(message: self, context: context)
    }

    /// The signatures the algorithm-policy rules judge, with the policy from `rules/`: none for
    /// messages the `signature/*` rules do not look at.
    func policySignatures(context: LintContext) -> (policy: AlgorithmPolicy, signatures: [SignatureAnalysis.Checked]) {
        let policy = AlgorithmPolicy.from(context.ruleData)
        guard carriesAssertionSignatures else { return (policy, []) }
        return (policy, signatures(context: context).signatures)
    }

    /// Whether the `signature/*` rules look at this message: a Response, a bare Assertion, or another
    /// SAML 2.0 protocol message (AuthnRequest, LogoutRequest, ...). Metadata has its own rule.
    public var carriesAssertionSignatures: Bool {
        switch kind {
        case .response, .assertion, .authnRequest, .logoutRequest, .logoutResponse, .artifactResolve, .artifactResponse,
            .otherProtocolMessage:
            return true
        default:
            return false
        }
    }
}
