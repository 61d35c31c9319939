/// The default human format: findings grouped by file, one line each
/// (`line:col  severity  message  rule-id`, then `fix: ...` under warnings and errors), then a
/// summary line.
public struct TextReporter: Reporter {
    public static let id = "text"
    public init() {}

    public func render(_ report: Report, options: ReportOptions) -> String {
        let style = ANSIStyle(enabled: options.color)
        var out = ""
        let byPath = Dictionary(grouping: report.findings, by: \.location.path)
        for input in report.inputs {
            guard let findings = byPath[input.path], !findings.isEmpty else { continue }
            out += style.bold(input.path) + "\n"
            let multiMessage = input.messages.count > 1
            let positions = findings.map { "\($0.location.line):\($0.location.column)" }
            let width = positions.map(\.count).max() ?? 0
            var lastOrigin: String?
            for (finding, position) in zip(findings, positions) {
                // A capture's messages: say where each came from (the HAR entry) once, above its findings.
                if let origin = finding.location.origin, multiMessage, origin != lastOrigin {
                    lastOrigin = origin
                    out += style.dim("  message \(finding.location.message): \(origin)") + "\n"
                }
                let padded = position + String(repeating: " ", count: width - position.count)
                let severity = style.severity(finding.severity)
                var line = "  \(style.dim(padded))  \(severity)  \(finding.message)  \(style.dim(finding.ruleId))"
                if multiMessage { line += style.dim("  [message \(finding.location.message)]") }
                out += line + "\n"
                // How to fix it, under each warning and error (the JSON report carries the full fix).
                if finding.severity >= .warning, let fix = finding.fix {
                    out += style.dim("  \(String(repeating: " ", count: width))  fix: \(fix.description)") + "\n"
                }
            }
            out += "\n"
        }
        let s = report.summary
        let problems = s.errors + s.warnings + s.infos
        let mark = s.errors > 0 || s.unusableInputs > 0 ? style.red("✖") : style.green("✔")
        var summary = "\(mark) \(problems) problem\(problems == 1 ? "" : "s") (\(s.errors) error\(s.errors == 1 ? "" : "s"), \(s.warnings) warning\(s.warnings == 1 ? "" : "s"), \(s.infos) info) in \(s.messages) message\(s.messages == 1 ? "" : "s") from \(s.inputs) input\(s.inputs == 1 ? "" : "s")"
        if s.unusableInputs > 0 { summary += "; \(s.unusableInputs) input\(s.unusableInputs == 1 ? "" : "s") could not be used" }
        out += summary + "\n"
        for connection in report.emailTrust ?? [] { out += "email trust: \(connection.line)\n" }
        for note in s.notes { out += style.dim("note: \(note)") + "\n" }
        return out
    }
}

/// ANSI colours, only when enabled.
struct ANSIStyle {
    let enabled: Bool
    private func wrap(_ text: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func red(_ text: String) -> String { wrap(text, "31") }
    func green(_ text: String) -> String { wrap(text, "32") }
    func yellow(_ text: String) -> String { wrap(text, "33") }
    func blue(_ text: String) -> String { wrap(text, "34") }
    func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: return red("error  ")
        case .warning: return yellow("warning")
        case .info: return blue("info   ")
        }
    }
}
