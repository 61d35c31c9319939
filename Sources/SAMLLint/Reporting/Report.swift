/// The result of one run: every input, every message in it, every finding. Reporters render it;
/// they never re-run a rule. Its JSON form is documented in `docs/report-schema.md`.
public struct Report: Codable, Sendable {
    public static let schemaVersion = "1.0"

    public var schemaVersion: String = Report.schemaVersion
    public var tool: Tool
    public var inputs: [InputReport]
    /// Every finding, sorted by file, message, line, column, rule.
    public var findings: [Finding]
    public var summary: Summary
    /// Email-trust verdicts per connection (Issuer); nil when email trust was not checked.
    public var emailTrust: [EmailTrustConnectionSummary]?

    public struct Tool: Codable, Sendable {
        public var name: String
        public var version: String
    }

    public struct Summary: Codable, Sendable {
        public var inputs: Int
        public var messages: Int
        public var errors: Int
        public var warnings: Int
        public var infos: Int
        /// Inputs that could not be used (exit code 2).
        public var unusableInputs: Int
        /// Things said once for the whole run (a rule family that stayed silent and why).
        public var notes: [String]
        /// Findings hidden by `--baseline` (absent without a baseline).
        public var baselined: Int? = nil
    }

    public init(inputs: [InputReport], notes: [String] = []) {
        self.tool = Tool(name: "samllint", version: SAMLLintVersion.current)
        self.inputs = inputs
        // Sorted in place: `sorted` copied every finding of the run first (a retain per string). Each
        // input's findings are in order, and the inputs nearly always are too: then one pass shows
        // the stable sort would change nothing.
        var findings: [Finding] = []
        findings.reserveCapacity(inputs.reduce(0) { $0 + $1.findings.count })  // grown once, not doubled
        for index in inputs.indices { findings.append(contentsOf: inputs[index].findings) }
        let inOrder = findings.withUnsafeBufferPointer { buffer in
            // Read in place: a subscript of the array copied both findings for every comparison.
            !buffer.indices.dropFirst().contains { Finding.reportOrder(buffer[$0], buffer[$0 - 1]) }
        }
        if !inOrder { findings.sort(by: Finding.reportOrder) }
        self.findings = findings
        // Counted in one pass over the findings in place (`filter` copied each one it kept).
        var counts = (errors: 0, warnings: 0, infos: 0)
        findings.withUnsafeBufferPointer { buffer in
            for index in buffer.indices {
                switch buffer[index].severity {
                case .error: counts.errors += 1
                case .warning: counts.warnings += 1
                case .info: counts.infos += 1
                }
            }
        }
        self.summary = Summary(
            inputs: inputs.count,
            messages: inputs.reduce(0) { $0 + $1.messages.count },
            errors: counts.errors,
            warnings: counts.warnings,
            infos: counts.infos,
            unusableInputs: inputs.reduce(0) { $0 + ($1.error == nil ? 0 : 1) },
            notes: notes)
        self.emailTrust = EmailTrustConnectionSummary.summarize(inputs)
    }

    enum CodingKeys: String, CodingKey { case schemaVersion, tool, inputs, findings, summary, emailTrust }

    /// Exit code under the given fail threshold: 2 when an input could not be used, 1 when a finding
    /// reaches the threshold, else 0.
    public func exitCode(failOn: Severity) -> Int32 {
        if summary.unusableInputs > 0 { return 2 }
        return findings.contains { $0.severity >= failOn } ? 1 : 0
    }
}

/// One input file (or standard input).
public struct InputReport: Codable, Sendable {
    public var path: String
    /// Set when the file, or a message in it, could not be used.
    public var error: InputErrorReport?
    public var messages: [MessageReport]
    /// Findings of this input (also listed, merged and sorted, in `Report.findings`).
    public var findings: [Finding] = []
    /// What the batch phase reads of each message (not part of the JSON report).
    public var facts: [MessageFacts] = []

    public init(path: String, error: InputErrorReport? = nil, messages: [MessageReport] = [], findings: [Finding] = []) {
        self.path = path
        self.error = error
        self.messages = messages
        self.findings = findings.sorted(by: Finding.reportOrder)
    }

    enum CodingKeys: String, CodingKey { case path, error, messages }
}

public struct InputErrorReport: Codable, Sendable, Equatable {
    public var ruleId: String
    public var message: String
    public var line: Int
    public var column: Int
    /// Which message of a container file, when the error concerns one.
    public var messageIndex: Int?
}

/// One message inside an input.
public struct MessageReport: Codable, Sendable {
    public var index: Int
    /// `response`, `assertion`, `entityDescriptor`, `entitiesDescriptor`, `authnRequest`, ...
    public var kind: String
    public var issuer: String?
    public var origin: String?
    /// Whether samllint has rules for this kind (AuthnRequest and logout messages are named, not linted).
    public var linted: Bool
    public var assertions: Int
    public var attributes: Int
    public var entities: Int
    /// Set when this message could not be parsed.
    public var error: InputErrorReport?
    /// The normalized profile of the assertion that is read, when there is one.
    public var profile: Profile?
    /// Where the message's payload starts in its container file (HAR, SAML-tracer), when known.
    public var containerLine: Int? = nil
    public var containerColumn: Int? = nil
}
