/// Groups sent as repeated Attributes in some messages and as one multi-valued Attribute in others.
public struct GroupsStyle: BatchRule {
    public init() {}
    public static let description = RuleDescription(
        id: "consistency/groups-style",
        title: "Groups Sent in Two Styles",
        category: .consistency,
        severity: .warning,
        rationale: """
            Some IdP configurations send each group as its own `Attribute` element, others one \
            `Attribute` with many values. An SP library that reads only the first Attribute of a Name \
            sees one group for some users and all groups for others. One connection should use one \
            style: a single multi-valued Attribute.
            """,
        message: "groups arrive as repeated Attributes in N messages and as one multi-valued Attribute in M",
        triggering: [
            Example(ExampleSAML.batch([
                ExampleSAML.response(attributes: [.init("groups", ["admins"]), .init("groups", ["staff"])]),
                ExampleSAML.response(attributes: [.init("groups", ["admins", "staff"])]),
            ])),
        ],
        nonTriggering: [
            Example(ExampleSAML.batch([
                ExampleSAML.response(attributes: [.init("groups", ["admins", "staff"])]),
                ExampleSAML.response(attributes: [.init("groups", ["staff", "sales"])]),
            ])),
        ])

    public func check(batch: MessageBatch, context: LintContext, findings: inout BatchFindingEmitter) {
        for (connection, messages) in batch.byConnection where messages.count >= 2 {
            var repeated: [MessageFacts] = []
            var multiValued: [MessageFacts] = []
            var groupsName: String?
            for message in messages {
                guard let name = message.profile?.sources["groups"]?.attribute else { continue }
                groupsName = groupsName ?? name
                let elements = message.attributes.filter { $0.name == name }
                if elements.count > 1 {
                    repeated.append(message)
                } else if let only = elements.first, only.values.count > 1 {
                    multiValued.append(message)
                }
            }
            guard let name = groupsName, let first = repeated.first, !multiValued.isEmpty else { continue }
            findings.report(
                "groups ('\(name)') from \(connection) arrive as repeated Attributes in \(repeated.count) messages and as one multi-valued Attribute in \(multiValued.count)",
                in: first, at: first.attributes.first { $0.name == name }?.place, attribute: name, field: "groups",
                fix: Fix("Configure the IdP to send all groups as values of one Attribute named '\(name)'."))
        }
    }
}
