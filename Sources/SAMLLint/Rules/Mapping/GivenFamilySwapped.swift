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
            independent evidence: the email local part (`jane.doe@`; `jdoe@`, `doej@` or a username `jdoe` \
            name the given name by its initial), the display name (`Doe, Jane` is family first; `Jane Doe` \
            is weak evidence, since family-first order is normal in Hungarian and East Asian names, but not in \
            Thai ones), name-frequency data, the surname lists of family-first cultures and, for names none of those know, the shape of a name (its ending: `-чук`, `-nen`), weakly. \
            A family-name ending no given name has (`-shvili`, `-enko`, `-ová`) is evidence enough alone; a \
            particle that only begins family names (`Ó`, `Mac`, `آل`) counts as a family name. Names in other scripts are \
            compared with the address through their transliteration. It reports only when the evidence agrees.
            """,
        message: "attributes NAME and NAME look swapped",
        triggering: [
            Example(ExampleSAML.response(nameID: "jane.doe@example.com", attributes: [.marked("firstName", ["Doe"]), .marked("lastName", ["Jane"])])),
            Example(ExampleSAML.response(attributes: [.marked("givenName", ["Smith"]), .marked("sn", ["Robert"]), .init("displayName", ["Smith, Robert"])])),
            Example(ExampleSAML.response(nameID: "_x", nameIDFormat: ExampleSAML.transientFormat, attributes: [
                .marked("firstName", ["山田"]), .marked("lastName", ["太郎"]), .init("displayName", ["山田太郎"]),
            ])),
            Example(ExampleSAML.response(nameID: "lkubikova@example.sk", attributes: [.marked("firstName", ["Kubíková"]), .marked("lastName", ["Lucia"])])),
            // Initial + name, in the username or the email, either way round: the initial's value is the given name.
            Example(ExampleSAML.response(nameID: "_x", nameIDFormat: ExampleSAML.transientFormat, attributes: [
                .marked("firstName", ["Ashdown"]), .marked("lastName", ["Tamsin"]), .init("username", ["tashdown"]),
            ])),
            Example(ExampleSAML.response(nameID: "ashdownt@example.com", attributes: [.marked("firstName", ["Ashdown"]), .marked("lastName", ["Tamsin"])])),
            // Another script: the address is a transliteration (`נור` nwr / nvr), display order agrees.
            Example(ExampleSAML.response(nameID: "nvr.glyk@example.com", attributes: [
                .marked("firstName", ["גליק"]), .marked("lastName", ["נור"]), .init("displayName", ["נור גליק"]),
            ])),
            // Display order over whole values (a two-word surname) with the email.
            Example(ExampleSAML.response(nameID: "leah.simantov@example.com", attributes: [
                .marked("firstName", ["Siman Tov"]), .marked("lastName", ["Leah"]), .init("displayName", ["Leah Siman Tov"]),
            ])),
            // One clear name (`Jennifer` is a given name) with the display order.
            Example(ExampleSAML.response(nameID: "_x", nameIDFormat: ExampleSAML.transientFormat, attributes: [
                .marked("firstName", ["Ashdown"]), .marked("lastName", ["Jennifer"]), .init("displayName", ["Jennifer Ashdown"]),
            ])),
            // A frequent Hungarian surname in the given name, a Hungarian given name in the surname, the email.
            Example(ExampleSAML.response(nameID: "zsofia.pataki@example.hu", attributes: [.marked("firstName", ["Pataki"]), .marked("lastName", ["Zsófia"])])),
            // Both names agree, the surname written with its ending and diacritics: outweighs a `family.given@` address.
            Example(ExampleSAML.response(nameID: "jovanovic.liljana@example.si", attributes: [.marked("firstName", ["Jovanović"]), .marked("lastName", ["Liljana"])])),
            // A surname as written (`Mavrič`) with the display order, against a `family.given@` address.
            Example(ExampleSAML.response(nameID: "mavric.lara@example.si", attributes: [
                .marked("firstName", ["Mavrič"]), .marked("lastName", ["Lara"]), .init("displayName", ["Lara Mavrič"]),
            ])),
            // Thai names are given name first: the display order alone.
            Example(ExampleSAML.response(nameID: "_x", nameIDFormat: ExampleSAML.transientFormat, attributes: [
                .marked("firstName", ["ดวงทับทิม"]), .marked("lastName", ["ดวงพร"]), .init("displayName", ["ดวงพร ดวงทับทิม"]),
            ])),
            // `Nguyễn`: a frequent surname by the frequencies and the Vietnamese lists alike, with the address and the username.
            Example(ExampleSAML.response(nameID: "xuan_nguyen@example.vn", attributes: [
                .marked("firstName", ["Nguyễn"]), .marked("lastName", ["Xuân"]), .init("username", ["xnguyen"]),
            ])),
            // Names the lexicon lacks: `Ткачишин` ends like a family name, `Мирослава` like a given name
            // (rules/lexicons/name-shapes.tsv), with the display order.
            Example(ExampleSAML.response(nameID: "_x", nameIDFormat: ExampleSAML.transientFormat, attributes: [
                .marked("firstName", ["Ткачишин"]), .marked("lastName", ["Мирослава"]), .init("displayName", ["Мирослава Ткачишин"]),
            ])),
            // A particle that only begins family names (Irish `Ó`), a clear given name, the display order.
            Example(ExampleSAML.response(nameID: "_x", nameIDFormat: ExampleSAML.transientFormat, attributes: [
                .marked("firstName", ["Ó Haoláin"]), .marked("lastName", ["Muriel"]), .init("displayName", ["Muriel Ó Haoláin"]),
            ])),
            // A family-name ending no given name has (`-shvili`), alone.
            Example(ExampleSAML.response(nameID: "_x", nameIDFormat: ExampleSAML.transientFormat, attributes: [
                .marked("firstName", ["Merebashvili"]), .marked("lastName", ["Grigol"]),
            ])),
        ],
        nonTriggering: [
            // The same names in place.
            Example(ExampleSAML.response(nameID: "_x", nameIDFormat: ExampleSAML.transientFormat, attributes: [
                .init("firstName", ["Grigol"]), .init("lastName", ["Merebashvili"]),
            ])),
            // Name shapes alone never report: no address, no display name.
            Example(ExampleSAML.response(nameID: "_x", nameIDFormat: ExampleSAML.transientFormat, attributes: [
                .init("firstName", ["Ткачишин"]), .init("lastName", ["Мирослава"]),
            ])),
            // Family-first display and `family.given@`, but the shapes say the values are in place.
            Example(ExampleSAML.response(nameID: "tkachishin.miroslava@example.ua", attributes: [
                .init("firstName", ["Мирослава"]), .init("lastName", ["Ткачишин"]), .init("displayName", ["Ткачишин Мирослава"]),
            ])),
            Example(ExampleSAML.response(nameID: "jane.doe@example.com", attributes: [.init("firstName", ["Jane"]), .init("lastName", ["Doe"])])),
            Example(ExampleSAML.response(nameID: "anna.nagy@example.hu", attributes: [.init("firstName", ["Anna"]), .init("lastName", ["Nagy"]), .init("displayName", ["Nagy Anna"])])),
            Example(ExampleSAML.response(nameID: "wei.wang@example.cn", attributes: [.init("firstName", ["Wei"]), .init("lastName", ["Wang"])])),
            Example(ExampleSAML.response(nameID: "_x", nameIDFormat: ExampleSAML.transientFormat, attributes: [
                .init("firstName", ["太郎"]), .init("lastName", ["山田"]), .init("displayName", ["山田太郎"]),
            ])),
            Example(ExampleSAML.response(nameID: "nagy.gyongyi@example.hu", attributes: [.init("firstName", ["Gyöngyi"]), .init("lastName", ["Nagy"]), .init("displayName", ["Nagy Gyöngyi"])])),
            Example(ExampleSAML.response(nameID: "_x", nameIDFormat: ExampleSAML.transientFormat, attributes: [
                .init("firstName", ["Tamsin"]), .init("lastName", ["Ashdown"]), .init("username", ["tashdown"]),
            ])),
            // One name alone (`Armas` is a Spanish surname and a Finnish given name) with a `family.given@` address.
            Example(ExampleSAML.response(nameID: "sihvonen.armas@example.fi", attributes: [.init("firstName", ["Armas"]), .init("lastName", ["Sihvonen"])])),
            // Both Vietnamese surnames (`Mai` is also a US given name): the lists say nothing.
            Example(ExampleSAML.response(nameID: "mai.chau@example.vn", attributes: [.init("firstName", ["Châu"]), .init("lastName", ["Mai"])])),
            // Both names lean the swapped way, but plain-ASCII ones cross cultures (`Kondo`: Japanese surname,
            // Swahili given name; `Madison`: English surname and given name): not against the address.
            Example(ExampleSAML.response(nameID: "kondo.naomi@example.co.tz", attributes: [
                .init("firstName", ["Kondo"]), .init("lastName", ["Naomi"]), .init("displayName", ["Kondo Naomi"]),
            ])),
            Example(ExampleSAML.response(nameID: "madison.george@example.com", attributes: [.init("firstName", ["Madison"]), .init("lastName", ["George"])])),
            // Thai, in order.
            Example(ExampleSAML.response(nameID: "_x", nameIDFormat: ExampleSAML.transientFormat, attributes: [
                .init("firstName", ["ดวงพร"]), .init("lastName", ["ดวงทับทิม"]), .init("displayName", ["ดวงพร ดวงทับทิม"]),
            ])),
            // Family-first display and `family.given@`, but both are given names: order alone does not report.
            Example(ExampleSAML.response(nameID: "peter.andrea@example.hu", attributes: [
                .init("firstName", ["Andrea"]), .init("lastName", ["Péter"]), .init("displayName", ["Péter Andrea"]),
            ])),
        ])

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        let weights = SwapWeights.of(context.ruleData)
        for assertion in message.assertions {
            let analysis = AssertionAnalysis.of(assertion, context: context)
            guard let givenAttribute = analysis.attributes(for: .firstName).first(where: { !$0.filled.isEmpty }),
                let familyAttribute = analysis.attributes(for: .lastName).first(where: { !$0.filled.isEmpty }),
                let given = givenAttribute.filled.first?.value, let family = familyAttribute.filled.first?.value,
                NameClassifier.isNameShaped(given), NameClassifier.isNameShaped(family)
            else { continue }
            // At most four names each, not counting particles (`آل محمد بن علي بن جماز`: three names).
            let patterns = analysis.classifier.patterns
            func atMostFourNames(_ value: String) -> Bool {
                // Particles only lower the count: four tokens or fewer need no particle lookups.
                NameClassifier.tokenCount(value) <= 4 || NameClassifier.tokens(value).count { !patterns.familyParticles.contains($0.lowercased()) } <= 4
            }
            guard AssertionAnalysis.fold(given) != AssertionAnalysis.fold(family), atMostFourNames(given), atMostFourNames(family) else { continue }
            var swap = SwapCase(given: given, family: family, analysis: analysis, context: context, weights: weights)
            if swap.namesVeto { continue }
            swap.weighEmailOrder()
            swap.weighInitialForms()
            swap.weighEastAsianDisplay()
            swap.weighCapitalsDisplay()
            swap.weighDisplayOrder()
            swap.weighNames()
            guard swap.reports else { continue }
            let other = [givenAttribute.name: familyAttribute.name, familyAttribute.name: givenAttribute.name]
            for (attribute, field, holds) in [(givenAttribute, "firstName", "family name"), (familyAttribute, "lastName", "given name")] {
                findings.report(
                    "attributes '\(givenAttribute.name)' ('\(given)') and '\(familyAttribute.name)' ('\(family)') look swapped: '\(attribute.name)' holds the \(holds)",
                    at: attribute.attribute.element, attribute: attribute.name, field: field, evidence: swap.evidence,
                    fix: Fix("Swap the sources of '\(givenAttribute.name)' and '\(familyAttribute.name)' at the IdP: '\(attribute.name)' should carry what '\(other[attribute.name]!)' carries now.",
                        mapping: ["firstName": familyAttribute.name, "lastName": givenAttribute.name]))
            }
        }
    }
}
