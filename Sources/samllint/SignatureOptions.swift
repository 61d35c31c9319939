import ArgumentParser
import Foundation
import SAMLLint

/// Options of the signature rules: trusted IdP certificates, the SP key, metadata trust anchors.
struct SignatureOptions: ParsableArguments {
    @Option(name: .customLong("idp-cert"), help: "Trusted IdP signing certificate, PEM or DER (repeatable; adds to --metadata's).")
    var idpCertificates: [String] = []

    @Option(name: .customLong("sp-key"), help: "SP private key (PEM) to decrypt EncryptedAssertion and lint it.")
    var spKey: String?

    @Option(name: .customLong("metadata-trust"), help: "Certificate (PEM or DER) a signed metadata aggregate is verified against (repeatable).")
    var metadataTrust: [String] = []

    /// The linter with these settings in its context. Unusable files exit 2 with one line.
    func apply(to linter: Linter) throws -> Linter {
        var settings = SignatureSettings()
        do {
            settings.trustedCertificates = try SignatureSettings.loadCertificates(paths: idpCertificates)
            settings.metadataTrustCertificates = try SignatureSettings.loadCertificates(paths: metadataTrust)
            if let spKey { settings.spPrivateKey = try SignatureSettings.loadPrivateKey(path: spKey) }
        } catch {
            Output.error(error.description)
            throw ExitCode(2)
        }
        var context = linter.context
        context.signature = settings
        return Linter(context: context, inputFormat: linter.inputFormat, maxBytes: linter.limits.maxBytes)
    }
}
