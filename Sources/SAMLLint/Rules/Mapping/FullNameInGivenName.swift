/// A given-name attribute carrying the whole name (`Jane Doe`, `Doe, Jane`, `DOE Jane`).
public struct FullNameInGivenName: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "mapping/full-name-in-given-name",
        title: "Full Name In Given Name",
        category: .mapping,
        severity: .warning,
        rationale: """
            Mapping `displayName` or `cn` to the given-name claim makes greetings read "Hello Jane Doe" and \
            sorts people by first name twice. Compound given names (`Mary Ann`, `Jean-Pierre`, `José María`) \
            are not full names: the rule needs the surname inside the value, the display name, the email \
            local part, or strong name-frequency evidence on both ends.
            """,
        message: "attribute NAME promises the given name but holds full names",
        triggering: [
            Example(ExampleSAML.response(attributes: [.marked("firstName", ["Jane Doe"]), .init("lastName", ["Doe"])])),
            Example(ExampleSAML.response(attributes: [.marked("givenName", ["Doe, Jane"])])),
            Example(ExampleSAML.response(nameID: "olga.petrova@example.com", attributes: [.marked("firstName", ["Olga Petrova"])])),
            Example(ExampleSAML.response(attributes: [.marked("firstName", ["山田太郎"]), .init("lastName", ["山田"])])),
        ],
        nonTriggering: [
            Example(ExampleSAML.response(attributes: [.init("firstName", ["Mary Ann"]), .init("lastName", ["Smith"])])),
            Example(ExampleSAML.response(nameID: "jeanpierre.dupont@example.fr", attributes: [.init("firstName", ["Jean Pierre"]), .init("lastName", ["Dupont"])])),
            Example(ExampleSAML.response(attributes: [.init("firstName", ["José María"]), .init("lastName", ["García López"])])),
            Example(ExampleSAML.response(attributes: [.init("firstName", ["太郎"]), .init("lastName", ["山田"]), .init("displayName", ["山田太郎"])])),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        let minimum = context.ruleData.threshold("mapping.fullName.minConfidence", default: 0.9)
        for assertion in message.assertions {
            let analysis = AssertionAnalysis.of(assertion, context: context)
            for attribute in analysis.attributes(for: .firstName) {
                guard let (value, classification) = attribute.filled.first, NameClassifier.isNameShaped(value) else { continue }
                let tokens = NameClassifier.tokens(value).map(AssertionAnalysis.fold)
                // The other names are read only for a value that may be a full name (most given names
                // are one word and not East Asian).
                guard tokens.count >= 2 || tokens.count == 1 && NameOrder.isEastAsian(value) else { continue }
                let lastName = analysis.value(for: .lastName).map(AssertionAnalysis.fold)
                let display = analysis.value(for: .displayName).map(AssertionAnalysis.fold)
                // East Asian names are written without a space: `山田太郎` holds the surname `山田`.
                // (Family first; the rest must be a whole given name of two or more characters, since a
                // Korean given name may start with the same syllable as the surname: 성 + 성진.)
                if tokens.count == 1, NameOrder.isEastAsian(value), let lastName, !lastName.isEmpty,
                    value.hasPrefix(lastName), value.count >= lastName.count + 2 || display == AssertionAnalysis.fold(value)
                {
                    findings.report(
                        "attribute '\(attribute.name)' promises the given name but holds a full name ('\(value)')",
                        at: attribute.attribute.element, attribute: attribute.name, field: "firstName",
                        evidence: [
                            Evidence(value: value, classifiedAs: "fullName", confidence: 0.9),
                            Evidence(value: lastName, classifiedAs: "surname inside the given name", confidence: 0.9, source: "lastName attribute"),
                        ],
                        fix: Fix("Map '\(attribute.name)' to the directory's given-name field (user.givenname / givenName / user.firstName), not the display or common name."))
                    continue
                }
                guard tokens.count >= 2 else { continue }
                let expected = analysis.expectedNames
                let folded = AssertionAnalysis.fold(value)
                var reasons: [Evidence] = []
                if let lastName, !lastName.isEmpty, lastName != folded,
                    tokens.contains(lastName) || folded.hasSuffix(" " + lastName) || folded.hasPrefix(lastName + " ") || folded.hasPrefix(lastName + ",")
                {
                    reasons.append(Evidence(value: lastName, classifiedAs: "surname inside the given name", confidence: 0.95, source: "lastName attribute"))
                }
                if let display, display == folded, lastName == nil || lastName != folded {
                    reasons.append(Evidence(value: value, classifiedAs: "equal to the display name", confidence: 0.9, source: "displayName attribute"))
                }
                let latinTokens = NameClassifier.tokens(value).map(AssertionAnalysis.latin)
                if let expected, latinTokens.first == expected.given && latinTokens.last == expected.family || latinTokens.first == expected.family && latinTokens.last == expected.given {
                    reasons.append(Evidence(value: value, classifiedAs: "given and family from \(expected.source)", confidence: 0.95))
                }
                // Counter-evidence: the email's given token spells the whole value (`jeanpierre.dupont@`).
                if let expected, expected.given == latinTokens.joined() { continue }
                // Name frequencies alone, only when no surname attribute could contradict them.
                if reasons.isEmpty, classification.label == .fullName, classification.confidence >= minimum, lastName == nil {
                    reasons.append(Evidence(value: value, classifiedAs: "fullName", confidence: classification.confidence, source: "name frequencies"))
                }
                guard !reasons.isEmpty else { continue }
                findings.report(
                    "attribute '\(attribute.name)' promises the given name but holds a full name ('\(value)')",
                    at: attribute.attribute.element, attribute: attribute.name, field: "firstName",
                    evidence: [Evidence(value: value, classifiedAs: "fullName", confidence: max(classification.confidence, 0.9))] + reasons,
                    fix: Fix("Map '\(attribute.name)' to the directory's given-name field (user.givenname / givenName / user.firstName), not the display or common name."))
            }
        }
    }
}
