/// The thresholds of mapping/given-family-swapped (`mapping.swap.*` and `mapping.names.strongLogOdds` in
/// rules/thresholds.yml, where each is explained).
struct SwapWeights: Sendable {
    /// Evidence score needed to report.
    let needed: Double
    /// Whether email + display order alone may report (unless a value looks family-first).
    let orderAlone: Bool
    /// |log-odds| above which a name is clearly given or family.
    let strong: Double
    let email, emailAgainst, initial, familyEnding, strongFamilyEnding: Double
    let comma, display, displayThai: Double
    let lexicon, lexiconAgree, lexiconSingle, lexiconSingleWritten, lexiconMargin, lexiconVeryStrong: Double
    let veryStrongOdds, listedOnly: Double
    let shape, shapeCap, shapeOdds: Double

    /// Read once per rules folder (every message asks).
    static func of(_ data: RuleData) -> SwapWeights {
        data.cached("mapping.swap.weights") { SwapWeights($0) }
    }

    init(_ data: RuleData) {
        needed = data.threshold("mapping.swap.minScore", default: 2)
        orderAlone = data.threshold("mapping.swap.orderAloneSuffices", default: 1) >= 1
        strong = data.threshold("mapping.names.strongLogOdds", default: 2)
        email = data.threshold("mapping.swap.emailWeight", default: 1)
        emailAgainst = data.threshold("mapping.swap.emailAgainstWeight", default: 0.5)
        initial = data.threshold("mapping.swap.initialWeight", default: 2)
        familyEnding = data.threshold("mapping.swap.familyEndingWeight", default: 1.5)
        strongFamilyEnding = data.threshold("mapping.swap.strongFamilyEndingWeight", default: 2)
        comma = data.threshold("mapping.swap.commaDisplayWeight", default: 2.5)
        display = data.threshold("mapping.swap.displayWeight", default: 1.5)
        displayThai = data.threshold("mapping.swap.thaiDisplayWeight", default: 1.5)
        lexicon = data.threshold("mapping.swap.lexiconWeight", default: 1)
        lexiconAgree = data.threshold("mapping.swap.lexiconAgreeWeight", default: 1)
        lexiconSingle = data.threshold("mapping.swap.lexiconSingleWeight", default: 1)
        lexiconSingleWritten = data.threshold("mapping.swap.lexiconSingleWrittenWeight", default: 0.5)
        lexiconMargin = data.threshold("mapping.swap.lexiconMarginLogOdds", default: 2.5)
        lexiconVeryStrong = data.threshold("mapping.swap.lexiconVeryStrongWeight", default: 2)
        veryStrongOdds = data.threshold("mapping.swap.veryStrongLogOdds", default: 5)
        listedOnly = data.threshold("mapping.swap.listedOnlyMinFrequency", default: 4)
        shape = data.threshold("mapping.swap.shapeWeight", default: 0)
        shapeCap = data.threshold("mapping.swap.shapeCap", default: 0)
        shapeOdds = data.threshold("mapping.swap.shapeMinLogOdds", default: 4)
    }
}
