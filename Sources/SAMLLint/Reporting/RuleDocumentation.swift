/// Rule documentation generated from the rule's own description (explain, docs/rules.md, SARIF help).
public enum RuleDocumentation {
    public static func markdown(for description: RuleDescription, examples: Int = 1) -> String {
        var out = "# \(description.id): \(description.title)\n\n"
        out += "Category: \(description.category.rawValue). Default severity: \(description.defaultSeverity.rawValue).\n\n"
        out += description.rationale + "\n\n"
        out += "Reports: \(description.messageSummary)\n"
        if let example = description.triggering.first {
            out += "\nTriggers on:\n\n```xml\n\(example.input)\n```\n"
            if let configuration = example.configuration { out += "\nwith this .samllint.yml:\n\n```yaml\n\(configuration)\n```\n" }
        }
        if examples > 1, let example = description.nonTriggering.first {
            out += "\nDoes not trigger on:\n\n```xml\n\(example.input)\n```\n"
            if let configuration = example.configuration { out += "\nwith this .samllint.yml:\n\n```yaml\n\(configuration)\n```\n" }
        }
        out += "\nConfigure: `rules: { \(description.id): error | warning | info | off }` in .samllint.yml\n"
        return out
    }
}
