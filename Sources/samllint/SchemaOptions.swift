import ArgumentParser
import SAMLLint
import SAMLXML

/// `--schema`: validate metadata against the OASIS SAML 2.0 schemas installed by Debian's
/// opensaml-schemas and xmltooling-schemas.
struct SchemaOptions: ParsableArguments {
    @Flag(name: .customLong("schema"), help: "Validate metadata against the SAML 2.0 XSDs (needs Debian's opensaml-schemas and xmltooling-schemas).")
    var enabled = false

    /// The compiled schemas, or nil without --schema; exit 2 with one line when they are absent.
    func load() throws -> SAMLSchemas? {
        guard enabled else { return nil }
        do { return try SAMLSchemas.load() } catch {
            Output.error("--schema: \(error.description)")
            throw ExitCode(2)
        }
    }
}
