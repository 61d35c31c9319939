import SAMLXML

/// A lint rule: one type, one file, reading top to bottom as its own specification. The
/// `description` carries identity, prose and examples; `check` holds the few lines of logic.
///
/// Rules whose findings the pipeline itself raises (the `input/*` family) keep the default
/// `check`, which does nothing.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    init()
    /// Reads one parsed message and reports what is wrong with it. Called once per message.
    func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter)
    /// The rule as a batch rule, when it is one (a witness, not a dynamic cast: the runtime's first
    /// conformance lookup scans every conformance record, a millisecond of a one-file run).
    var asBatchRule: (any BatchRule)? { get }
}

extension Rule {
    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {}
    public var asBatchRule: (any BatchRule)? { nil }
    public var id: String { Self.description.id }
}

/// Collects the findings of one rule on one message and fills in what the rule should not have to
/// know: its id, its configured severity, the file and the message index.
public struct FindingEmitter {
    public private(set) var ruleId: String
    public private(set) var severity: Severity
    let path: String
    let messageIndex: Int
    let origin: String?
    public private(set) var findings: [Finding] = []

    init(ruleId: String, severity: Severity, path: String, messageIndex: Int, origin: String?) {
        self.ruleId = ruleId
        self.severity = severity
        self.path = path
        self.messageIndex = messageIndex
        self.origin = origin
    }

    /// Goes on with the next rule on the same message: its findings follow the ones already
    /// collected (one emitter per message instead of one per rule and message).
    mutating func next(ruleId: String, severity: Severity) {
        self.ruleId = ruleId
        self.severity = severity
    }

    /// Reports a finding located at `node` (its start tag), or at the top of the message.
    public mutating func report(
        _ message: String, at node: XMLNode?, attribute: String? = nil, entityID: String? = nil,
        field: String? = nil, evidence: [Evidence] = [], fix: Fix? = nil, severity: Severity? = nil
    ) {
        let position = node?.position ?? (line: 1, column: 1)
        let location = Location(
            path: path, message: messageIndex, origin: origin, line: position.line, column: position.column,
            xpath: node?.readablePath, attribute: attribute, entityID: entityID ?? node.flatMap(Self.enclosingEntityID))
        findings.append(
            Finding(
                ruleId: ruleId, severity: severity ?? self.severity, message: message, location: location,
                field: field, evidence: evidence, fix: fix))
    }

    private static func enclosingEntityID(_ node: XMLNode) -> String? {
        var current: XMLNode? = node
        while let element = current {
            if element.localName == "EntityDescriptor", element.namespaceURI == XMLNamespaces.metadata {
                return element.attribute("entityID")
            }
            current = element.parent
        }
        return nil
    }
}
