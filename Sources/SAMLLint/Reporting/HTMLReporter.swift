/// One self-contained HTML page (inline CSS and SVG, no script, no external asset): a summary,
/// findings per file with severity, the normalized profiles, the configured versus proposed mapping
/// and the email-trust breakdown as a small bar chart. Each section carries `data-section` so a
/// browser test can find it.
public struct HTMLReporter: Reporter {
    public static let id = "html"
    public static let sections = ["summary", "findings", "profiles", "mapping", "email-trust"]
    public init() {}

    public func render(_ report: Report, options: ReportOptions) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <title>samllint report</title>
            <style>\(HTMLStyle.css)</style>
            </head><body>
            <header><h1>samllint report</h1><p class="dim">\(e(report.tool.name)) \(e(report.tool.version))</p></header>

            """
        html += HTMLSections.summary(report)
        html += HTMLSections.findings(report, options: options)
        html += HTMLSections.profiles(report, options: options)
        html += options.connections.map { HTMLSections.proposedMapping($0, report: report) } ?? HTMLSections.mapping(report)
        html += HTMLSections.emailTrust(report)
        html += "</body></html>\n"
        return html
    }

    func e(_ text: String) -> String { XMLEscape.escape(text) }
}

enum HTMLStyle {
    static let css = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1100px;padding:16px 24px;color:#1d2330;background:#fff}
        h1{font-size:24px;margin:8px 0 0}h2{font-size:18px;border-bottom:1px solid #d8dee9;padding-bottom:4px;margin-top:28px}
        h3{font-size:15px;margin:18px 0 6px;font-family:ui-monospace,monospace}.dim{color:#667085;margin:2px 0}
        table{border-collapse:collapse;width:100%;margin:6px 0 12px}th,td{border:1px solid #e3e8ef;padding:4px 8px;text-align:left;vertical-align:top}
        th{background:#f5f7fa;font-weight:600}code,.mono{font-family:ui-monospace,monospace;font-size:12.5px}
        .cards{display:flex;gap:12px;flex-wrap:wrap}.card{border:1px solid #e3e8ef;border-radius:8px;padding:8px 14px;min-width:92px}
        .card b{display:block;font-size:22px}.sev{display:inline-block;border-radius:4px;padding:0 6px;font-size:12px;font-weight:600;color:#fff}
        .sev-error{background:#c62828}.sev-warning{background:#b26a00}.sev-info{background:#1565c0}.ok{color:#2e7d32}
        code.value{white-space:pre-wrap;background:#f5f7fa;border:1px solid #e3e8ef;border-radius:3px;padding:0 2px}details{margin:4px 0}summary{cursor:pointer}.evidence{color:#475467;font-size:12.5px}
        """
}
