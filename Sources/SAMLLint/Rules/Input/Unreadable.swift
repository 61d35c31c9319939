/// The file could not be read (missing, a directory, no permission, a read error).
public struct Unreadable: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "input/unreadable",
        title: "Unreadable Input",
        category: .input,
        severity: .error,
        rationale: """
            A path given on the command line that cannot be read is reported with the reason, and the \
            other inputs are still linted. The run exits with code 2.
            """,
        message: "no such file / cannot open the file",
        triggering: [],
        nonTriggering: [
            Example(ExampleSAML.assertion()),
        ])
}
