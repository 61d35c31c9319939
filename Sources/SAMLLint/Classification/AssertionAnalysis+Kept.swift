import Foundation
import SAMLXML

/// The mapping rules all read the same `AssertionAnalysis` of an assertion: it is kept with the
/// assertion (a message's assertions are made once), for the configured mapping and rule data it was
/// made under. A message is linted on one thread, so no lock: a shared cache's lock had the workers
/// of a folder waiting on each other.
struct AnalysisKey: Equatable {
    let mapping: [String: [String]]
    let data: ObjectIdentifier
}

extension AssertionAnalysis {
    /// The analysis of `assertion`, shared by the mapping rules linting the same message.
    public static func of(_ assertion: Assertion, context: LintContext) -> AssertionAnalysis {
        let key = AnalysisKey(mapping: context.configuration.mapping, data: ObjectIdentifier(context.ruleData))
        if let kept = assertion.memo.analysis, kept.key == key { return kept.analysis }
        let built = AssertionAnalysis(assertion, context: context)
        assertion.memo.analysis = (key, built)
        return built
    }
}
