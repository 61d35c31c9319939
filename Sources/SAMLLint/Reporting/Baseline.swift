import Foundation

/// Today's findings, recorded so CI fails only on new ones (`samllint baseline FILE PATH...`, then
/// `samllint lint --baseline FILE`). Findings are matched by `FindingFingerprint` (rule, file, place
/// in the document, evidence hash; never line numbers), as a multiset: two identical findings
/// recorded hide at most two.
public struct Baseline: Codable, Sendable, Equatable {
    public static let currentVersion = 1

    public var version: Int
    public var tool: String
    public var entries: [Entry]

    public struct Entry: Codable, Sendable, Equatable {
        public var fingerprint: String
        public var ruleId: String
        public var path: String
        public var attribute: String?
        public var entityID: String?
        /// For people reading the file; not used to match.
        public var message: String
    }

    /// With a `redactor`, the messages written for people are masked (the fingerprints never hold
    /// values in clear: they are hashes).
    public init(report: Report, workingDirectory: String?, redactor: Redactor? = nil) {
        version = Self.currentVersion
        tool = "\(report.tool.name) \(report.tool.version)"
        entries = report.findings.map { finding in
            let message = redactor.map { TextMasker(values: Set(finding.evidence.map(\.value)), redactor: $0).apply(finding.message) } ?? finding.message
            return Entry(
                fingerprint: FindingFingerprint.of(finding, workingDirectory: workingDirectory), ruleId: finding.ruleId,
                path: ReportPaths.relative(finding.location.path, to: workingDirectory), attribute: finding.location.attribute,
                entityID: finding.location.entityID, message: message)
        }.sorted { ($0.path, $0.ruleId, $0.fingerprint) < ($1.path, $1.ruleId, $1.fingerprint) }
    }

    public static func load(path: String) throws -> Baseline {
        let data: Data
        guard FileManager.default.fileExists(atPath: path) else {
            throw BaselineError("no baseline at \(path); write one with `samllint baseline \(path) PATH...`")
        }
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw BaselineError("cannot read baseline \(path): \(error.localizedDescription)")
        }
        guard let baseline = try? JSONDecoder().decode(Baseline.self, from: data) else {
            throw BaselineError("\(path) is not a samllint baseline (JSON with version, tool, entries)")
        }
        guard baseline.version <= currentVersion else {
            throw BaselineError("\(path) is baseline version \(baseline.version); this samllint reads up to \(currentVersion)")
        }
        return baseline
    }

    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(self)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}") + "\n"
    }

    /// The report without the findings this baseline knows; counts, the exit code's unusable inputs
    /// (an input whose error is in the baseline no longer counts) and `summary.baselined` follow.
    public func filter(_ report: Report, workingDirectory: String?) -> Report {
        var remaining: [String: Int] = [:]
        for entry in entries { remaining[entry.fingerprint, default: 0] += 1 }
        var report = report
        var hidden = 0
        var forgivenInputs = 0
        report.inputs = report.inputs.map { input in
            var input = input
            var hiddenRules = Set<String>()
            input.findings = input.findings.filter { finding in
                let fingerprint = FindingFingerprint.of(finding, workingDirectory: workingDirectory)
                guard let count = remaining[fingerprint], count > 0 else { return true }
                remaining[fingerprint] = count - 1
                hidden += 1
                hiddenRules.insert(finding.ruleId)
                return false
            }
            if let error = input.error, hiddenRules.contains(error.ruleId), !input.findings.contains(where: { $0.ruleId == error.ruleId }) {
                forgivenInputs += 1
            }
            return input
        }
        report.findings = report.inputs.flatMap(\.findings).sorted(by: Finding.reportOrder)
        report.summary.errors = report.findings.filter { $0.severity == .error }.count
        report.summary.warnings = report.findings.filter { $0.severity == .warning }.count
        report.summary.infos = report.findings.filter { $0.severity == .info }.count
        report.summary.unusableInputs = max(0, report.summary.unusableInputs - forgivenInputs)
        report.summary.baselined = hidden
        report.summary.notes.append("\(hidden) known finding\(hidden == 1 ? "" : "s") hidden by the baseline")
        return report
    }
}

public struct BaselineError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}
