import SAMLXML

/// RSA PKCS#1 v1.5 key transport for an EncryptedAssertion.
public struct RSA15KeyTransport: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "assertion/rsa15-key-transport",
        title: "RSA 1.5 Key Transport",
        category: .assertion,
        severity: .warning,
        rationale: """
            RSA PKCS#1 v1.5 key transport is open to padding-oracle attacks (Bleichenbacher; Jager et al. \
            against XML Encryption). The IdP should encrypt the session key with RSA-OAEP.
            """,
        message: "the assertion's key is encrypted with RSA PKCS#1 v1.5",
        triggering: [
            Example(ExampleSAML.response(nameID: nil).replacingOccurrences(
                of: "</samlp:Response>",
                with: "<saml:EncryptedAssertion><xenc:EncryptedData xmlns:xenc=\"http://www.w3.org/2001/04/xmlenc#\"><ds:KeyInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">↓<xenc:EncryptedKey><xenc:EncryptionMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#rsa-1_5\"/></xenc:EncryptedKey></ds:KeyInfo></xenc:EncryptedData></saml:EncryptedAssertion>\n</samlp:Response>")),
        ],
        nonTriggering: [
            Example(ExampleSAML.response(nameID: nil).replacingOccurrences(
                of: "</samlp:Response>",
                with: "<saml:EncryptedAssertion><xenc:EncryptedData xmlns:xenc=\"http://www.w3.org/2001/04/xmlenc#\"><ds:KeyInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><xenc:EncryptedKey><xenc:EncryptionMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p\"/></xenc:EncryptedKey></ds:KeyInfo></xenc:EncryptedData></saml:EncryptedAssertion>\n</samlp:Response>")),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        let deprecated = AlgorithmPolicy.from(context.ruleData).deprecatedKeyTransport
        for encrypted in message.encryptedAssertions {
            for key in encrypted.descendants("EncryptedKey", namespace: XMLNamespaces.xmlenc) {
                guard let method = key.firstChild("EncryptionMethod", namespace: XMLNamespaces.xmlenc)?.attribute("Algorithm"),
                    deprecated.contains(method)
                else { continue }
                report(method, at: key, findings: &findings)
            }
        }
        for outcome in message.decryptions {
            guard let method = outcome.keyTransport, deprecated.contains(method), let assertion = outcome.assertion else { continue }
            report(method, at: assertion, findings: &findings)
        }
    }

    private func report(_ method: String, at node: XMLNode, findings: inout FindingEmitter) {
        findings.report(
            "the assertion's session key is encrypted with RSA PKCS#1 v1.5 (\(method)), open to padding-oracle attacks",
            at: node, evidence: [Evidence(value: method, classifiedAs: "key transport")],
            fix: Fix("Have the IdP use RSA-OAEP (http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p) for key transport."))
    }
}
