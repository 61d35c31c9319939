/// The given-name attribute holds the family name and the surname attribute the given name.
public struct GivenFamilySwapped: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "mapping/given-family-swapped",
        title: "Given And Family Names Swapped",
        category: .mapping,
        severity: .warning,
        rationale: """
            Swapped name claims produce "Dear Doe" and sort people by given name. The rule weighs \
            independent evidence: the email local part (`jane.doe@`), the display name (`Doe, Jane` is \
            family first; `Jane Doe` is weak evidence, since family-first order is normal in Hungarian and \
            East Asian names), and name-frequency data. It reports only when the evidence agrees.
            """,
        message: "attributes NAME and NAME look swapped",
        triggering: [
            Example(ExampleSAML.response(nameID: "jane.doe@example.com", attributes: [.marked("firstName", ["Doe"]), .marked("lastName", ["Jane"])])),
            Example(ExampleSAML.response(attributes: [.marked("givenName", ["Smith"]), .marked("sn", ["Robert"]), .init("displayName", ["Smith, Robert"])])),
        ],
        nonTriggering: [
            Example(ExampleSAML.response(nameID: "jane.doe@example.com", attributes: [.init("firstName", ["Jane"]), .init("lastName", ["Doe"])])),
            Example(ExampleSAML.response(nameID: "anna.nagy@example.hu", attributes: [.init("firstName", ["Anna"]), .init("lastName", ["Nagy"]), .init("displayName", ["Nagy Anna"])])),
            Example(ExampleSAML.response(nameID: "wei.wang@example.cn", attributes: [.init("firstName", ["Wei"]), .init("lastName", ["Wang"])])),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        let needed = context.ruleData.threshold("mapping.swap.minScore", default: 2)
        let strong = context.ruleData.threshold("mapping.names.strongLogOdds", default: 2)
        for assertion in message.assertions {
            let analysis = AssertionAnalysis(assertion, context: context)
            guard let givenAttribute = analysis.attributes(for: .firstName).first(where: { !$0.filled.isEmpty }),
                let familyAttribute = analysis.attributes(for: .lastName).first(where: { !$0.filled.isEmpty }),
                let given = givenAttribute.filled.first?.value, let family = familyAttribute.filled.first?.value,
                NameClassifier.isNameShaped(given), NameClassifier.isNameShaped(family)
            else { continue }
            let g = AssertionAnalysis.fold(given)
            let f = AssertionAnalysis.fold(family)
            guard g != f, !g.contains(" "), !f.contains(" ") else { continue }
            var score = 0.0
            var evidence: [Evidence] = []
            var contradicted = false
            if let expected = analysis.expectedNames {
                if expected.given == f && expected.family == g {
                    score += 1
                    evidence.append(Evidence(value: "\(expected.given) / \(expected.family)", classifiedAs: "given / family from \(expected.source)", confidence: 0.8))
                } else if expected.given == g && expected.family == f {
                    contradicted = true
                }
            }
            if let display = analysis.displayNameParts {
                if display.commaForm {
                    if display.first == g && display.last == f { score += 1.5; evidence.append(Evidence(value: display.value, classifiedAs: "Family, Given display name", confidence: 0.9)) }
                    if display.first == f && display.last == g { contradicted = true }
                }
            }
            let lexicon = analysis.classifier.lexicon
            let givenOdds = lexicon.givenLogOdds(given)
            let familyOdds = lexicon.givenLogOdds(family)
            if givenOdds <= -strong && familyOdds >= strong {
                score += 1
                evidence.append(Evidence(value: given, classifiedAs: "familyName", confidence: 0.85, source: "name frequencies"))
                evidence.append(Evidence(value: family, classifiedAs: "givenName", confidence: 0.85, source: "name frequencies"))
            } else if givenOdds >= strong && familyOdds <= -strong {
                contradicted = true
            }
            guard !contradicted, score >= needed else { continue }
            let other = [givenAttribute.name: familyAttribute.name, familyAttribute.name: givenAttribute.name]
            for (attribute, field, holds) in [(givenAttribute, "firstName", "family name"), (familyAttribute, "lastName", "given name")] {
                findings.report(
                    "attributes '\(givenAttribute.name)' ('\(given)') and '\(familyAttribute.name)' ('\(family)') look swapped: '\(attribute.name)' holds the \(holds)",
                    at: attribute.attribute.element, attribute: attribute.name, field: field, evidence: evidence,
                    fix: Fix("Swap the sources of '\(givenAttribute.name)' and '\(familyAttribute.name)' at the IdP: '\(attribute.name)' should carry what '\(other[attribute.name]!)' carries now.",
                        mapping: ["firstName": familyAttribute.name, "lastName": givenAttribute.name]))
            }
        }
    }
}
