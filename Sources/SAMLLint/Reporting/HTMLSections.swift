/// The sections of the HTML report, each a function of the report.
enum HTMLSections {
    static func e(_ text: String) -> String { XMLEscape.escape(text) }

    static func badge(_ severity: Severity) -> String {
        "<span class=\"sev sev-\(severity.rawValue)\">\(severity.rawValue)</span>"
    }

    static func summary(_ report: Report) -> String {
        let s = report.summary
        let cards = [("errors", s.errors), ("warnings", s.warnings), ("info", s.infos), ("messages", s.messages), ("inputs", s.inputs), ("unusable inputs", s.unusableInputs)]
        var out = "<section id=\"summary\" data-section=\"summary\"><h2>Summary</h2><div class=\"cards\">"
        for (label, value) in cards { out += "<div class=\"card\"><b>\(value)</b>\(label)</div>" }
        out += "</div>"
        for note in s.notes { out += "<p class=\"dim\">note: \(e(note))</p>" }
        return out + "</section>\n"
    }

    static func findings(_ report: Report, options: ReportOptions) -> String {
        var out = "<section id=\"findings\" data-section=\"findings\"><h2>Findings by file</h2>"
        for input in report.inputs {
            let path = ReportPaths.relative(input.path, to: options.workingDirectory)
            out += "<h3>\(e(path))</h3>"
            if input.findings.isEmpty {
                out += "<p class=\"ok\">No findings in \(input.messages.count) message\(input.messages.count == 1 ? "" : "s").</p>"
                continue
            }
            out += "<table><tr><th>severity</th><th>where</th><th>rule</th><th>message</th></tr>"
            for finding in input.findings {
                var where_ = "\(finding.location.line):\(finding.location.column)"
                if input.messages.count > 1 || finding.location.origin != nil { where_ += "<br><span class=\"dim\">message \(finding.location.message)</span>" }
                var message = e(finding.message)
                if let origin = finding.location.origin { message += "<div class=\"dim\">\(e(origin))</div>" }
                if !finding.evidence.isEmpty {
                    let items = finding.evidence.map { "<code class=\"value\">\(e($0.value))</code>" + ($0.classifiedAs.map { " (\(e($0)))" } ?? "") }
                    message += "<div class=\"evidence\">evidence: \(items.joined(separator: ", "))</div>"
                }
                if let fix = finding.fix { message += "<div class=\"evidence\">fix: \(e(fix.description))</div>" }
                out += "<tr><td>\(badge(finding.severity))</td><td class=\"mono\">\(where_)</td><td><code>\(e(finding.ruleId))</code></td><td>\(message)</td></tr>"
            }
            out += "</table>"
        }
        return out + "</section>\n"
    }

