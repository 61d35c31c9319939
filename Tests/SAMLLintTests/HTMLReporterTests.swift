import Foundation
import SAMLLint
import Testing

@Suite("HTML reporter")
struct HTMLReporterTests {
    @Test func selfContainedWithEverySection() {
        let html = HTMLReporter().render(ReportFixtures.report(), options: ReportFixtures.options())
        for section in HTMLReporter.sections {
            #expect(html.contains("data-section=\"\(section)\""), "missing \(section)")
        }
        for external in ["<script", "<link", "src=\"http", "href=\"http", "url(http", "@import"] {
            #expect(!html.contains(external), "external asset: \(external)")
        }
        #expect(html.contains("<svg role=\"img\" aria-label=\"email trust verdicts\""))
        #expect(html.contains("fixtures/with spaces &amp; &lt;odd&gt;, chars.xml"))
        #expect(html.contains("Nothing proposed"))
        #expect(!html.contains("<odd>"))
    }

    @Test func proposedMappingFromFixesIsShown() {
        var finding = Finding(ruleId: "mapping/x", severity: .warning, message: "m", location: Location(path: "a.xml"))
        finding.fix = Fix("map lastName to sn", mapping: ["lastName": "sn"])
        let html = HTMLReporter().render(Report(inputs: [InputReport(path: "a.xml", findings: [finding])]), options: ReportOptions())
        #expect(html.contains("<b><code>sn</code></b>"))
        #expect(!html.contains("Nothing proposed"))
    }

    @Test func reconciliationProposalsFillTheMappingTable() throws {
        let report = ReportFixtures.report()
        let connections = Reconciliation(context: LintContext(now: nil)).connections(in: report)
        try #require(!connections.isEmpty)
        var options = ReportFixtures.options()
        options.connections = connections
        let html = HTMLReporter().render(report, options: options)
        #expect(html.contains("<th>in use</th><th>proposed</th>"))
        #expect(html.contains("<h3>\(connections[0].issuer)</h3>"))
        #expect(!html.contains("Nothing proposed"))
        for section in HTMLReporter.sections { #expect(html.contains("data-section=\"\(section)\"")) }
    }
}
