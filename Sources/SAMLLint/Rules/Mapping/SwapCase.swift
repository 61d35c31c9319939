/// One assertion's given-name and surname values, weighed for mapping/given-family-swapped: each
/// `weigh…` adds the evidence one source gives (the email local part, an initial form, the display name,
/// the names themselves), for the values swapped (the score grows) or in place (it shrinks, or a
/// contradiction vetoes).
struct SwapCase {
    let given: String
    let family: String
    /// Both values folded (lower case, no diacritics).
    let g: String
    let f: String
    /// Both values transliterated to Latin letters (`Коцева` -> koceva), as addresses spell them.
    let gLatin: String
    let fLatin: String
    let analysis: AssertionAnalysis
    let weights: SwapWeights
    let data: RuleData
    /// Whether either value may be a family-first name (order evidence says nothing there).
    let familyFirst: Bool

    var score = 0.0
    var evidence: [Evidence] = []
    var contradicted = false
    /// Evidence that family-first naming conventions cannot explain.
    var independent = false
    /// How many names say the values are in place (set by weighNames).
    var normalVotes = 0

    init(given: String, family: String, analysis: AssertionAnalysis, context: LintContext, weights: SwapWeights) {
        self.given = given
        self.family = family
        self.g = AssertionAnalysis.fold(given)
        self.f = AssertionAnalysis.fold(family)
        self.gLatin = AssertionAnalysis.latin(given)
        self.fLatin = AssertionAnalysis.latin(family)
        self.analysis = analysis
        self.weights = weights
        self.data = context.ruleData
        self.familyFirst = NameOrder.mayBeFamilyFirst(given, family, context: context)
    }

    /// Email `given.family@` / `given_family@` (order evidence: `family.given@` is a convention too).
    mutating func weighEmailOrder() {
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
    }

    /// `lkubikova@`, username `lkubikova`, `kubikoval`: one value shortened to its initial is the given
    /// name, in either convention (initial first or last). Not order evidence, so strong, except
    /// where the letters could have been built from a family-first display name.
    mutating func weighInitialForms() {
        var initialSwapped: String?
        for local in analysis.nameLocalParts {
            let swapped = Self.built(local.letters, initialOf: fLatin, then: given, latin: gLatin, initialLast: !familyFirst)
            let normal = Self.built(local.letters, initialOf: gLatin, then: family, latin: fLatin, initialLast: !familyFirst)
            if normal && !swapped { contradicted = true }
            if swapped && !normal && initialSwapped == nil { initialSwapped = local.source }
        }
        if let source = initialSwapped {
            score += familyFirst ? weights.email : weights.initial
            if !familyFirst { independent = true }
            evidence.append(Evidence(value: source, classifiedAs: "initial of the given name + family name", confidence: 0.85))
        }
    }

    /// Han, Kana, Hangul: the display name is family + given, with or without a space.
    mutating func weighEastAsianDisplay() {
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
    }

    /// `DOE Jane` (French, administrative style): the all-capitals token is the family name.
    mutating func weighCapitalsDisplay() {
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
    }

    /// Which value the display name starts with; whole values, so `Leah Siman Tov` is read right.
    mutating func weighDisplayOrder() {
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
    }

    /// Whether the evidence reports: enough of it, some that family-first conventions cannot explain,
    /// nothing against.
    var reports: Bool {
        // Email `family.given@` plus display `Family Given` is how Hungarian, Korean, Vietnamese
        // (and some companies') conventions look: order evidence alone never suffices.
        // Order evidence (email + display) is independent enough when neither value can be a
        // family-first name: not a frequent Hungarian/Vietnamese/East Asian surname, not in a
        // script or with letters of those languages.
        // ...and when no name says otherwise (`Péter Andrea`: both given names).
        let orderSuffices = weights.orderAlone && !familyFirst && normalVotes == 0
        return !contradicted && (independent || orderSuffices) && score >= weights.needed
    }

    /// Whether `letters` (an email local part or username, folded) is the initial of `initialOf` (in
    /// Latin letters) followed by `then` (`latin`, its Latin letters: `jdoe`; cut to a directory's length
    /// limit, `jmacgillivra`), or with `initialLast` also `then` followed by the initial (`doej`).
    static func built(_ letters: String, initialOf: String, then: String, latin full: String, initialLast: Bool) -> Bool {
        guard let initial = initialOf.first, full.count >= 3, letters != full else { return false }
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
