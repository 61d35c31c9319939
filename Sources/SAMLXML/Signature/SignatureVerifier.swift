import CLibXMLSec

/// The cryptographic verdict on one `ds:Signature`.
public struct SignatureVerdict: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        /// Signature value and every reference digest check out with the key.
        case valid
        /// The check ran and failed (digest or signature mismatch).
        case invalid(reason: String)
        /// The check could not run (disallowed transform or algorithm, unresolvable reference, bad key).
        case failed(reason: String)
    }
    public let status: Status
    /// The index of the key (in the list given) that verified it, when valid.
    public let keyIndex: Int?
    /// The reference URIs xmlsec processed, as written.
    public let processedReferences: [String]

    public init(status: Status, keyIndex: Int?, processedReferences: [String]) {
        self.status = status
        self.keyIndex = keyIndex
        self.processedReferences = processedReferences
    }

    public var isValid: Bool { status == .valid }
    public var reason: String? {
        switch status {
        case .valid: return nil
        case let .invalid(reason), let .failed(reason): return reason
        }
    }
}

/// Verifies a `ds:Signature` with given keys only, through xmlsec: KeyInfo is never used to find a
/// key (a `signKey` is always set), references must be same-document, and only the transforms of
/// the allow-list (enveloped, c14n 1.0/1.1 and exclusive c14n, with or without comments; RSA, ECDSA
/// and DSA signatures; SHA digests) run. The document is not modified: the enveloped transform
/// filters the node set, it does not remove the signature.
public enum SignatureVerifier {
    /// The most References one signature may carry before it is refused unverified.
    public static let maxReferences = 16
    /// Tries each certificate (DER) in turn; valid as soon as one verifies. IDs must have been
    /// registered (`SAMLIDs.register`) beforehand.
    public static func verify(_ signature: XMLNode, certificates: [[UInt8]]) -> SignatureVerdict {
        guard XMLSec.isAvailable else {
            return SignatureVerdict(status: .failed(reason: "xmlsec could not be initialised"), keyIndex: nil, processedReferences: [])
        }
        // Each Reference digests (up to) the whole document: bound the work a hostile message can ask for.
        let references = signature.firstChild("SignedInfo", namespace: XMLNamespaces.dsig)?
            .children("Reference", namespace: XMLNamespaces.dsig) ?? []
        if references.count > maxReferences {
            return SignatureVerdict(
                status: .failed(reason: "\(references.count) References (more than \(maxReferences)): not verified"), keyIndex: nil,
                processedReferences: [])
        }
        var last = SignatureVerdict(status: .failed(reason: "no usable key"), keyIndex: nil, processedReferences: [])
        for (index, der) in certificates.enumerated() {
            guard let key = XMLSecKey.publicKey(certificateDER: der) else {
                last = SignatureVerdict(status: .failed(reason: "certificate \(index + 1) could not be loaded as a key"), keyIndex: nil, processedReferences: [])
                continue
            }
            let verdict = verify(signature, key: key)
            if verdict.isValid { return SignatureVerdict(status: .valid, keyIndex: index, processedReferences: verdict.processedReferences) }
            if case .invalid = verdict.status { last = verdict } else if case .failed = last.status { last = verdict }
        }
        return last
    }

    static func verify(_ signature: XMLNode, key: XMLSecKey) -> SignatureVerdict {
        let (result, errors) = XMLSec.capture { () -> (Int32, xmlSecDSigStatus, [String]) in
            guard let context = xmlSecDSigCtxCreate(nil) else { return (-1, xmlSecDSigStatusUnknown, []) }
            defer { xmlSecDSigCtxDestroy(context) }
            guard cxmlsec_dsig_enable_allowed(context) == 0, let copy = key.duplicate() else {
                return (-1, xmlSecDSigStatusUnknown, [])
            }
            context.pointee.signKey = copy
            // Only SignedInfo's references count; Manifest references are not followed.
            context.pointee.flags |= UInt32(XMLSEC_DSIG_FLAGS_IGNORE_MANIFESTS)
            let rc = xmlSecDSigCtxVerify(context, signature.pointer)
            var uris: [String] = []
            withUnsafeMutablePointer(to: &context.pointee.signedInfoReferences) { list in
                let count = cxmlsec_list_size(list)
                for index in 0..<min(count, 64) {
                    uris.append(cxmlsec_reference_uri(list, index).map { String(cString: $0) } ?? "")
                }
            }
            return (rc, context.pointee.status, uris)
        }
        let (rc, status, uris) = result
        if rc >= 0 && status == xmlSecDSigStatusSucceeded {
            return SignatureVerdict(status: .valid, keyIndex: 0, processedReferences: uris)
        }
        if rc >= 0 && status == xmlSecDSigStatusInvalid {
            let detail = errors.isEmpty ? "signature value or digest does not match" : XMLSec.summary(errors)
            return SignatureVerdict(status: .invalid(reason: detail), keyIndex: nil, processedReferences: uris)
        }
        return SignatureVerdict(status: .failed(reason: XMLSec.summary(errors)), keyIndex: nil, processedReferences: uris)
    }
}
