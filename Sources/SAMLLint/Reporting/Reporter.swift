/// Where a written report goes, piece by piece: returns false to stop (a failed write).
public typealias ReportSink = @Sendable (UnsafeRawBufferPointer) -> Bool

/// Renders a report. Reporters are values selected by id; they never re-run a rule.
public protocol Reporter: Sendable {
    /// `text`, `json`, `sarif`, ...
    static var id: String { get }
    func render(_ report: Report, options: ReportOptions) -> String
    /// The rendered report as UTF-8 bytes, for writing (a folder's JSON report is tens of MB; its
    /// reporter makes the bytes without a String in between).
    func renderUTF8(_ report: Report, options: ReportOptions) -> [UInt8]
    /// `renderUTF8`'s bytes in consecutive pieces, to write one after the other: a large report
    /// need not be copied into one buffer first.
    func renderUTF8Pieces(_ report: Report, options: ReportOptions) -> [[UInt8]]
    /// `renderUTF8`'s bytes handed to `sink` in order (from any thread, one piece at a time); a
    /// reporter that encodes on several cores hands each piece over as soon as it is made. false
    /// when the sink refused a piece; throws when the report cannot be encoded this way (the sink
    /// may have had part of it: render again with `renderUTF8Pieces`, which falls back).
    func write(_ report: Report, options: ReportOptions, to sink: @escaping ReportSink) throws -> Bool
}

extension Reporter {
    public func renderUTF8(_ report: Report, options: ReportOptions) -> [UInt8] { Array(render(report, options: options).utf8) }
    public func renderUTF8Pieces(_ report: Report, options: ReportOptions) -> [[UInt8]] { [renderUTF8(report, options: options)] }
    public func write(_ report: Report, options: ReportOptions, to sink: @escaping ReportSink) throws -> Bool {
        renderUTF8Pieces(report, options: options).allSatisfy { $0.withUnsafeBytes(sink) }
    }
}

/// What every reporter may need besides the report.
public struct ReportOptions: Sendable {
    /// Colour (ANSI) for terminals; never on when NO_COLOR is set.
    public var color: Bool
    /// The severity at or above which a finding fails the run.
    public var failOn: Severity
    /// Directory paths are made relative to (for SARIF and annotations).
    public var workingDirectory: String?
    /// Per connection, the mapping in use and the one inference proposes (`Reconciliation`), for
    /// reporters that show it (HTML); nil when not computed.
    public var connections: [ConnectionReport]? = nil

    public init(color: Bool = false, failOn: Severity = .error, workingDirectory: String? = nil) {
        self.color = color
        self.failOn = failOn
        self.workingDirectory = workingDirectory
    }
}

/// The output formats. `--format` takes these names.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text
    case json
    case sarif
    case junit
    case github
    case html

    public var reporter: any Reporter {
        switch self {
        case .text: return TextReporter()
        case .json: return JSONReporter()
        case .sarif: return SARIFReporter()
        case .junit: return JUnitReporter()
        case .github: return GitHubReporter()
        case .html: return HTMLReporter()
        }
    }
}
