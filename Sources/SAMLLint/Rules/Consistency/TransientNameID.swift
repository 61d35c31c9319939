/// The same person (same email, same connection) arrives with different NameIDs in different logins.
public struct TransientNameID: BatchRule {
    public init() {}
    static func login(_ nameID: String, email: String, format: String = ExampleSAML.persistentFormat, objectID: String? = nil) -> String {
        var attributes: [ExampleSAML.Attr] = [.init("email", [email]), .init("firstName", ["Jane"])]
        if let objectID { attributes.append(.init("objectid", [objectID])) }
        return ExampleSAML.response(nameID: nameID, nameIDFormat: format, attributes: attributes)
    }
    public static let description = RuleDescription(
        id: "consistency/transient-nameid",
        title: "NameID Changes Between Logins",
        category: .consistency,
        severity: .warning,
        rationale: """
            An SP that keys users on the NameID creates a new account at every login when the IdP \
            sends a transient (or unstable) identifier. When the same person, recognised by email, \
            arrives with different NameIDs, the NameID cannot be the user's key: ask the IdP for a \
            persistent NameID, or key on a stable attribute (an object id) instead.
            """,
        message: "the NameID of EMAIL changed between logins (N different values)",
        triggering: [
            Example(ExampleSAML.batch([
                login("_7a1f", email: "jane@example.com", objectID: "5a6b7c8d"), login("_93bc", email: "jane@example.com", objectID: "5a6b7c8d"),
            ])),
            Example(ExampleSAML.batch([
                login("_a", email: "jane@example.com", format: ExampleSAML.transientFormat),
                login("_b", email: "JANE@example.com", format: ExampleSAML.transientFormat),
            ])),
        ],
        nonTriggering: [
            Example(ExampleSAML.batch([login("00u1", email: "jane@example.com"), login("00u1", email: "jane@example.com")])),
            Example(ExampleSAML.batch([login("00u1", email: "jane@example.com"), login("00u2", email: "john@example.com")])),
            // Two persistent ids for one email are two accounts (duplicate-email), not a changing NameID.
            Example(ExampleSAML.batch([login("00u1", email: "jane@example.com"), login("00u2", email: "jane@example.com")])),
        ])

    public func check(batch: MessageBatch, context: LintContext, findings: inout BatchFindingEmitter) {
        for (connection, messages) in batch.byConnection {
            let byPerson = Dictionary(grouping: messages.filter { $0.nameID != nil && $0.profile?.email != nil }) {
                $0.profile!.email!.lowercased()
            }
            // Only people seen with two NameIDs can report: the others are left out before sorting.
            let changed = byPerson.filter { _, logins in logins.count > 1 && logins.contains { $0.nameID != logins[0].nameID } }
            for (email, logins) in changed.sorted(by: { $0.key < $1.key }) {
                let values = Set(logins.compactMap(\.nameID))
                guard values.count > 1, let second = logins.first(where: { $0.nameID != logins[0].nameID }) else { continue }
                let transient = logins.contains { $0.nameIDFormat == ExampleSAML.transientFormat }
                // Same person: the Format says the value changes, or a stable id attribute agrees.
                let stableIDs = Set(logins.compactMap { facts -> String? in
                    guard let source = facts.profile?.sources["id"], source.attribute != "NameID" else { return nil }
                    return facts.profile?.idpID
                })
                let idsFromAttributes = logins.allSatisfy { $0.profile?.sources["id"].map { $0.attribute != "NameID" } ?? false }
                guard transient || (idsFromAttributes && stableIDs.count == 1) else { continue }
                let why = transient ? " (the Format is transient, by design a new value per login)" : ""
                findings.report(
                    "the NameID of \(email) changed between logins from \(connection): \(values.count) different values in \(logins.count) messages\(why); it cannot be the user's key",
                    in: second, at: second.nameIDPlace, field: "id",
                    evidence: values.sorted().map { Evidence(value: $0, classifiedAs: "nameid", source: "NameID") },
                    fix: Fix("Configure a persistent NameID for this application at the IdP, or map the user id to a stable attribute (object id, employee id) in `mapping.id`."))
            }
        }
    }
}
