/// Which order a person's names are written in: East Asian scripts and family-first cultures put the
/// family name first, so the order of a display name or an email local part says nothing there.
public enum NameOrder {
    /// Han, Kana or Hangul only.
    public static func isEastAsian(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x1100...0x11FF, 0x3040...0x30FF, 0x3400...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF: return true
            default: return false
            }
        }
    }

    /// Hangul, Han, Kana, Vietnamese-only letters, Hungarian ő/ű, or a frequent family-first surname.
    public static func mayBeFamilyFirst(_ a: String, _ b: String, context: LintContext) -> Bool {
        let surnames = context.ruleData.lineList("lexicons/family-first-names.txt")
        for value in [a, b] {
            if surnames.contains(AssertionAnalysis.fold(value)) { return true }
            if NameClassifier.tokens(value).contains(where: { surnames.contains(AssertionAnalysis.fold($0)) }) { return true }
            for scalar in value.unicodeScalars {
                switch scalar.value {
                case 0x1100...0x11FF, 0x3040...0x30FF, 0x3400...0x9FFF, 0xAC00...0xD7AF: return true  // Hangul, Kana, Han
                case 0x1EA0...0x1EF9, 0x01A0, 0x01A1, 0x01AF, 0x01B0, 0x0110, 0x0111, 0x0103, 0x0102: return true  // Vietnamese
                case 0x0150, 0x0151, 0x0170, 0x0171: return true  // Hungarian ő ű
                default: continue
                }
            }
        }
        return false
    }
}
