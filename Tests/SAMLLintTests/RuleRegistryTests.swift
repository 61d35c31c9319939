import Foundation
import SAMLLint
import Testing

@Suite("Rule registry")
struct RuleRegistryTests {
    @Test func idsAreUniqueAndWellFormed() {
        let ids = RuleRegistry.all.map { $0.description.id }
        #expect(Set(ids).count == ids.count, "duplicate ids: \(ids.sorted())")
        for description in RuleRegistry.descriptions {
            let parts = description.id.split(separator: "/")
            #expect(parts.count == 2, "\(description.id) is not category/name")
            #expect(parts.first.map(String.init) == description.category.rawValue, "\(description.id) not in its category")
            #expect(parts.last?.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" } == true, "\(description.id) is not kebab-case")
            #expect(!description.title.isEmpty && !description.rationale.isEmpty && !description.messageSummary.isEmpty)
        }
    }

    /// The engine finds batch rules through `asBatchRule`, not a dynamic cast: both must agree.
    @Test func batchRulesAnswerAsBatchRules() {
        let rules = RuleRegistry.all.map { $0.init() }
        for rule in rules {
            #expect((rule as? any BatchRule != nil) == (rule.asBatchRule != nil), "\(rule.id)")
        }
        #expect(rules.contains { $0.asBatchRule != nil })
    }

    @Test func everyRuleHasExamples() {
        for description in RuleRegistry.descriptions {
            #expect(!description.nonTriggering.isEmpty, "\(description.id) has no non-triggering example")
            if description.id != "input/unreadable" {
                #expect(!description.triggering.isEmpty, "\(description.id) has no triggering example")
            }
        }
    }

    /// Every `struct X: Rule` under Sources/SAMLLint/Rules is listed in the registry.
    @Test func everyRuleFileIsRegistered() throws {
        let rulesFolder = TestSupport.repositoryRoot.appendingPathComponent("Sources/SAMLLint/Rules")
        let enumerator = try #require(FileManager.default.enumerator(atPath: rulesFolder.path))
        var declared: Set<String> = []
        for case let relative as String in enumerator where relative.hasSuffix(".swift") {
            let text = try String(contentsOf: rulesFolder.appendingPathComponent(relative), encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("public struct ") && (line.contains(": Rule") || line.contains(": BatchRule")) {
                let name = line.dropFirst("public struct ".count).prefix { $0.isLetter || $0.isNumber }
                declared.insert(String(name))
            }
        }
        let registered = Set(RuleRegistry.all.map { String(describing: $0) })
        #expect(declared == registered, "declared but not registered: \(declared.subtracting(registered).sorted()); registered but not found: \(registered.subtracting(declared).sorted())")
    }
}
