import Dispatch
import Foundation
import SAMLXML

/// Metadata aggregates (`md:EntitiesDescriptor`) are streamed: each EntityDescriptor is cut out,
/// parsed and linted as its own small document (locations stay those of the original file), so
/// memory does not grow with the aggregate. Entities are linted in small batches on every core.
extension Linter {
    /// Entities linted together on the cores; bounds the memory held at once.
    static let aggregateBatch = 64
    /// entityIDs remembered for metadata/duplicate-entity-id (bounds memory on hostile input;
    /// eduGAIN has ~10,000 entities).
    static let maxTrackedEntityIDs = 2_000_000

    /// Whether rules of a category can say anything about metadata.
    static func appliesToMetadata(_ category: RuleCategory) -> Bool {
        category != .mapping && category != .email && category != .consistency
    }

    /// Files at least this large are peeked at and streamed from disk when they are aggregates.
    static let streamThreshold = 8 * 1024 * 1024

    /// Whether a file is a metadata aggregate to stream (peeks at its first bytes).
    static func isAggregateFile(_ path: String) -> Bool {
        // Only regular files: opening a FIFO would block until a writer comes (InputSource.read
        // reports such inputs as unreadable).
        guard let size = RegularFile.size(path) else { return false }
        // Small files are read whole anyway, and lint(bytes:) streams them when they are aggregates:
        // only peek at files too large to read whole.
        if size < streamThreshold { return false }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 64 * 1024) else { return false }
        return AggregateStream.isAggregate(prefix: head)
    }

    /// Largest single EntityDescriptor accepted while streaming.
    var maxEntityBytes: Int { Int(context.ruleData.threshold("metadata.maxEntityBytes", default: 16 * 1024 * 1024)) }

    /// Lints a file that holds an aggregate, reading it in chunks.
    func lintAggregate(path: String, displayPath: String) -> InputReport {
        guard let stream = AggregateStream(path: path, maxPieceBytes: maxEntityBytes, maxDepth: limits.maxDepth) else {
            return InputReport(
                path: displayPath,
                error: InputErrorReport(ruleId: "input/unreadable", message: "cannot open the file", line: 1, column: 1, messageIndex: nil))
        }
        return lintAggregate(stream, path: displayPath)
    }

    /// Standard input: an aggregate is streamed (whatever its size); anything else is read whole
    /// under the usual limit, as before.
    func lintStandardInput() -> InputReport {
        var head: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while head.count < 64 * 1024 {
            let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, 64 * 1024 - head.count) }
            if count <= 0 { break }
            head += chunk[0..<count]
        }
        if AggregateStream.isAggregate(prefix: head) {
            return lintAggregate(AggregateStream(prefix: head, descriptor: STDIN_FILENO, maxPieceBytes: maxEntityBytes, maxDepth: limits.maxDepth), path: "-")
        }
        var bytes = head
        while true {
            let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            bytes += chunk[0..<count]
            if bytes.count > readLimit {
                return InputReport(
                    path: "-",
                    error: InputErrorReport(
                        ruleId: "input/too-large", message: "input is over \(readLimit) bytes; refused without reading the rest", line: 1,
                        column: 1, messageIndex: nil))
            }
        }
        return lint(bytes: bytes, path: "-")
    }

    /// Lints an aggregate already in memory.
    func lintAggregate(bytes: [UInt8], path: String) -> InputReport {
        lintAggregate(AggregateStream(bytes: bytes, maxPieceBytes: maxEntityBytes, maxDepth: limits.maxDepth), path: path)
    }


    func lintAggregate(_ stream: AggregateStream, path: String) -> InputReport {
        let collector = AggregateCollector()
        // The rules an entity is linted with, chosen once per aggregate (attribute, email and
        // consistency rules read assertions; an entity has none). Rule ids are read once:
        // `description` is a large struct, copied on every access.
        let rules: [AggregateRule] = enabled.indices.compactMap { index in
            guard Self.appliesToMetadata(enabledCategories[index]) else { return nil }
            let (rule, severity) = enabled[index]
            return AggregateRule(rule: rule, severity: severity, id: type(of: rule).description.id)
        }
        var seen: [String: Int] = [:]
        var aggregateName: String?
        var entities = 0
        var batch: [(AggregateStream.Piece, AggregateMember)] = []
        // Batches are linted on one worker thread per core while this thread scans on; at most
        // a few are queued, so memory stays bounded.
        let workers = WorkQueue<[(AggregateStream.Piece, AggregateMember)]>(
            workers: ProcessInfo.processInfo.activeProcessorCount, capacity: 4
        ) { pieces in
            for (piece, member) in pieces { collector.add(self.lint(piece: piece, member: member, path: path, rules: rules)) }
        }

        func flush() {
            guard !batch.isEmpty else { return }
            workers.put(batch)
            batch.removeAll(keepingCapacity: true)
        }

        while true {
            let piece: AggregateStream.Piece
            do {
                guard let next = try stream.next() else { break }
                piece = next
            } catch {
                let error = inputError(for: error)
                collector.add(PieceResult(
                    findings: aggregateInputFinding(error, path: path).map { [$0] } ?? [],
                    error: InputErrorReport(ruleId: error.ruleId, message: error.message, line: error.line, column: error.column, messageIndex: 0)))
                break
            }
            var member = AggregateMember(aggregateName: aggregateName, depth: piece.depth)
            switch piece.kind {
            case .entitiesDescriptor:
                if piece.depth == 0 {
                    aggregateName = piece.identifier
                    member.aggregateName = aggregateName
                }
            case .entityDescriptor:
                entities += 1
                if let entityID = piece.identifier {
                    if let line = seen[entityID] {
                        member.duplicateOfLine = line
                    } else if seen.count < Self.maxTrackedEntityIDs {
                        seen[entityID] = piece.sourceMap.line
                    }
                }
            }
            batch.append((piece, member))
            if batch.count >= Self.aggregateBatch { flush() }
        }
        flush()
        workers.finish()
        let (findings, firstError) = collector.result()
        let report = MessageReport(
            index: 0, kind: MessageKind.entitiesDescriptor.rawValue, issuer: aggregateName, origin: nil, linted: true,
            assertions: 0, attributes: 0, entities: entities, error: firstError, profile: nil)
        return InputReport(path: path, error: firstError, messages: [report], findings: findings)
    }

    /// Parses one piece and runs every enabled rule on it.
    private func lint(piece: AggregateStream.Piece, member: AggregateMember, path: String, rules: [AggregateRule]) -> PieceResult {
        let document: XMLDocument
        do {
            document = try XMLDocument.parse(
                piece.bytes, url: path, limits: XMLParseLimits(
                    maxBytes: maxEntityBytes, maxDepth: limits.maxDepth, maxAttributesPerElement: limits.maxAttributesPerElement,
                    maxNamespacesInScope: limits.maxNamespacesInScope),
                sourceMap: piece.sourceMap, reuseParser: true)
        } catch {
            let error = inputError(for: error)
            return PieceResult(
                findings: aggregateInputFinding(error, path: path).map { [$0] } ?? [],
                error: InputErrorReport(ruleId: error.ruleId, message: error.message, line: error.line, column: error.column, messageIndex: 0))
        }
        guard var message = try? SAMLMessage(document: document) else { return PieceResult(findings: []) }
        message.aggregate = member
        var findings: [Finding] = []
        for entry in rules {
            var emitter = FindingEmitter(ruleId: entry.id, severity: entry.severity, path: path, messageIndex: 0, origin: nil)
            entry.rule.check(message, context: context, findings: &emitter)
            if !emitter.findings.isEmpty { findings += emitter.findings }
        }
        return PieceResult(findings: findings)
    }

    private func inputError(for error: XMLParseError) -> InputError {
        let ruleId: String
        switch error {
        case .doctypeRefused: ruleId = DoctypeRefused.description.id
        case .tooLarge, .overLimit: ruleId = TooLarge.description.id
        case .malformed, .empty: ruleId = MalformedXML.description.id
        }
        return InputError(ruleId: ruleId, message: error.description, line: error.line, column: error.column)
    }

    private func aggregateInputFinding(_ error: InputError, path: String) -> Finding? {
        guard let severity = inputSeverities[error.ruleId] else { return nil }
        return Finding(
            ruleId: error.ruleId, severity: severity, message: error.message,
            location: Location(path: path, message: 0, line: error.line, column: error.column))
    }
}

