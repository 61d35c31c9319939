import SAMLXML

/// Compares what the signatures of a message cover with what the application reads, the heart of
/// signature-wrapping detection (XSW1..XSW8 and their variants). Purely structural: it uses the IDs
/// and the tree, not the cryptography, so it holds for intact and broken signatures alike.
///
/// What is read: the Response root and its first direct `saml:Assertion` child (or the root of a bare
/// Assertion). A signature covers an element when a Reference designates it by a unique ID (or `""`, the
/// root); SAML places it inside that element, but a signature beside it covers the same content. Assertions inside `saml:Advice` of the read assertion
/// are legitimate; any other Assertion or Response is a second one.
public struct SignatureCoverage: Sendable {
    public struct Problem: Sendable {
        public let node: XMLNode
        public let reason: String
        public let evidence: [String]
    }

    public let problems: [Problem]
    public let readIsCovered: Bool

    /// The elements below the root that signatures and their coverage are about, found in one walk.
    struct Found {
        let signatures: [XMLNode]
        let assertions: [XMLNode]
        let encryptedAssertions: [XMLNode]
        let responses: [XMLNode]

        init(_ root: XMLNode) {
            let lists = root.descendants([
                ("Signature", XMLNamespaces.dsig), ("Assertion", XMLNamespaces.assertion),
                ("EncryptedAssertion", XMLNamespaces.assertion), ("Response", XMLNamespaces.protocolNS),
            ])
            signatures = lists[0]
            assertions = lists[1]
            encryptedAssertions = lists[2]
            responses = lists[3]
        }
    }

    init(message: SAMLMessage, signatures: [SignatureAnalysis.Checked], ids: SAMLIDs, read: XMLNode?, found: Found) {
        let root = message.root
        var problems: [Problem] = []
        func legitimate(_ node: XMLNode) -> Bool {
            if node == root || node == read { return true }
            // An assertion in the Advice of the read assertion (or of another legitimate one).
            if let read, node.isDescendant(ofOrSameAs: read), Self.insideAdvice(node, below: read) { return true }
            return false
        }

        var covered = false
        for signature in signatures {
            let references = signature.facts.references
            let parent = signature.element.parent
            let guardsWhatIsRead = parent == root || (parent != nil && parent == read)
            if references.count != 1 && guardsWhatIsRead {
                problems.append(Problem(
                    node: signature.element,
                    reason: "the Signature has \(references.count) References; a SAML signature has exactly one, to the element it is in",
                    evidence: references.map { $0.uri ?? "(no URI)" }))
            }
            for reference in references {
                guard let target = reference.target else { continue }
                if target != parent {
                    // A signature beside what it signs is unusual but harmless when what it signs is what is
                    // read (or an Advice assertion); pointing at anything else is wrapping.
                    guard !legitimate(target) else { continue }
                    problems.append(Problem(
                        node: signature.element,
                        reason: "the Signature's Reference \(reference.uri ?? "") points to \(target.readablePath), not to the element that contains the signature (\(parent?.readablePath ?? "none"))",
                        evidence: [reference.uri ?? "", target.readablePath]))
                } else if !legitimate(target) {
                    problems.append(Problem(
                        node: signature.element,
                        reason: "the signed element \(target.readablePath) is not the element the application reads (\(read?.readablePath ?? root.readablePath))",
                        evidence: [reference.uri ?? "", target.readablePath]))
                }
            }
            for reference in references {
                guard let target = reference.target, target == root || target == read else { continue }
                if let read {
                    if read.isDescendant(ofOrSameAs: target) { covered = true }
                } else {
                    covered = true
                }
            }
        }

        // A second Assertion or Response anywhere (except Advice of the read assertion).
        let assertionNS = XMLNamespaces.assertion
        let extraAssertions = (found.assertions + (root.isElement("Assertion", namespace: assertionNS) ? [root] : []))
            .filter { !legitimate($0) }
        // Built only when there is a second assertion to describe (it walks to the root).
        let readPath = extraAssertions.isEmpty ? "" : read?.readablePath ?? root.readablePath
        for extra in extraAssertions {
            problems.append(Problem(
                node: extra,
                reason: "a second Assertion at \(extra.readablePath) besides the one read (\(readPath)): which one is signed and which one is read can differ",
                evidence: [extra.attribute("ID") ?? "(no ID)", extra.readablePath]))
        }
        if message.kind == .response {
            for encrypted in found.encryptedAssertions where read != nil || root.children("EncryptedAssertion", namespace: assertionNS).count > 1 {
                problems.append(Problem(
                    node: encrypted,
                    reason: "an EncryptedAssertion beside another assertion: which one is signed and which one is read can differ",
                    evidence: [encrypted.readablePath]))
            }
            for nested in found.responses {
                problems.append(Problem(
                    node: nested, reason: "a Response nested inside the Response (\(nested.readablePath)): the signed one is not the one read",
                    evidence: [nested.attribute("ID") ?? "(no ID)", nested.readablePath]))
            }
        }
        // The read assertion is outside every signed subtree while something else is signed.
        if !covered, let read, !signatures.isEmpty,
            signatures.contains(where: { sig in sig.facts.references.contains { $0.target != nil && !read.isDescendant(ofOrSameAs: $0.target!) } })
        {
            problems.append(Problem(
                node: read,
                reason: "the assertion read (\(read.readablePath)) lies outside every signed element",
                evidence: signatures.flatMap { $0.facts.references.compactMap { $0.target?.readablePath } }))
        }
        self.problems = problems
        self.readIsCovered = covered
    }

    static func insideAdvice(_ node: XMLNode, below top: XMLNode) -> Bool {
        var current = node.parent
        while let element = current, element != top {
            if element.isElement("Advice", namespace: XMLNamespaces.assertion) { return true }
            current = element.parent
        }
        return false
    }
}
