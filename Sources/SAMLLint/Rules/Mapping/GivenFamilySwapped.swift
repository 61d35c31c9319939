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
            Thai ones), name-frequency data, the surname lists of family-first cultures and, for names none of those know, the shape of a name (its ending: `-чук`, `-nen`), weakly. Names in other scripts are \
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
        let data = context.ruleData
        let needed = data.threshold("mapping.swap.minScore", default: 2)
        let orderAlone = data.threshold("mapping.swap.orderAloneSuffices", default: 1) >= 1
        let strong = data.threshold("mapping.names.strongLogOdds", default: 2)
        let weights = (
            email: data.threshold("mapping.swap.emailWeight", default: 1),
            emailAgainst: data.threshold("mapping.swap.emailAgainstWeight", default: 0.5),
            initial: data.threshold("mapping.swap.initialWeight", default: 2),
            familyEnding: data.threshold("mapping.swap.familyEndingWeight", default: 1.5),
            strongFamilyEnding: data.threshold("mapping.swap.strongFamilyEndingWeight", default: 2),
            comma: data.threshold("mapping.swap.commaDisplayWeight", default: 2.5),
            display: data.threshold("mapping.swap.displayWeight", default: 1.5),
            displayThai: data.threshold("mapping.swap.thaiDisplayWeight", default: 1.5),
            lexicon: data.threshold("mapping.swap.lexiconWeight", default: 1),
            lexiconAgree: data.threshold("mapping.swap.lexiconAgreeWeight", default: 1),
            lexiconSingle: data.threshold("mapping.swap.lexiconSingleWeight", default: 1),
            lexiconSingleWritten: data.threshold("mapping.swap.lexiconSingleWrittenWeight", default: 0.5),
            lexiconMargin: data.threshold("mapping.swap.lexiconMarginLogOdds", default: 2.5),
            lexiconVeryStrong: data.threshold("mapping.swap.lexiconVeryStrongWeight", default: 2),
            veryStrongOdds: data.threshold("mapping.swap.veryStrongLogOdds", default: 5),
            listedOnly: data.threshold("mapping.swap.listedOnlyMinFrequency", default: 4),
            shape: data.threshold("mapping.swap.shapeWeight", default: 0),
            shapeCap: data.threshold("mapping.swap.shapeCap", default: 0),
            shapeOdds: data.threshold("mapping.swap.shapeMinLogOdds", default: 4))
        let familyFirstNames = FamilyFirstNames.shared(data)
        for assertion in message.assertions {
            let analysis = AssertionAnalysis.of(assertion, context: context)
            guard let givenAttribute = analysis.attributes(for: .firstName).first(where: { !$0.filled.isEmpty }),
                let familyAttribute = analysis.attributes(for: .lastName).first(where: { !$0.filled.isEmpty }),
                let given = givenAttribute.filled.first?.value, let family = familyAttribute.filled.first?.value,
                NameClassifier.isNameShaped(given), NameClassifier.isNameShaped(family)
            else { continue }
            let g = AssertionAnalysis.fold(given)
            let f = AssertionAnalysis.fold(family)
            // At most four names each, not counting particles (`آل محمد بن علي بن جماز`: three names).
            let patterns = analysis.classifier.patterns
            func names(_ value: String) -> Int { NameClassifier.tokens(value).count { !patterns.familyParticles.contains($0.lowercased()) } }
            guard g != f, names(given) <= 4, names(family) <= 4 else { continue }
            var score = 0.0
            var evidence: [Evidence] = []
            var contradicted = false
            var independent = false  // evidence that family-first naming conventions cannot explain
            let gLatin = AssertionAnalysis.latin(given)
            let fLatin = AssertionAnalysis.latin(family)
            let familyFirst = NameOrder.mayBeFamilyFirst(given, family, context: context)
            // Email `given.family@` / `given_family@` (order evidence: `family.given@` is a convention too).
            if let expected = analysis.expectedNames, !gLatin.isEmpty, !fLatin.isEmpty {
                // One side matching is enough: transliterations differ (`Коцева` -> koceva / kotseva).
                let swappedMatch = AssertionAnalysis.spells(expected.given, family) || AssertionAnalysis.spells(expected.family, given)
                let normalMatch = AssertionAnalysis.spells(expected.given, given) || AssertionAnalysis.spells(expected.family, family)
                if swappedMatch && !normalMatch {
                    score += weights.email
                    evidence.append(Evidence(value: "\(expected.given) / \(expected.family)", classifiedAs: "given / family from \(expected.source)", confidence: 0.8))
                } else if normalMatch && !swappedMatch && !familyFirst {
                    // Soft: `family.given@` is a common convention too, and the native order where a value may
                    // be family-first (there it says nothing against).
                    score -= weights.emailAgainst
                }
            }
            // `lkubikova@`, username `lkubikova`, `kubikoval`: one value shortened to its initial is the given
            // name, in either convention (initial first or last). Not order evidence, so strong, except
            // where the letters could have been built from a family-first display name.
            var initialSwapped: String?
            for local in analysis.nameLocalParts {
                let swapped = Self.built(local.letters, initialOf: family, then: given, initialLast: !familyFirst)
                let normal = Self.built(local.letters, initialOf: given, then: family, initialLast: !familyFirst)
                if normal && !swapped { contradicted = true }
                if swapped && !normal && initialSwapped == nil { initialSwapped = local.source }
            }
            if let source = initialSwapped {
                score += familyFirst ? weights.email : weights.initial
                if !familyFirst { independent = true }
                evidence.append(Evidence(value: source, classifiedAs: "initial of the given name + family name", confidence: 0.85))
            }
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
                // Which value the display name starts with; whole values, so `Leah Siman Tov` is read right.
                let tokens = NameClassifier.tokens(display.value).map(AssertionAnalysis.fold)
                let gTokens = NameClassifier.tokens(given).map(AssertionAnalysis.fold)
                let fTokens = NameClassifier.tokens(family).map(AssertionAnalysis.fold)
                let familyValueFirst = display.commaForm
                    ? display.first == f && display.last == g : tokens == fTokens + gTokens || display.first == f && display.last == g
                let givenValueFirst = display.commaForm
                    ? display.first == g && display.last == f : tokens == gTokens + fTokens || display.first == g && display.last == f
                if display.commaForm {
                    // "Family, Given": the part before the comma is the family name.
                    if givenValueFirst { score += weights.comma; independent = true; evidence.append(Evidence(value: display.value, classifiedAs: "Family, Given display name", confidence: 0.9)) }
                    if familyValueFirst { contradicted = true }
                } else if familyFirst {
                    // Order says nothing for names that may be written family first.
                } else if familyValueFirst {
                    // "Given Family" in the display name; weak alone (family-first order is normal in
                    // Hungarian, East Asian names), so it counts with other evidence only.
                    // Thai names are always given name first (directories sort by it): order alone says more.
                    let thai = NameOrder.isThai(given) && NameOrder.isThai(family)
                    score += thai ? weights.displayThai : weights.display
                    evidence.append(Evidence(value: display.value, classifiedAs: "Given Family display name", confidence: thai ? 0.8 : 0.6))
                } else if givenValueFirst {
                    score -= weights.display  // soft: family-first display order is normal in some cultures
                }
            }
            let lexicon = analysis.classifier.lexicon
            // Name frequencies (as written, else without diacritics: `Péter` -> peter), else a family-name
            // ending (`-ová`, `-ov`, `-yan`...), else the surname and given-name lists of family-first
            // cultures (`Hoàng`, `Boros`), for tokens the lexicon lacks.
            func odds(_ value: String) -> (odds: Double, source: String) {
                let folded = AssertionAnalysis.fold(value)
                var known = lexicon.givenLogOdds(value)
                if abs(known) < strong, folded != value.lowercased() {
                    let plain = lexicon.givenLogOdds(folded)
                    if abs(plain) > abs(known) { known = plain }
                }
                let listed = Double(familyFirstNames.vote(folded)) * strong
                // Census `Mai` is a US given name, the lists a Vietnamese surname: both, so neither.
                if familyFirst, listed * known < 0, abs(known) >= strong { return (0, "name frequencies") }
                // ...unless the lists agree (`Nguyễn`: a frequent US surname, a Vietnamese one)
                if abs(known) >= strong { return (known, listed * known > 0 ? "name frequencies, family-first name lists" : "name frequencies") }
                if patterns.hasFamilyEnding(value) { return (-strong, "family-name ending") }
                if patterns.startsWithStrongFamilyParticle(value) { return (-strong, "family-name particle") }
                if listed != 0 { return (listed, "family-first name lists") }
                return (known, "name frequencies")
            }
            let (givenOdds, givenSource) = odds(given)
            let (familyOdds, familySource) = odds(family)
            // Each token votes: a family-ish token in the given name or a given-ish one in the surname
            // says swapped; the reverse says not.
            let swapVotes = (givenOdds <= -strong ? 1 : 0) + (familyOdds >= strong ? 1 : 0)
            let normalVotes = (givenOdds >= strong ? 1 : 0) + (familyOdds <= -strong ? 1 : 0)
            // Census-level frequency on a name that may be family-first says little (Vietnamese `Mai` is a
            // frequent US given name); morphology and the family-first lists themselves do.
            let listed = [givenSource, familySource].contains { $0 != "name frequencies" }
            var lexiconScore = 0.0
            if normalVotes == 2 {
                contradicted = true
            } else if normalVotes > swapVotes {
                // One name against (`Harrison` is mostly a surname): outweighs order, not an initial form.
                score -= weights.lexicon
            } else if swapVotes == 2 {
                // Together far from even (`Freeman` / `Josephine`: -3 and +9).
                let veryStrong = familyOdds - givenOdds >= 2 * weights.veryStrongOdds
                // Not a plain-ASCII surname (English ones are given names too: `Madison`, `Parker`; romanized
                // ones collide across cultures: Japanese `Kondo` is a Swahili given name): an ending, diacritics,
                // a script, a particle (`Ó Haoláin`); a surname the family-first lists and the frequencies agree
                // on (`Hajdu`); or both names listed one way only, by every source (`Josephine`, `Myers`).
                let notEnglish = patterns.hasFamilyEnding(given) || given.unicodeScalars.contains { !$0.isASCII }
                    || patterns.startsWithStrongFamilyParticle(given) || givenSource.hasSuffix("family-first name lists")
                    || Self.listedOnly(family, as: .given, in: lexicon, atLeast: weights.listedOnly)
                        && Self.listedOnly(given, as: .family, in: lexicon, atLeast: weights.listedOnly)
                lexiconScore = max(veryStrong ? weights.lexiconVeryStrong : weights.lexicon, notEnglish ? weights.lexiconAgree : 0)
            } else if swapVotes == 1 && normalVotes == 0 {
                // One clear token: a family-name ending on the given-name value counts as much as the email;
                // a name alone less (other cultures may use it the other way: Spanish surname `Armas` is a
                // Finnish given name, US given name `Adan` a Somali surname, Hungarian surname `Gáspár` a
                // Slovak given name), so it needs the display name or an initial form besides.
                if patterns.hasFamilyEnding(given) {
                    // An ending no given name has (`-shvili`, `-enko`, `-ová`) is evidence enough alone.
                    lexiconScore = patterns.hasStrongFamilyEnding(given) ? weights.strongFamilyEnding : weights.familyEnding
                } else if !familyFirst, givenOdds <= -strong, given.unicodeScalars.contains(where: { !$0.isASCII }),
                    lexicon.givenLogOdds(given) <= -strong {
                    // A surname as written, with its diacritics (`Mavrič`; not `Gašpar` folded to `gaspar`).
                    lexiconScore = weights.lexiconSingleWritten
                } else if listed || !familyFirst {
                    lexiconScore = weights.lexiconSingle
                }
            } else if swapVotes == 0 && normalVotes == 0 && !familyFirst && familyOdds - givenOdds >= weights.lexiconMargin {
                // Neither token clear, both leaning the swapped way (`Irwin` / `Dennis`).
                lexiconScore = weights.lexiconSingle
            }
            // Name shapes (rules/lexicons/name-shapes.tsv) for a value the lexicon, the endings and the lists say
            // nothing about: `Шевчук`, `Kazlauskienė` lean family by their endings. Weak, and only confident ones.
            func shapeOdds(_ value: String, _ odds: Double) -> Double {
                guard weights.shape > 0, odds == 0, !patterns.hasFamilyEnding(value) else { return 0 }
                let silent = value.split(whereSeparator: { $0.isWhitespace || $0 == "-" || $0 == "," }).allSatisfy { token in
                    lexicon.frequency(String(token)) == nil && lexicon.frequency(AssertionAnalysis.fold(String(token))) == nil
                }
                return silent ? NameShapeModel.shared(data).valueLogOdds(value) : 0
            }
            let givenShape = shapeOdds(given, givenOdds)
            let familyShape = shapeOdds(family, familyOdds)
            let shapeSwap = (givenShape <= -weights.shapeOdds ? 1 : 0) + (familyShape >= weights.shapeOdds ? 1 : 0)
            let shapeNormal = (givenShape >= weights.shapeOdds ? 1 : 0) + (familyShape <= -weights.shapeOdds ? 1 : 0)
            if shapeSwap > 0, shapeNormal == 0, normalVotes == 0 {
                score += min(weights.shapeCap, weights.shape * Double(shapeSwap))
                if givenShape < 0 { evidence.append(Evidence(value: given, classifiedAs: "familyName", confidence: 0.7, source: "name shape")) }
                if familyShape > 0 { evidence.append(Evidence(value: family, classifiedAs: "givenName", confidence: 0.7, source: "name shape")) }
            } else if shapeNormal > 0, shapeSwap == 0 {
                score -= min(weights.shapeCap, weights.shape * Double(shapeNormal))
            }
            if lexiconScore > 0 {
                score += lexiconScore
                independent = true
                let confidence = lexiconScore >= weights.lexiconVeryStrong ? 0.95 : 0.8
                if givenOdds < 0 { evidence.append(Evidence(value: given, classifiedAs: "familyName", confidence: confidence, source: givenSource)) }
                if familyOdds > 0 { evidence.append(Evidence(value: family, classifiedAs: "givenName", confidence: confidence, source: familySource)) }
            }
            // Email `family.given@` plus display `Family Given` is how Hungarian, Korean, Vietnamese
            // (and some companies') conventions look: order evidence alone never suffices.
            // Order evidence (email + display) is independent enough when neither value can be a
            // family-first name: not a frequent Hungarian/Vietnamese/East Asian surname, not in a
            // script or with letters of those languages.
            // ...and when no name says otherwise (`Péter Andrea`: both given names).
            if !independent, score >= needed, !familyFirst, normalVotes == 0, orderAlone { independent = true }
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

    enum Side { case given, family }

    /// Whether the lexicon has `value` on one side only, with at least `frequency` there (`Josephine`: given
    /// by the Census and many lists, never a family name), as written or without diacritics.
    static func listedOnly(_ value: String, as side: Side, in lexicon: NameLexicon, atLeast frequency: Double) -> Bool {
        guard let f = lexicon.frequency(value) ?? lexicon.frequency(AssertionAnalysis.fold(value)) else { return false }
        return side == .given ? f.given >= frequency && f.family == 0 : f.family >= frequency && f.given == 0
    }

    /// Whether `letters` (an email local part or username, folded) is the initial of `initialOf` followed
    /// by `then` (`jdoe`; cut to a directory's length limit, `jmacgillivra`), or with `initialLast`
    /// also `then` followed by the initial (`doej`).
    static func built(_ letters: String, initialOf: String, then: String, initialLast: Bool) -> Bool {
        let full = AssertionAnalysis.latin(then)
        guard let initial = AssertionAnalysis.latin(initialOf).first, full.count >= 3, letters != full else { return false }
        func spells(_ rest: Substring) -> Bool {
            let rest = String(rest)
            if rest == full { return true }
            // Near spellings (transliterations) only when the initial cannot be the name's own first letter.
            if initial != full.first, initial != full.last, AssertionAnalysis.spells(rest, then) { return true }
            return rest.count >= 7 && full.count > rest.count && full.hasPrefix(rest)  // a truncated username
        }
        if letters.first == initial, spells(letters.dropFirst()) { return true }
        return initialLast && letters.last == initial && spells(letters.dropLast())
    }
}
