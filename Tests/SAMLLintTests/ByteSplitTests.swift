@testable import SAMLLint
import Testing

/// Tests on bytes that stand in for Character splits of ASCII text must agree with the splits.
@Suite("Byte splits agree with Character splits")
struct ByteSplitTests {
    static let locals = [
        "", "jdoe", "j.doe", "doe_j", "jane.doe", "j.d", "j..doe", ".j.doe.", "a-b-c", "jane.d", "x", "...", "j\r\n.doe",
        "jo\u{301}.doe", "ö.müller", "müller", "jd_", "a.b.c.d",
    ]

    @Test("isNameAndInitialShaped matches the Character split", arguments: locals)
    func nameAndInitialShape(_ local: String) {
        let parts = local.split(whereSeparator: { $0 == "." || $0 == "_" || $0 == "-" })
        let expected = parts.count == 1 || parts.count == 2 && parts.contains(where: { $0.count == 1 })
        #expect(AssertionAnalysis.isNameAndInitialShaped(local) == expected)
    }
}
