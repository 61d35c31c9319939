import Foundation
import SAMLXML

/// The mapping rules all read the same `AssertionAnalysis` of an assertion; this keeps the last few so
/// one message is classified once, not once per rule. Entries hold their document alive, so a node
/// address cannot be reused while it is a key; the configured mapping and rule data are part of the key.
final class AnalysisCache: @unchecked Sendable {
    static let shared = AnalysisCache()

    private struct Key: Hashable {
        let node: XMLNode
        let mapping: [String: [String]]
        let data: ObjectIdentifier
    }

    private let lock = NSLock()
    private var entries: [(Key, AssertionAnalysis)] = []
    private let capacity = 8

    func analysis(_ assertion: Assertion, context: LintContext) -> AssertionAnalysis {
        let key = Key(node: assertion.element, mapping: context.configuration.mapping, data: ObjectIdentifier(context.ruleData))
        lock.lock()
        if let hit = entries.first(where: { $0.0 == key }) {
            lock.unlock()
            return hit.1
        }
        lock.unlock()
        let built = AssertionAnalysis(assertion, context: context)
        lock.lock()
        entries.append((key, built))
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
        lock.unlock()
        return built
    }
}

extension AssertionAnalysis {
    /// The analysis of `assertion`, shared by the mapping rules linting the same message.
    public static func of(_ assertion: Assertion, context: LintContext) -> AssertionAnalysis {
        AnalysisCache.shared.analysis(assertion, context: context)
    }
}