extension Linter {
    /// Said once per run: under `--now auto` metadata has no message time, so its time-based
    /// checks (certificate validity, validUntil) are skipped rather than run against the wall clock.
    func metadataNotes(_ inputs: [InputReport]) -> [String] {
        guard context.now == nil else { return [] }
        let metadata = inputs.contains { input in
            input.messages.contains { $0.kind == MessageKind.entityDescriptor.rawValue || $0.kind == MessageKind.entitiesDescriptor.rawValue }
        }
        guard metadata else { return [] }
        return ["metadata certificate and validUntil dates not checked: --now auto gives metadata no time; pass --now now or an ISO 8601 time"]
    }
}

/// A rule as the entities of an aggregate are linted with it.
struct AggregateRule: Sendable {
    let rule: any Rule
    let severity: Severity
    let id: String
}

struct PieceResult: Sendable {
    var findings: [Finding]
    var error: InputErrorReport?
}

/// Findings of a streamed aggregate, gathered from several threads. The error kept is the first
/// in the file, whatever thread finished first.
final class AggregateCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var findings: [Finding] = []
    private var error: InputErrorReport?

    func add(_ result: PieceResult) {
        lock.lock()
        findings += result.findings
        if let candidate = result.error, error.map({ (candidate.line, candidate.column) < ($0.line, $0.column) }) ?? true {
            error = candidate
        }
        lock.unlock()
    }

    func result() -> ([Finding], InputErrorReport?) {
        lock.lock()
        defer { lock.unlock() }
        return (findings, error)
    }
}
