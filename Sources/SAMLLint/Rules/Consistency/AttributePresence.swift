/// An attribute sent in some messages of a connection and missing in others.
public struct AttributePresence: BatchRule {
    public init() {}
    static func login(_ attributes: [ExampleSAML.Attr]) -> String { ExampleSAML.response(attributes: attributes) }
    public static let description = RuleDescription(
        id: "consistency/attribute-presence",
        title: "Attribute Missing in Some Logins",
        category: .consistency,
        severity: .warning,
        rationale: """
            When a claim is present for some users and absent for others, the IdP maps it to a \
            directory field that is blank for part of the population. Those profiles arrive without \
            the field and wait for reconciliation. Fill the field in the directory or map the claim \
            to a field that is always set.
            """,
        message: "attribute NAME is present in N of M messages from ISSUER",
        triggering: [
            Example(ExampleSAML.batch([
                login([.init("email", ["a@example.com"]), .init("lastName", ["Doe"])]),
                login([.init("email", ["b@example.com"])]),
            ])),
        ],
        nonTriggering: [
            Example(ExampleSAML.batch([
                login([.init("email", ["a@example.com"]), .init("lastName", ["Doe"])]),
                login([.init("email", ["b@example.com"]), .init("lastName", ["Roe"])]),
            ])),
            Example(ExampleSAML.response(attributes: [.init("email", ["a@example.com"])])),
        ])

    /// A message's attribute Names, each once, in order. The handful most messages have are
    /// compared pairwise (a Set per message was most of this rule's time on a folder); a message
    /// with more gets a Set, so thousands of Names stay linear.
    struct Names {
        let distinct: [String]
        private let set: Set<String>?

        init(_ facts: MessageFacts) {
            let names = facts.attributes.map(\.name)
            if names.count <= 16 {
                distinct = names.indices.compactMap { index in names[..<index].contains(names[index]) ? nil : names[index] }
                set = nil
            } else {
                var seen = Set<String>()
                distinct = names.filter { seen.insert($0).inserted }
                set = seen
            }
        }

        func contains(_ name: String) -> Bool { set.map { $0.contains(name) } ?? distinct.contains(name) }
    }

    public func check(batch: MessageBatch, context: LintContext, findings: inout BatchFindingEmitter) {
        for (connection, messages) in batch.byConnection where messages.count >= 2 {
            // In how many messages each Name appears (once per message however often it repeats there).
            let present = messages.map(Names.init)
            var counts: [String: Int] = [:]
            for names in present {
                for name in names.distinct { counts[name, default: 0] += 1 }
            }
            for (name, count) in counts.sorted(by: { $0.key < $1.key }) {
                guard count < messages.count, let missing = zip(messages, present).first(where: { !$0.1.contains(name) })?.0
                else { continue }
                findings.report(
                    "attribute '\(name)' is present in \(count) of \(messages.count) messages from \(connection); the others arrive without it",
                    in: missing, attribute: name,
                    fix: Fix("Make sure the directory field behind '\(name)' is filled for every user, or map the claim to one that is."))
            }
        }
    }
}
