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
            Example(ExampleSAML.response(nameID: "_x", nameIDFormat: ExampleSAML.transientFormat, attributes: [
                .marked("firstName", ["山田"]), .marked("lastName", ["太郎"]), .init("displayName", ["山田太郎"]),
            ])),
            Example(ExampleSAML.response(nameID: "lkubikova@example.sk", attributes: [.marked("firstName", ["Kubíková"]), .marked("lastName", ["Lucia"])])),
        ],
        nonTriggering: [
            Example(ExampleSAML.response(nameID: "jane.doe@example.com", attributes: [.init("firstName", ["Jane"]), .init("lastName", ["Doe"])])),
            Example(ExampleSAML.response(nameID: "anna.nagy@example.hu", attributes: [.init("firstName", ["Anna"]), .init("lastName", ["Nagy"]), .init("displayName", ["Nagy Anna"])])),
            Example(ExampleSAML.response(nameID: "wei.wang@example.cn", attributes: [.init("firstName", ["Wei"]), .init("lastName", ["Wang"])])),
            Example(ExampleSAML.response(nameID: "_x", nameIDFormat: ExampleSAML.transientFormat, attributes: [
                .init("firstName", ["太郎"]), .init("lastName", ["山田"]), .init("displayName", ["山田太郎"]),
            ])),
            Example(ExampleSAML.response(nameID: "nagy.gyongyi@example.hu", attributes: [.init("firstName", ["Gyöngyi"]), .init("lastName", ["Nagy"]), .init("displayName", ["Nagy Gyöngyi"])])),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        let needed = context.ruleData.threshold("mapping.swap.minScore", default: 2)
        let orderAlone = context.ruleData.threshold("mapping.swap.orderAloneSuffices", default: 1) >= 1
        let strong = context.ruleData.threshold("mapping.names.strongLogOdds", default: 2)
        let weights = (
            email: context.ruleData.threshold("mapping.swap.emailWeight", default: 1),
            emailAgainst: context.ruleData.threshold("mapping.swap.emailAgainstWeight", default: 0.5),
            familyEnding: context.ruleData.threshold("mapping.swap.familyEndingWeight", default: 1.5),
            comma: context.ruleData.threshold("mapping.swap.commaDisplayWeight", default: 2.5),
            display: context.ruleData.threshold("mapping.swap.displayWeight", default: 1.5),
            lexicon: context.ruleData.threshold("mapping.swap.lexiconWeight", default: 1),
            lexiconVeryStrong: context.ruleData.threshold("mapping.swap.lexiconVeryStrongWeight", default: 2),
            veryStrongOdds: context.ruleData.threshold("mapping.swap.veryStrongLogOdds", default: 5))
        for assertion in message.assertions {
            let analysis = AssertionAnalysis.of(assertion, context: context)
            guard let givenAttribute = analysis.attributes(for: .firstName).first(where: { !$0.filled.isEmpty }),
                let familyAttribute = analysis.attributes(for: .lastName).first(where: { !$0.filled.isEmpty }),
                let given = givenAttribute.filled.first?.value, let family = familyAttribute.filled.first?.value,
                NameClassifier.isNameShaped(given), NameClassifier.isNameShaped(family)
            else { continue }
            let g = AssertionAnalysis.fold(given)
            let f = AssertionAnalysis.fold(family)
            guard g != f, NameClassifier.tokens(given).count <= 4, NameClassifier.tokens(family).count <= 4 else { continue }
            var score = 0.0
            var evidence: [Evidence] = []
            var contradicted = false
            var independent = false  // evidence that family-first naming conventions cannot explain
            let gLatin = AssertionAnalysis.latin(given)
            let fLatin = AssertionAnalysis.latin(family)
            if let expected = analysis.expectedNames, !gLatin.isEmpty, !fLatin.isEmpty {
                // One side matching is enough: transliterations differ (`Коцева` -> koceva / kotseva).
                let swappedMatch = expected.given == fLatin || expected.family == gLatin
                let normalMatch = expected.given == gLatin || expected.family == fLatin
                if swappedMatch && !normalMatch {
                    score += weights.email
                    evidence.append(Evidence(value: "\(expected.given) / \(expected.family)", classifiedAs: "given / family from \(expected.source)", confidence: 0.8))
                } else if normalMatch && !swappedMatch {
                    score -= weights.emailAgainst  // soft: `family.given@` is a common convention too
                }
            }
            // `lkubikova@`: the initial of the given name then the family name.
            if let email = analysis.emailValue, let local = EmailClassifier.parts(email)?.local {
                let letters = AssertionAnalysis.fold(local).filter(\.isLetter)
                let gl = gLatin, fl = fLatin
                if let fi = fl.first, letters == String(fi) + gl, gl.count >= 3 {
                    score += weights.email
                    evidence.append(Evidence(value: local, classifiedAs: "initial of the given name + family name", confidence: 0.8))
                } else if let gi = gl.first, letters == String(gi) + fl, fl.count >= 3 {
                    contradicted = true
                }
            }
            let familyFirst = NameOrder.mayBeFamilyFirst(given, family, context: context)
            // Han, Kana, Hangul: the display name is family + given, with or without a space.
            if NameOrder.isEastAsian(given), NameOrder.isEastAsian(family), let display = analysis.value(for: .displayName) {
                let joined = display.filter { !$0.isWhitespace }
                if joined == given + family {
                    score += weights.comma
                    independent = true
                    evidence.append(Evidence(value: display, classifiedAs: "family + given display name (East Asian order)", confidence: 0.9))
                } else if joined == family + given {
                    contradicted = true
                }
            }
            // `DOE Jane` (French, administrative style): the all-capitals token is the family name.
            if let display = analysis.value(for: .displayName), NameClassifier.isNameShaped(display) {
                let caps = NameClassifier.tokens(display).filter { $0.count >= 2 && $0 == $0.uppercased() && $0 != $0.lowercased() }
                if caps.count == 1, let family = caps.first.map(AssertionAnalysis.fold) {
                    if family == g {
                        score += weights.comma
                        independent = true
                        evidence.append(Evidence(value: display, classifiedAs: "FAMILY Given display name", confidence: 0.9))
                    } else if family == f {
                        contradicted = true
                    }
                }
            }
            if let display = analysis.displayNameParts {
                let swapped = display.first == f && display.last == g
                let normal = display.first == g && display.last == f
                if display.commaForm {
                    // "Family, Given": the part before the comma is the family name.
                    if normal { score += weights.comma; independent = true; evidence.append(Evidence(value: display.value, classifiedAs: "Family, Given display name", confidence: 0.9)) }
                    if swapped { contradicted = true }
                } else if familyFirst {
                    // Order says nothing for names that may be written family first.
                } else if swapped {
                    // "Given Family" in the display name; weak alone (family-first order is normal in
                    // Hungarian, East Asian names), so it counts with other evidence only.
                    score += weights.display
                    evidence.append(Evidence(value: display.value, classifiedAs: "Given Family display name", confidence: 0.6))
                } else if normal {
                    score -= weights.display  // soft: family-first display order is normal in some cultures
                }
            }
            let lexicon = analysis.classifier.lexicon
            let patterns = analysis.classifier.patterns
            // Name frequencies, else a family-name ending (`-ová`, `-ov`, `-yan`...) for tokens the lexicon lacks.
            func odds(_ token: String) -> Double {
                let known = lexicon.givenLogOdds(token)
                if abs(known) >= strong { return known }
                return patterns.hasFamilyEnding(token) ? -strong : known
            }
            let givenOdds = odds(given)
            let familyOdds = odds(family)
            // Each token votes: a family-ish token in the given name or a given-ish one in the surname
            // says swapped; the reverse says not.
            let swapVotes = (givenOdds <= -strong ? 1 : 0) + (familyOdds >= strong ? 1 : 0)
            let normalVotes = (givenOdds >= strong ? 1 : 0) + (familyOdds <= -strong ? 1 : 0)
            if normalVotes > swapVotes {
                contradicted = true
            } else if swapVotes == 2 || swapVotes == 1 && normalVotes == 0
                && (patterns.hasFamilyEnding(given) || !familyFirst && max(-givenOdds, familyOdds) >= weights.veryStrongOdds)
            {
                // One clear token counts when it is morphology (a family-name ending on the given-name
                // value) or census-level frequency on a name that cannot be family-first (Vietnamese
                // `Mai` is a frequent US given name).
                let veryStrong = swapVotes == 2 && givenOdds <= -weights.veryStrongOdds && familyOdds >= weights.veryStrongOdds
                let ending = swapVotes == 1 && patterns.hasFamilyEnding(given)
                score += veryStrong ? weights.lexiconVeryStrong : ending ? weights.familyEnding : weights.lexicon
                independent = true
                if givenOdds <= -strong {
                    evidence.append(Evidence(value: given, classifiedAs: "familyName", confidence: veryStrong ? 0.95 : 0.8, source: "name frequencies"))
                }
                if familyOdds >= strong {
                    evidence.append(Evidence(value: family, classifiedAs: "givenName", confidence: veryStrong ? 0.95 : 0.8, source: "name frequencies"))
                }
            }
            // Email `family.given@` plus display `Family Given` is how Hungarian, Korean, Vietnamese
            // (and some companies') conventions look: order evidence alone never suffices.
            // Order evidence (email + display) is independent enough when neither value can be a
            // family-first name: not a frequent Hungarian/Vietnamese/East Asian surname, not in a
            // script or with letters of those languages.
            if !independent, score >= needed, !familyFirst, orderAlone { independent = true }
            guard !contradicted, independent, score >= needed else { continue }
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
