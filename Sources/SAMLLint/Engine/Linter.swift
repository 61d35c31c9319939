import Dispatch
import Foundation
import SAMLXML

/// The library's front door: lints bytes, files and folders, and returns a `Report`.
///
/// Data flows one way: input decoding -> secure parse -> SAML model -> rules -> report.
/// Each message is parsed once and every rule reads the same tree.
public struct Linter: Sendable {
    public let context: LintContext
    public var inputFormat: InputFormat
    public var limits: XMLParseLimits
    public var maxInflatedBytes: Int
    let enabled: [(rule: any Rule, severity: Severity)]
    /// Builds every message's profile (one instance: its inference tables are built once).
    let profileBuilder: ProfileBuilder
    /// `enabled`'s rules and severities apart: reading a rule out of a (rule, severity) pair copied the
    /// pair through the runtime's generic tuple witness, for every rule of every message.
    let enabledRules: [any Rule]
    let enabledSeverities: [Severity]
    /// The category of each enabled rule, read once (a description is a large value to copy per entity).
    let enabledCategories: [RuleCategory]
    /// The enabled rules' ids, read once (a rule's description is a large static value).
    let enabledIDs: [String]
    let inputSeverities: [String: Severity]

    public init(context: LintContext = LintContext(), inputFormat: InputFormat = .auto, maxBytes: Int? = nil) {
        self.context = context
        self.inputFormat = inputFormat
        let data = context.ruleData
        let configuredBytes = maxBytes ?? context.configuration.maxBytes
        self.limits = XMLParseLimits(
            maxBytes: configuredBytes ?? Int(data.threshold("input.maxBytes", default: 16 * 1024 * 1024)),
            maxDepth: context.configuration.maxDepth ?? Int(data.threshold("input.maxDepth", default: 128)),
            maxAttributesPerElement: Int(data.threshold("input.maxAttributesPerElement", default: 1024)),
            maxNamespacesInScope: Int(data.threshold("input.maxNamespacesInScope", default: 256)))
        self.maxInflatedBytes = max(limits.maxBytes, Int(data.threshold("input.maxInflatedBytes", default: 16 * 1024 * 1024)))
        var enabled: [(any Rule, Severity)] = []
        var inputSeverities: [String: Severity] = [:]
        for type in RuleRegistry.all {
            guard let severity = context.configuration.severity(for: type.description, ruleData: data) else { continue }
            if type.description.category == .input {
                inputSeverities[type.description.id] = severity
            } else {
                enabled.append((type.init(), severity))
            }
        }
        self.enabled = enabled
        self.enabledRules = enabled.map(\.0)
        self.enabledSeverities = enabled.map(\.1)
        self.profileBuilder = ProfileBuilder(context: context)
        self.enabledCategories = enabled.map { type(of: $0.0).description.category }
        self.enabledIDs = enabled.map { type(of: $0.0).description.id }
        self.inputSeverities = inputSeverities
    }

    // MARK: Many inputs

    /// Lints every input, in parallel across cores. The report lists inputs in the order given and
    /// is byte-for-byte the same as a serial run.
    /// `progress`, when given, is called (from any thread) with the number of inputs done so far.
    public func lint(inputs: [InputSource], parallel: Bool = true, progress: (@Sendable (Int) -> Void)? = nil) -> Report {
        let results = ResultSlots<InputReport>(count: inputs.count)
        let work: @Sendable (Int) -> Void = { index in
            let done = results.set(index, self.lint(source: inputs[index]))
            progress?(done)
        }
        if parallel && inputs.count > 1 {
            DispatchQueue.concurrentPerform(iterations: inputs.count, execute: work)
        } else {
            for index in inputs.indices { work(index) }
        }
        var reports = results.take()
        runBatchRules(on: &reports)
        return Report(inputs: reports, notes: notes() + metadataNotes(reports))
    }

    /// The batch phase: rules that read every message of the run together. Their findings are
    /// filed under the input they point into.
    func runBatchRules(on reports: inout [InputReport]) {
        // By index, not by element: iterating the reports copied each one (a retain per field).
        var facts: [MessageFacts] = []
        facts.reserveCapacity(reports.count)
        for index in reports.indices { facts.append(contentsOf: reports[index].facts) }
        guard !facts.isEmpty else { return }
        var indexByPath: [String: Int] = [:]
        indexByPath.reserveCapacity(reports.count)
        for index in reports.indices where indexByPath[reports[index].path] == nil { indexByPath[reports[index].path] = index }
        // The batch rules are independent: they run side by side, and their findings are merged in
        // rule order, so the report is the same as one after the other.
        let batchRules = enabled.compactMap { rule, severity in rule.asBatchRule.map { ($0, type(of: rule).description.id, severity) } }
        guard !batchRules.isEmpty else { return }
        let batch = MessageBatch(facts)
        let results = ResultSlots<[Finding]>(count: batchRules.count)
        let context = self.context
        DispatchQueue.concurrentPerform(iterations: batchRules.count) { position in
            let (batchRule, ruleId, severity) = batchRules[position]
            var emitter = BatchFindingEmitter(ruleId: ruleId, severity: severity)
            batchRule.check(batch: batch, context: context, findings: &emitter)
            results.set(position, emitter.findings)
        }
        var touched = Set<Int>()
        for findings in results.values {
            for finding in findings {
                guard let index = indexByPath[finding.location.path] else { continue }
                reports[index].findings.append(finding)
                touched.insert(index)
            }
        }
        // The other inputs' findings are in order already (InputReport sorts them; the sort is stable).
        for index in touched { reports[index].findings.sort(by: Finding.reportOrder) }
    }

