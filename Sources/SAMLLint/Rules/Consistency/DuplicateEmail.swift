/// One email address under different user ids from one connection.
public struct DuplicateEmail: BatchRule {
    public init() {}
    static func login(id: String, email: String) -> String {
        ExampleSAML.response(nameID: id, nameIDFormat: ExampleSAML.persistentFormat, attributes: [.init("email", [email])])
    }
    public static let description = RuleDescription(
        id: "consistency/duplicate-email",
        title: "One Email, Several Users",
        category: .consistency,
        severity: .warning,
        rationale: """
            Two different user ids with the same email mean either a shared mailbox, a re-created \
            account, or an email attribute that does not belong to the user. An application that links \
            accounts by email merges two people into one: key on the id, and fix the directory.
            """,
        message: "EMAIL is the email of N different user ids",
        triggering: [
            Example(ExampleSAML.batch([login(id: "00u1", email: "shared@example.com"), login(id: "00u2", email: "Shared@example.com")])),
        ],
        nonTriggering: [
            Example(ExampleSAML.batch([login(id: "00u1", email: "jane@example.com"), login(id: "00u1", email: "jane@example.com")])),
        ])

    /// Whether the logins carry two different ids (the messages grouped here all have one).
    static func hasTwoIDs(_ logins: [MessageFacts]) -> Bool {
        guard logins.count > 1, let first = logins[0].profile?.idpID else { return false }
        return logins.contains { $0.profile?.idpID != first }
    }

    public func check(batch: MessageBatch, context: LintContext, findings: inout BatchFindingEmitter) {
        for (connection, messages) in batch.byConnection {
            let withBoth = messages.filter { $0.profile?.email != nil && $0.profile?.idpID != nil }
            let byEmail = Dictionary(grouping: withBoth) { $0.profile!.email!.lowercased() }
            // Only addresses with two ids report: the others are left out before anything is sorted
            // or collected (a folder has thousands of people, each with one id).
            let shared = byEmail.filter { Self.hasTwoIDs($0.value) }
            for (email, logins) in shared.sorted(by: { $0.key < $1.key }) {
                let ids = Set(logins.compactMap { $0.profile?.idpID })
                guard ids.count > 1, let second = logins.first(where: { $0.profile?.idpID != logins[0].profile?.idpID }) else { continue }
                findings.report(
                    "\(email) is the email of \(ids.count) different user ids from \(connection)",
                    in: second, field: "email",
                    evidence: ids.sorted().map { Evidence(value: $0, classifiedAs: "user id") },
                    fix: Fix("Key users on the id, never on the email; check in the directory why two accounts share this address."))
            }
        }
    }
}
