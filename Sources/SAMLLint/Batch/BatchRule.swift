/// A rule that reads all the messages of a run together (grouped by connection where it matters)
/// instead of one message at a time: consistency between logins, duplicates across users.
public protocol BatchRule: Rule {
    func check(batch: MessageBatch, context: LintContext, findings: inout BatchFindingEmitter)
}

extension BatchRule {
    public var asBatchRule: (any BatchRule)? { self }
}

/// Collects batch findings, each located in one of the batch's messages.
public struct BatchFindingEmitter {
    public let ruleId: String
    public let severity: Severity
    public private(set) var findings: [Finding] = []

    init(ruleId: String, severity: Severity) {
        self.ruleId = ruleId
        self.severity = severity
    }

    /// Reports a finding in `message`, at `place` (an attribute or the NameID) or at its assertion.
    public mutating func report(
        _ text: String, in message: MessageFacts, at place: MessageFacts.Place? = nil, attribute: String? = nil,
        field: String? = nil, evidence: [Evidence] = [], fix: Fix? = nil
    ) {
        let where_ = place ?? message.assertionPlace
        let location = Location(
            path: message.path, message: message.messageIndex, origin: message.origin, line: where_?.line ?? 1,
            column: where_?.column ?? 1, xpath: where_?.xpath, attribute: attribute)
        findings.append(
            Finding(ruleId: ruleId, severity: severity, message: text, location: location, field: field, evidence: evidence, fix: fix))
    }
}

extension Array where Element == MessageFacts {
    /// Messages with an assertion, grouped by connection (Issuer), connections sorted.
    public var byConnection: [(connection: String, messages: [MessageFacts])] {
        // One copy of each message's facts (a filtered array and then its groups copied twice).
        var groups: [String: [MessageFacts]] = [:]
        for facts in self where facts.assertionPlace != nil { groups[facts.connection, default: []].append(facts) }
        return groups.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
