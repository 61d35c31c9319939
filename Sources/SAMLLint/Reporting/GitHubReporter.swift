/// GitHub Actions workflow commands: one `::error` / `::warning` / `::notice` annotation per
/// finding, escaped as actions/toolkit does. GitHub shows at most 10 annotations of each kind per
/// step; the findings past that are printed as plain log lines in a folded group, and a summary
/// line says how many were not annotated. `stepSummary` is Markdown for `$GITHUB_STEP_SUMMARY`.
public struct GitHubReporter: Reporter {
    public static let id = "github"
    /// Annotations of one kind GitHub shows per step.
    public static let perKindLimit = 10
    public init() {}

    public func render(_ report: Report, options: ReportOptions) -> String {
        var out = ""
        let positions = FilePositions(report)
        var shown: [Severity: Int] = [:]
        var rest: [Finding] = []
        for finding in report.findings {
            if shown[finding.severity, default: 0] < Self.perKindLimit {
                shown[finding.severity, default: 0] += 1
                out += Self.command(for: finding, at: positions.of(finding), options: options) + "\n"
            } else {
                rest.append(finding)
            }
        }
        if !rest.isEmpty {
            out += "::group::\(rest.count) more finding\(rest.count == 1 ? "" : "s") (not annotated)\n"
            for finding in rest {
                let position = positions.of(finding)
                let path = ReportPaths.relative(finding.location.path, to: options.workingDirectory)
                out += "\(path):\(position.line):\(position.column): \(finding.severity.rawValue): \(Self.escapeData(Self.text(of: finding))) [\(finding.ruleId)]\n"
            }
            out += "::endgroup::\n"
        }
        let s = report.summary
        var summary = "samllint: \(s.errors) error\(s.errors == 1 ? "" : "s"), \(s.warnings) warning\(s.warnings == 1 ? "" : "s"), \(s.infos) info in \(s.messages) message\(s.messages == 1 ? "" : "s") from \(s.inputs) input\(s.inputs == 1 ? "" : "s")"
        if !rest.isEmpty {
            summary += "; \(rest.count) more finding\(rest.count == 1 ? " was" : "s were") not annotated (GitHub shows \(Self.perKindLimit) errors, \(Self.perKindLimit) warnings and \(Self.perKindLimit) notices per step; see the group above, the SARIF upload or the step summary)"
        }
        if s.unusableInputs > 0 { summary += "; \(s.unusableInputs) input\(s.unusableInputs == 1 ? "" : "s") could not be used" }
        for note in s.notes { summary += "\nnote: \(note)" }
        return out + summary + "\n"
    }

    static func command(for finding: Finding, at position: (line: Int, column: Int), options: ReportOptions) -> String {
        let kind: String
        switch finding.severity {
        case .error: kind = "error"
        case .warning: kind = "warning"
        case .info: kind = "notice"
        }
        let path = ReportPaths.relative(finding.location.path, to: options.workingDirectory)
        let properties = [
            "file=\(escapeProperty(path))", "line=\(position.line)", "col=\(position.column)", "title=\(escapeProperty(finding.ruleId))",
        ]
        return "::\(kind) \(properties.joined(separator: ","))::\(escapeData(text(of: finding)))"
    }

    static func text(of finding: Finding) -> String {
        var text = finding.message
        if let place = ReportPaths.decodedPlace(finding) { text += " [\(place)]" }
        if let fix = finding.fix { text += "\nFix: \(fix.description)" }
        return text
    }

    /// Message data: `%`, CR, LF (actions/toolkit `escapeData`).
    public static func escapeData(_ text: String) -> String { escape(text, property: false) }

    /// Property values: also `:` and `,` (actions/toolkit `escapeProperty`).
    public static func escapeProperty(_ text: String) -> String { escape(text, property: true) }

    /// One pass over the bytes (each escaped character is ASCII, so UTF-8 sequences pass through
    /// whole): Foundation's `replacingOccurrences`, three to five times per finding, was 12% of a
    /// folder's run in this format.
    private static func escape(_ text: String, property: Bool) -> String {
        func escaped(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "%") || byte == 0x0D || byte == 0x0A || property && (byte == UInt8(ascii: ":") || byte == UInt8(ascii: ","))
        }
        guard text.utf8.contains(where: escaped) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            guard escaped(byte) else {
                out.append(byte)
                continue
            }
            out.append(UInt8(ascii: "%"))
            out.append(hexDigit(byte >> 4))
            out.append(hexDigit(byte & 0xF))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// An uppercase hex digit, as the toolkit writes them (`%0D`, `%3A`).
    private static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 0x30 + value : 0x41 + value - 10 }

    /// Markdown for the job summary page: counts, then every finding in a table (at most 200 rows).
    public static func stepSummary(_ report: Report, options: ReportOptions) -> String {
        let s = report.summary
        var out = "### samllint\n\n| errors | warnings | info | messages | inputs | unusable inputs |\n|---:|---:|---:|---:|---:|---:|\n"
        out += "| \(s.errors) | \(s.warnings) | \(s.infos) | \(s.messages) | \(s.inputs) | \(s.unusableInputs) |\n\n"
        if report.findings.isEmpty {
            out += "No findings.\n"
        } else {
            out += "| severity | file | line | rule | message |\n|---|---|---:|---|---|\n"
            let positions = FilePositions(report)
            for finding in report.findings.prefix(200) {
                let position = positions.of(finding)
                let path = ReportPaths.relative(finding.location.path, to: options.workingDirectory)
                out += "| \(finding.severity.rawValue) | \(cell(path)) | \(position.line) | `\(finding.ruleId)` | \(cell(finding.message)) |\n"
            }
            if report.findings.count > 200 { out += "\n\(report.findings.count - 200) more findings in the full report.\n" }
        }
        for note in s.notes { out += "\n> \(cell(note))\n" }
        return out
    }

    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "<", with: "&lt;")
    }
}
