/// The names themselves as evidence: frequencies, family-name endings and particles, the lists of
/// family-first cultures, and (weakly) the shape of names none of those know.
extension SwapCase {
    mutating func weighNames() {
        let strong = weights.strong
        let patterns = analysis.classifier.patterns
        let lexicon = analysis.classifier.lexicon
        let (givenOdds, givenSource) = nameOdds(given)
        let (familyOdds, familySource) = nameOdds(family)
        // Each token votes: a family-ish token in the given name or a given-ish one in the surname
        // says swapped; the reverse says not.
        let swapVotes = (givenOdds <= -strong ? 1 : 0) + (familyOdds >= strong ? 1 : 0)
        normalVotes = (givenOdds >= strong ? 1 : 0) + (familyOdds <= -strong ? 1 : 0)
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
        weighShapes(givenOdds: givenOdds, familyOdds: familyOdds)
        if lexiconScore > 0 {
            score += lexiconScore
            independent = true
            let confidence = lexiconScore >= weights.lexiconVeryStrong ? 0.95 : 0.8
            if givenOdds < 0 { evidence.append(Evidence(value: given, classifiedAs: "familyName", confidence: confidence, source: givenSource)) }
            if familyOdds > 0 { evidence.append(Evidence(value: family, classifiedAs: "givenName", confidence: confidence, source: familySource)) }
        }
    }

    /// Whether the names alone veto a report: both strongly in place (`Jane` / `Doe`), the case where
    /// `weighNames` sets `contradicted`. Asked first, so most messages weigh nothing else.
    var namesVeto: Bool {
        nameOdds(given).odds >= weights.strong && nameOdds(family).odds <= -weights.strong
    }

    /// A value's given-name log-odds and where they come from: name frequencies (as written, else without
    /// diacritics: `Péter` -> peter), else a family-name ending (`-ová`, `-ov`, `-yan`...) or particle, else the
    /// surname and given-name lists of family-first cultures (`Hoàng`, `Boros`), for tokens the lexicon lacks.
    // Name frequencies (as written, else without diacritics: `Péter` -> peter), else a family-name
    // ending (`-ová`, `-ov`, `-yan`...), else the surname and given-name lists of family-first
    // cultures (`Hoàng`, `Boros`), for tokens the lexicon lacks.
    func nameOdds(_ value: String) -> (odds: Double, source: String) {
        let strong = weights.strong
        let lexicon = analysis.classifier.lexicon
        let patterns = analysis.classifier.patterns
        let familyFirstNames = FamilyFirstNames.shared(data)
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

    /// Name shapes (rules/lexicons/name-shapes.tsv) for a value the lexicon, the endings and the lists say
    /// nothing about: `Шевчук`, `Kazlauskienė` lean family by their endings. Weak, and only confident ones.
    mutating func weighShapes(givenOdds: Double, familyOdds: Double) {
        let patterns = analysis.classifier.patterns
        let lexicon = analysis.classifier.lexicon
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
    }

    enum Side { case given, family }

    /// Whether the lexicon has `value` on one side only, with at least `frequency` there (`Josephine`: given
    /// by the Census and many lists, never a family name), as written or without diacritics.
    static func listedOnly(_ value: String, as side: Side, in lexicon: NameLexicon, atLeast frequency: Double) -> Bool {
        guard let f = lexicon.frequency(value) ?? lexicon.frequency(AssertionAnalysis.fold(value)) else { return false }
        return side == .given ? f.given >= frequency && f.family == 0 : f.family >= frequency && f.given == 0
    }
}