    static func profiles(_ report: Report, options: ReportOptions) -> String {
        var out = "<section id=\"profiles\" data-section=\"profiles\"><h2>Normalized profiles</h2>"
        var count = 0
        for input in report.inputs {
            for message in input.messages {
                guard let profile = message.profile else { continue }
                count += 1
                let path = ReportPaths.relative(input.path, to: options.workingDirectory)
                out += "<h3>\(e(path)) · message \(message.index)</h3><table><tr><th>field</th><th>value</th><th>from</th></tr>"
                let rows: [(String, String?)] = [
                    ("id", profile.idpID), ("email", profile.email), ("firstName", profile.firstName), ("lastName", profile.lastName),
                    ("displayName", profile.name), ("groups", profile.groups.isEmpty ? nil : profile.groups.joined(separator: ", ")),
                ]
                for (field, value) in rows {
                    let source = profile.sources[field] ?? (field == "displayName" ? profile.sources["name"] : nil)
                    let from = source.map { "<code>\(e($0.attribute))</code> <span class=\"dim\">\(e($0.via)), \(Int(($0.confidence * 100).rounded()))%</span>" } ?? "<span class=\"dim\">—</span>"
                    out += "<tr><td>\(field)</td><td>\(value.map { "<code>\(e($0))</code>" } ?? "<span class=\"dim\">missing</span>")</td><td>\(from)</td></tr>"
                }
                out += "</table>"
                if !profile.rawAttributes.isEmpty {
                    out += "<details><summary>\(profile.rawAttributes.count) raw attributes</summary><table>"
                    for name in profile.rawAttributes.keys.sorted() {
                        out += "<tr><td><code>\(e(name))</code></td><td>\(profile.rawAttributes[name, default: []].map { "<code>\(e($0))</code>" }.joined(separator: ", "))</td></tr>"
                    }
                    out += "</table></details>"
                }
            }
        }
        if count == 0 { out += "<p class=\"dim\">No assertion was read, so there is no profile.</p>" }
        return out + "</section>\n"
    }

    /// Configured (and inferred) sources seen in the profiles, against mapping changes proposed by
    /// findings' fixes.
    static func mapping(_ report: Report) -> String {
        var configured: [String: Set<String>] = [:]
        var inferred: [String: Set<String>] = [:]
        for profile in report.inputs.flatMap(\.messages).compactMap(\.profile) {
            for (field, source) in profile.sources {
                if source.via == "configured" { configured[field, default: []].insert(source.attribute) } else { inferred[field, default: []].insert(source.attribute) }
            }
        }
        var proposed: [String: Set<String>] = [:]
        for finding in report.findings {
            for (field, attribute) in finding.fix?.mapping ?? [:] { proposed[field, default: []].insert(attribute) }
        }
        var out = "<section id=\"mapping\" data-section=\"mapping\"><h2>Mapping: configured versus proposed</h2>"
        let fields = Set(Profile.fields).union(configured.keys).union(inferred.keys).union(proposed.keys)
        let ordered = Profile.fields + fields.subtracting(Profile.fields).sorted()
        func list(_ values: Set<String>?) -> String {
            guard let values, !values.isEmpty else { return "<span class=\"dim\">—</span>" }
            return values.sorted().map { "<code>\(e($0))</code>" }.joined(separator: ", ")
        }
        out += "<table><tr><th>field</th><th>configured</th><th>read from (NameID or inferred)</th><th>proposed</th></tr>"
        for field in ordered {
            let changed = proposed[field].map { $0 != (configured[field] ?? []) } ?? false
            out += "<tr><td>\(e(field))</td><td>\(list(configured[field]))</td><td>\(list(inferred[field]))</td><td>\(changed ? "<b>" : "")\(list(proposed[field]))\(changed ? "</b>" : "")</td></tr>"
        }
        out += "</table>"
        if proposed.isEmpty { out += "<p class=\"dim\">Nothing proposed: no finding in this run suggested a mapping change.</p>" }
        return out + "</section>\n"
    }

    /// The mapping in use against the one inference proposes, per connection (`Reconciliation`).
    static func proposedMapping(_ connections: [ConnectionReport], report: Report) -> String {
        guard !connections.isEmpty else { return mapping(report) }
        var out = "<section id=\"mapping\" data-section=\"mapping\"><h2>Mapping: configured versus proposed</h2>"
        for connection in connections {
            out += "<h3>\(e(connection.issuer))</h3><p class=\"dim\">"
            if let vendor = connection.vendor { out += "\(e(vendor.vendor.name)) (\(e(vendor.evidence))). " }
            out += "\(connection.profiles) profile\(connection.profiles == 1 ? "" : "s"); \(connection.awaitingReconciliation) awaiting reconciliation under the mapping in use, \(connection.awaitingUnderProposedMapping) under the proposed one; confidence \(Int((connection.confidence * 100).rounded()))%.</p>"
            out += "<table><tr><th>field</th><th>in use</th><th>proposed</th><th>confidence</th><th>evidence</th></tr>"
            for decision in connection.fields {
                let current = connection.currentMapping[decision.field]
                let proposed = decision.isDecided ? decision.attribute : nil
                let changed = proposed != nil && proposed != current
                let proposedCell = proposed.map { "<code>\(e($0))</code>" } ?? "<span class=\"dim\">\(e(decision.status))</span>"
                out += "<tr><td>\(e(decision.field))</td><td>\(current.map { "<code>\(e($0))</code>" } ?? "<span class=\"dim\">—</span>")</td>"
                out += "<td>\(changed ? "<b>" : "")\(proposedCell)\(changed ? "</b>" : "")</td><td>\(Int((decision.confidence * 100).rounded()))%</td>"
                out += "<td class=\"evidence\">\(decision.evidence.prefix(2).map(e).joined(separator: "<br>"))</td></tr>"
            }
            out += "</table>"
        }
        return out + "</section>\n"
    }

    static func emailTrust(_ report: Report) -> String {
        var counts: [String: Int] = [:]
        for profile in report.inputs.flatMap(\.messages).compactMap(\.profile) {
            counts[profile.emailTrust?.verdict ?? "not-checked", default: 0] += 1
        }
        var out = "<section id=\"email-trust\" data-section=\"email-trust\"><h2>Email trust</h2>"
        guard !counts.isEmpty else {
            return out + "<p class=\"dim\">No profiles, so no email to judge.</p></section>\n"
        }
        let order = ["verified", "unverifiable", "outside-organization", "invalid", "missing", "not-checked"]
        let verdicts = order.filter { counts[$0] != nil } + counts.keys.filter { !order.contains($0) }.sorted()
        let colors = ["verified": "#2e7d32", "unverifiable": "#b26a00", "outside-organization": "#c62828", "invalid": "#6a1b9a", "missing": "#667085", "not-checked": "#98a2b3"]
        let maximum = max(1, counts.values.max() ?? 1)
        let rowHeight = 26
        let height = verdicts.count * rowHeight + 10
        out += "<svg role=\"img\" aria-label=\"email trust verdicts\" width=\"520\" height=\"\(height)\" viewBox=\"0 0 520 \(height)\" xmlns=\"http://www.w3.org/2000/svg\">"
        for (row, verdict) in verdicts.enumerated() {
            let value = counts[verdict, default: 0]
            let width = max(2, value * 300 / maximum)
            let y = 5 + row * rowHeight
            out += "<text x=\"150\" y=\"\(y + 16)\" text-anchor=\"end\" font-size=\"13\" fill=\"#1d2330\">\(e(verdict))</text>"
            out += "<rect x=\"160\" y=\"\(y + 3)\" width=\"\(width)\" height=\"18\" rx=\"3\" fill=\"\(colors[verdict] ?? "#1565c0")\"/>"
            out += "<text x=\"\(166 + width)\" y=\"\(y + 16)\" font-size=\"13\" fill=\"#1d2330\">\(value)</text>"
        }
        out += "</svg>"
        if let connections = report.emailTrust, !connections.isEmpty {
            out += "<table><tr><th>connection (Issuer)</th><th>verified</th><th>outside organization</th><th>unverifiable</th><th>missing</th><th>invalid</th></tr>"
            for c in connections {
                out += "<tr><td><code>\(e(c.issuer))</code></td><td>\(c.verified)</td><td>\(c.outsideOrganization)</td><td>\(c.unverifiable)</td><td>\(c.missing)</td><td>\(c.invalid)</td></tr>"
            }
            out += "</table>"
        }
        if Array(counts.keys) == ["not-checked"] {
            out += "<p class=\"dim\">Email trust was not judged in this run (no organization domains configured, or no verdicts yet).</p>"
        }
        return out + "</section>\n"
    }
}