    /// Lints one input source (a file, standard input, or bytes already in memory).
    public func lint(source: InputSource) -> InputReport {
        if case let .file(path) = source, inputFormat == .auto || inputFormat == .xml {
            // Small files are read at once; only large ones are peeked at for an aggregate to stream.
            if let small = RegularFile.read(path, limit: readLimit, unlessAtLeast: Self.streamThreshold) {
                return lint(read: small, path: source.displayPath)
            }
            if Self.isAggregateFile(path) { return lintAggregate(path: path, displayPath: source.displayPath) }
        }
        if case .standardInput = source, inputFormat == .auto || inputFormat == .xml { return lintStandardInput() }
        return lint(read: source.read(limit: readLimit), path: source.displayPath)
    }

    /// Lints the bytes read from an input, or reports why they could not be read.
    private func lint(read: Result<[UInt8], InputError>, path: String) -> InputReport {
        switch read {
        case let .success(bytes):
            return lint(bytes: bytes, path: path)
        case let .failure(error):
            return inputFailure(path: path, error: error, messageIndex: nil)
        }
    }

    /// The most a file may hold before it is refused unread: room for base64 and containers.
    var readLimit: Int { max(limits.maxBytes * 4, 64 * 1024 * 1024) }

    // MARK: One input

    /// Lints the bytes of one input file.
    public func lint(bytes: [UInt8], path: String) -> InputReport {
        if inputFormat == .auto || inputFormat == .xml, AggregateStream.isAggregate(prefix: bytes.prefix(64 * 1024)) {
            return lintAggregate(bytes: bytes, path: path)
        }
        let decoder = InputDecoder(maxMessageBytes: limits.maxBytes, maxInflatedBytes: maxInflatedBytes)
        switch decoder.decode(bytes, format: inputFormat) {
        case let .failure(error):
            return inputFailure(path: path, error: error, messageIndex: nil)
        case let .success(messages):
            var reports: [MessageReport] = []
            var findings: [Finding] = []
            var facts: [MessageFacts] = []
            var firstError: InputErrorReport?
            for raw in messages {
                let (report, messageFindings, messageFacts) = lint(message: raw, path: path)
                if firstError == nil, let error = report.error { firstError = error }
                reports.append(report)
                findings += messageFindings
                if let messageFacts { facts.append(messageFacts) }
            }
            var input = InputReport(path: path, error: firstError, messages: reports, findings: findings)
            input.facts = facts
            return input
        }
    }

