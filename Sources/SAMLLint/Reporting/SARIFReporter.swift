import Foundation

/// SARIF 2.1.0 for code scanning (GitHub's subset, see docs/ci.md): every rule with its
/// descriptions and help generated from its `RuleDescription`, results with a stable `ruleId`,
/// a level, a working-directory-relative URI, start line and column, and `partialFingerprints`
/// that ignore line moves. A message decoded from a container points at the file's first line and
/// says where in the decoded XML it is.
public struct SARIFReporter: Reporter {
    public static let id = "sarif"
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    public init() {}

    public func render(_ report: Report, options: ReportOptions) -> String {
        let descriptions = RuleRegistry.descriptions
        var ruleIndex: [String: Int] = [:]
        for (index, description) in descriptions.enumerated() { ruleIndex[description.id] = index }
        let positions = FilePositions(report)
        let (kept, dropped) = Self.withinUploadLimit(report.findings)
        let results = kept.map { result(for: $0, index: ruleIndex[$0.ruleId], at: positions.of($0), options: options) }
        let driver = SARIF.ToolComponent(
            name: report.tool.name, semanticVersion: report.tool.version, version: report.tool.version,
            informationUri: "https://github.com/samllint/samllint", rules: descriptions.map(Self.rule))
        var notes = report.summary.notes.map { SARIF.Notification(level: "note", message: SARIF.Message(text: $0)) }
        if dropped > 0 {
            notes.append(SARIF.Notification(
                level: "warning",
                message: SARIF.Message(text: "\(dropped) less severe results left out: code scanning accepts at most \(Self.maxResults) per run; the JSON report has them all")))
        }
        let run = SARIF.Run(
            tool: SARIF.Tool(driver: driver),
            invocations: [SARIF.Invocation(executionSuccessful: true, toolExecutionNotifications: notes.isEmpty ? nil : notes)],
            results: results, columnKind: "utf16CodeUnits")
        let log = SARIF.Log(schema: Self.schemaURI, version: "2.1.0", runs: [run])
        // The bytes `JSONEncoder` writes with these options, from the report's own encoder (Foundation's
        // took 14% of a folder's run in this format); Foundation's should it refuse a value.
        if let bytes = try? PrettyJSONEncoder.encode(log) { return String(decoding: bytes, as: UTF8.self) + "\n" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(log), let text = String(data: data, encoding: .utf8) else { return "{}\n" }
        return text + "\n"
    }

    /// GitHub code scanning refuses runs with more results than this.
    public static let maxResults = 25_000

    /// The most severe findings up to the limit, in report order, and how many were left out.
    static func withinUploadLimit(_ findings: [Finding]) -> ([Finding], Int) {
        guard findings.count > maxResults else { return (findings, 0) }
        let ranked = findings.enumerated().sorted { a, b in
            a.element.severity != b.element.severity ? a.element.severity > b.element.severity : a.offset < b.offset
        }
        let kept = ranked.prefix(maxResults).sorted { $0.offset < $1.offset }.map(\.element)
        return (kept, findings.count - maxResults)
    }

    public static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    static func rule(_ description: RuleDescription) -> SARIF.ReportingDescriptor {
        let name = description.title.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        let help = "\(description.messageSummary). Configure with `rules: { \(description.id): error | warning | info | off }` in .samllint.yml; `samllint explain \(description.id)` tells more."
        return SARIF.ReportingDescriptor(
            id: description.id, name: name.isEmpty ? nil : name,
            shortDescription: SARIF.Text(text: description.title, markdown: nil),
            fullDescription: SARIF.Text(text: description.rationale, markdown: nil),
            help: SARIF.Text(text: help, markdown: RuleDocumentation.markdown(for: description)),
            defaultConfiguration: SARIF.Configuration(level: level(description.defaultSeverity)),
            properties: SARIF.RuleProperties(tags: ["saml", description.category.rawValue]))
    }

    func result(for finding: Finding, index: Int?, at position: (line: Int, column: Int), options: ReportOptions) -> SARIF.Result {
        var text = finding.message
        if let place = ReportPaths.decodedPlace(finding) { text += " [\(place)]" }
        if let fix = finding.fix { text += " Fix: \(fix.description)" }
        let physical = SARIF.PhysicalLocation(
            artifactLocation: SARIF.ArtifactLocation(uri: ReportPaths.uri(finding.location.path, workingDirectory: options.workingDirectory)),
            region: SARIF.Region(startLine: position.line, startColumn: position.column))
        let logical = finding.location.xpath.map { [SARIF.LogicalLocation(fullyQualifiedName: $0, kind: "element")] }
        let properties = SARIF.ResultProperties(
            messageIndex: finding.location.message, origin: finding.location.origin, attribute: finding.location.attribute,
            entityID: finding.location.entityID, field: finding.field,
            decodedLine: ReportPaths.isDecoded(finding) ? finding.location.line : nil,
            decodedColumn: ReportPaths.isDecoded(finding) ? finding.location.column : nil,
            evidence: finding.evidence.isEmpty ? nil : finding.evidence, fix: finding.fix)
        return SARIF.Result(
            ruleId: finding.ruleId, ruleIndex: index, level: Self.level(finding.severity), message: SARIF.Message(text: text),
            locations: [SARIF.Location(physicalLocation: physical, logicalLocations: logical)],
            partialFingerprints: [FindingFingerprint.version: FindingFingerprint.of(finding, workingDirectory: options.workingDirectory)],
            properties: properties)
    }
}

/// The part of the SARIF 2.1.0 object model samllint writes.
enum SARIF {
    struct Log: Encodable {
        let schema: String
        let version: String
        let runs: [Run]
        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }
    struct Run: Encodable {
        let tool: Tool
        let invocations: [Invocation]
        let results: [Result]
        let columnKind: String
    }
    struct Tool: Encodable { let driver: ToolComponent }
    struct ToolComponent: Encodable {
        let name: String
        let semanticVersion: String
        let version: String
        let informationUri: String
        let rules: [ReportingDescriptor]
    }
    struct ReportingDescriptor: Encodable {
        let id: String
        let name: String?
        let shortDescription: Text
        let fullDescription: Text
        let help: Text
        let defaultConfiguration: Configuration
        let properties: RuleProperties
    }
    struct Text: Encodable {
        let text: String
        let markdown: String?
    }
    struct Configuration: Encodable { let level: String }
    struct RuleProperties: Encodable { let tags: [String] }
    struct Invocation: Encodable {
        let executionSuccessful: Bool
        let toolExecutionNotifications: [Notification]?
    }
    struct Notification: Encodable {
        let level: String
        let message: Message
    }
    struct Message: Encodable { let text: String }
    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int?
        let level: String
        let message: Message
        let locations: [Location]
        let partialFingerprints: [String: String]
        let properties: ResultProperties
    }
    struct Location: Encodable {
        let physicalLocation: PhysicalLocation
        let logicalLocations: [LogicalLocation]?
    }
    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region
    }
    struct ArtifactLocation: Encodable { let uri: String }
    struct Region: Encodable {
        let startLine: Int
        let startColumn: Int
    }
    struct LogicalLocation: Encodable {
        let fullyQualifiedName: String
        let kind: String
    }
    struct ResultProperties: Encodable {
        let messageIndex: Int
        let origin: String?
        let attribute: String?
        let entityID: String?
        let field: String?
        let decodedLine: Int?
        let decodedColumn: Int?
        let evidence: [Evidence]?
        let fix: Fix?
    }
}
