import ArgumentParser
import SAMLLint

extension SAMLLintCommand {
    struct ListRules: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rules", abstract: "List every rule with its default severity.")

        @Option(help: "Only rules of this category (input, mapping, email, assertion, signature, metadata, consistency).")
        var category: String?

        func run() throws {
            let descriptions = RuleRegistry.descriptions.filter { category == nil || $0.category.rawValue == category }
            let width = descriptions.map(\.id.count).max() ?? 0
            for description in descriptions {
                let id = description.id + String(repeating: " ", count: width - description.id.count)
                let severity = description.defaultSeverity.rawValue
                print("\(id)  \(severity)\(String(repeating: " ", count: 8 - severity.count))\(description.title)")
            }
            print("\n\(descriptions.count) rules. `samllint explain RULE-ID` tells more about one.")
        }
    }

    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "explain", abstract: "Explain one rule: why it matters, what it reports, examples.")

        @Argument(help: "A rule id such as mapping/email-in-name-field.")
        var ruleID: String

        func run() throws {
            guard let rule = RuleRegistry.rule(id: ruleID) else {
                let close = RuleRegistry.descriptions.map(\.id).filter { $0.contains(ruleID) || ruleID.contains($0.split(separator: "/").last.map(String.init) ?? "#") }
                var message = "unknown rule '\(ruleID)'"
                if !close.isEmpty { message += "; did you mean \(close.joined(separator: ", "))?" }
                throw ValidationError(message)
            }
            print(RuleDocumentation.markdown(for: rule.description))
        }
    }
}