    /// Parses one message and runs every enabled rule on it.
    func lint(message raw: RawMessage, path: String) -> (MessageReport, [Finding], MessageFacts?) {
        var report = MessageReport(
            index: raw.index, kind: "unparsed", issuer: nil, origin: raw.origin, linted: false, assertions: 0,
            attributes: 0, entities: 0, error: nil, profile: nil)
        report.containerLine = raw.containerLine
        report.containerColumn = raw.containerColumn
        if let inputError = raw.error {
            report.error = errorReport(inputError, messageIndex: raw.index)
            return (report, inputFinding(inputError, path: path, messageIndex: raw.index, origin: raw.origin).map { [$0] } ?? [], nil)
        }
        let document: XMLDocument
        do {
            document = try XMLDocument.parse(raw.bytes, url: path, limits: limits)
        } catch {
            let ruleId: String
            switch error {
            case .doctypeRefused: ruleId = DoctypeRefused.description.id
            case .tooLarge, .overLimit: ruleId = TooLarge.description.id
            case .malformed, .empty: ruleId = MalformedXML.description.id
            }
            let inputError = InputError(ruleId: ruleId, message: error.description, line: error.line, column: error.column)
            report.error = errorReport(inputError, messageIndex: raw.index)
            return (report, inputFinding(inputError, path: path, messageIndex: raw.index, origin: raw.origin).map { [$0] } ?? [], nil)
        }
        guard var message = try? SAMLMessage(document: document) else {
            let inputError = InputError(ruleId: MalformedXML.description.id, message: "the document has no root element")
            report.error = errorReport(inputError, messageIndex: raw.index)
            return (report, inputFinding(inputError, path: path, messageIndex: raw.index, origin: raw.origin).map { [$0] } ?? [], nil)
        }
        report.kind = message.kind.rawValue
        report.issuer = message.issuer
        report.linted = message.kind.isLinted
        if message.kind == .notSAML || message.kind == .saml1 {
            let root = message.root
            let samlNames: Set<String> = ["EntityDescriptor", "EntitiesDescriptor", "Response", "Assertion", "AuthnRequest", "LogoutRequest", "LogoutResponse"]
            let what: String
            if message.kind == .saml1 {
                what = "a SAML 1.x message (only SAML 2.0 is linted)"
            } else if root.namespaceURI == nil, samlNames.contains(root.localName) {
                what = "the root element \(root.localName) has no namespace; SAML 2.0 elements must be in the urn:oasis:names:tc:SAML:2.0:* namespaces (xmlns is missing)"
            } else {
                what = "XML whose root element is {\(root.namespaceURI ?? "")}\(root.localName), not a SAML 2.0 message or metadata"
            }
            let inputError = InputError(ruleId: NotSAML.description.id, message: "not SAML: \(what)", line: root.line, column: root.column)
            report.error = errorReport(inputError, messageIndex: raw.index)
            return (report, inputFinding(inputError, path: path, messageIndex: raw.index, origin: raw.origin).map { [$0] } ?? [], nil)
        }
        MessagePreparation.prepare(&message, context: context, maxBytes: limits.maxBytes)
        let assertions = message.assertions
        report.assertions = assertions.count + message.encryptedAssertions.count
        report.attributes = assertions.reduce(0) { $0 + $1.attributes.count }
        report.entities = message.kind.isMetadata ? message.entities.count : 0

        // Other signed protocol messages (AuthnRequest, LogoutRequest...) get the signature rules only.
        let signaturesOnly = !message.kind.isLinted && !(message.signatureAnalysis?.signatures.isEmpty ?? true)
        guard message.kind.isLinted || signaturesOnly else { return (report, [], nil) }
        if let assertion = assertions.first {
            message.profile = EmailTrustEvaluator.annotate(profileBuilder.profile(for: assertion), assertion: assertion, context: context)
            report.profile = message.profile
        }
        let isMetadata = message.kind.isMetadata
        // One emitter for the message, passed from rule to rule: findings come out in rule order.
        var emitter = FindingEmitter(ruleId: "", severity: .info, path: path, messageIndex: raw.index, origin: raw.origin)
        for index in enabled.indices where !signaturesOnly || enabledCategories[index] == .signature {
            if isMetadata, !Self.appliesToMetadata(enabledCategories[index]) { continue }
            emitter.next(ruleId: enabledIDs[index], severity: enabledSeverities[index])
            enabledRules[index].check(message, context: context, findings: &emitter)
        }
        let findings = emitter.findings
        let facts = message.kind.isMetadata ? nil : MessageFacts(message: message, path: path, messageIndex: raw.index, origin: raw.origin)
        return (report, findings, facts)
    }

    // MARK: Input errors

    private func inputFailure(path: String, error: InputError, messageIndex: Int?) -> InputReport {
        InputReport(
            path: path, error: errorReport(error, messageIndex: messageIndex), messages: [],
            findings: inputFinding(error, path: path, messageIndex: messageIndex ?? 0, origin: nil).map { [$0] } ?? [])
    }

    private func errorReport(_ error: InputError, messageIndex: Int?) -> InputErrorReport {
        InputErrorReport(ruleId: error.ruleId, message: error.message, line: error.line, column: error.column, messageIndex: messageIndex)
    }

    private func inputFinding(_ error: InputError, path: String, messageIndex: Int, origin: String?) -> Finding? {
        guard let severity = inputSeverities[error.ruleId] else { return nil }
        return Finding(
            ruleId: error.ruleId, severity: severity, message: error.message,
            location: Location(path: path, message: messageIndex, origin: origin, line: error.line, column: error.column))
    }

    /// Things said once per run.
    func notes() -> [String] {
        var notes: [String] = []
        if (context.configuration.organization?.domains ?? []).isEmpty {
            notes.append("email trust not checked: no organization domains configured (organization.domains or --org-domain)")
        } else {
            notes += EmailTrustPolicy.from(context).notes
        }
        return notes
    }
}

/// Fixed slots filled from several threads, read once all are done.
final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    private var filled = 0
    /// Stores a value; returns how many slots are filled now.
    @discardableResult
    func set(_ index: Int, _ value: T) -> Int {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = value
        filled += 1
        return filled
    }
    var values: [T] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }

    /// The values, moved out (the slots are left empty): no copy of each one.
    func take() -> [T] {
        lock.lock()
        defer { lock.unlock() }
        var values: [T] = []
        values.reserveCapacity(slots.count)
        for index in slots.indices {
            if let value = slots[index].take() { values.append(value) }
        }
        slots = []
        return values
    }
}
