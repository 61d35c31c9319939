import ArgumentParser
import Foundation
import SAMLLint

@main
struct SAMLLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samllint",
        abstract: "Lint SAML 2.0 responses, assertions and IdP metadata.",
        discussion: """
            Finds attributes that carry the wrong thing (an email in the surname claim), unsafe \
            assertions and metadata problems, and says how to fix them. Inputs may be raw XML, base64 \
            or DEFLATE+base64 payloads, form bodies, or folders of them.

            Exit codes: 0 clean, 1 findings at or above --fail-on, 2 an input or the configuration \
            could not be used, 64 usage error.
            """,
        version: SAMLLintVersion.current,
        subcommands: [Lint.self, ProfileCommand.self, Mapping.self, Reconcile.self, ListRules.self, Explain.self, BaselineCommand.self],
        defaultSubcommand: Lint.self
    )

    /// The built-in rule data is prepared on a second core while the arguments are parsed (a few
    /// milliseconds of a one-file run); a run with `--rules` builds its own and ignores it.
    /// One plain thread (starting libdispatch's pool cost more than it saved), and none when the
    /// command line only asks for help or the version.
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        if !arguments.contains(where: { ["--version", "--help", "-h", "help"].contains($0) }) {
            var thread = pthread_t()
            if pthread_create(&thread, nil, { _ in
                RuleData.builtIn.warmUp()
                return nil
            }, nil) == 0 {
                pthread_detach(thread)
            }
        }
        main(nil)
    }
}
