/// The same attribute Name appears more than once in one assertion.
public struct DuplicateAttributeName: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "mapping/duplicate-attribute-name",
        title: "Duplicate Attribute Name",
        category: .mapping,
        severity: .warning,
        rationale: """
            SAML libraries disagree on what to do with two `Attribute` elements of the same Name: some \
            keep the first, some the last, some merge the values. A profile built from such an \
            assertion depends on the library. Send one Attribute with several AttributeValues instead.
            """,
        message: "attribute NAME appears N times in one assertion",
        triggering: [
            Example(ExampleSAML.response(attributes: [.init("groups", ["admins"]), .marked("groups", ["staff"])])),
        ],
        nonTriggering: [
            Example(ExampleSAML.response(attributes: [.init("groups", ["admins", "staff"]), .init("email", ["jane@example.com"])])),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        for assertion in message.assertions {
            let attributes = assertion.attributes
            // Most assertions repeat no Name, and then nothing is built: a handful of Names are
            // compared pairwise (hashing each cost more), more go through a Set.
            let repeated: Bool
            if attributes.count <= 16 {
                repeated = attributes.indices.contains { index in attributes[..<index].contains { $0.name == attributes[index].name } }
            } else {
                var names = Set<String>()
                repeated = !attributes.allSatisfy { names.insert($0.name).inserted }
            }
            guard repeated else { continue }
            // How often each Name appears.
            var counts: [String: Int] = [:]
            for attribute in attributes { counts[attribute.name, default: 0] += 1 }
            var seen: [String: Int] = [:]
            for attribute in attributes {
                let count = seen[attribute.name, default: 0]
                seen[attribute.name] = count + 1
                // The second to the tenth: a crafted assertion repeating one Name 100,000 times made a
                // 65 MB report of the same finding.
                guard count >= 1, count < Self.reportedPerName else { continue }
                findings.report(
                    "attribute '\(attribute.name)' appears \(counts[attribute.name] ?? 2) times in one assertion; send one Attribute with several values",
                    at: attribute.element, attribute: attribute.name,
                    fix: Fix("Merge the Attribute elements named '\(attribute.name)' into one Attribute with one AttributeValue per value."))
            }
        }
    }

    /// How many occurrences of one Name are reported (the first is not: it is the one to keep).
    static let reportedPerName = 10
}
