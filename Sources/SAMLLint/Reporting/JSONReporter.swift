import Foundation

/// The JSON report: `docs/report-schema.md` documents it; `schemaVersion` changes when it breaks.
/// Keys are sorted and nothing depends on time, so the same inputs give the same bytes.
public struct JSONReporter: Reporter {
    public static let id = "json"
    public init() {}

    public func render(_ report: Report, options: ReportOptions) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(report), let text = String(data: data, encoding: .utf8) else {
            return "{}\n"
        }
        return text + "\n"
    }
}
