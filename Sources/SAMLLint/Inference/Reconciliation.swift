/// Per connection (Issuer): the mapping in use, the mapping inference proposes, and how many
/// profiles are awaiting reconciliation — a required field missing, or its value failing the
/// field's classifier, or a misassignment finding on the attribute that feeds it.
public struct ConnectionReport: Codable, Sendable {
    public struct Awaiting: Codable, Sendable, Equatable {
        public var path: String
        public var message: Int
        public var reasons: [String]
    }

    public var issuer: String
    public var vendor: VendorDetector.Match?
    public var profiles: Int
    /// Profiles whose attributes do not fit the mapping in use.
    public var awaitingReconciliation: Int
    /// How many would still be awaiting under the proposed mapping.
    public var awaitingUnderProposedMapping: Int
    /// The mapping in use: the configured one, or what the attribute names promise.
    public var currentMapping: [String: String]
    public var proposedMapping: [String: String]
    public var confidence: Double
    public var fields: [InferredMapping.Decision]
    public var awaiting: [Awaiting]
}

public struct Reconciliation: Sendable {
    /// The fields a profile needs to be usable.
    public static let requiredFields = ["id", "email", "firstName", "lastName"]
    /// Per-message rules whose finding on a mapped attribute means the profile does not fit.
    public static let misassignmentRules: Set<String> = [
        "mapping/email-in-name-field", "mapping/non-email-in-email-field", "mapping/upn-as-email", "mapping/guest-upn",
        "mapping/scoped-id-as-email", "mapping/full-name-in-given-name", "mapping/given-family-swapped",
        "mapping/dn-in-name-field", "mapping/id-in-name-field", "mapping/placeholder-value",
    ]

    public let context: LintContext

    public init(context: LintContext) { self.context = context }

    public func connections(in report: Report) -> [ConnectionReport] {
        let facts = report.inputs.flatMap(\.facts)
        let findingsByMessage = Dictionary(grouping: report.findings.filter { Self.misassignmentRules.contains($0.ruleId) }) {
            "\($0.location.path)#\($0.location.message)"
        }
        let inference = MappingInference(context: context)
        let catalog = AttributeCatalog.shared(context.ruleData)
        let classifier = ValueClassifier.shared(context.ruleData)
        let vendors = VendorDetector.shared(context.ruleData)
        return facts.byConnection.map { connection, messages in
            let samples = messages.map(InferenceSample.init)
            let inferred = inference.infer(samples)
            let names = Array(Set(messages.flatMap { $0.attributes.map(\.name) })).sorted()
            var current = currentMapping(names: names, catalog: catalog)
            // Fields neither configured nor promised by any name: the inferred attribute is in use.
            for (field, attribute) in inferred.proposed where current[field] == nil && Self.requiredFields.contains(field) {
                current[field] = attribute
            }
            // Where inference confidently disagrees with the mapping in use, a profile whose two
            // candidate values differ does not fit.
            let conflicts = inferred.decisions.compactMap { decision -> (String, String, String)? in
                guard decision.isDecided, let proposed = decision.attribute, let used = current[decision.field],
                    used != proposed, decision.confidence >= inference.settings.reconcileMinConfidence,
                    Self.requiredFields.contains(decision.field)
                else { return nil }
                return (decision.field, used, proposed)
            }
            var awaiting: [ConnectionReport.Awaiting] = []
            var awaitingProposed = 0
            for (message, sample) in zip(messages, samples) {
                let findings = findingsByMessage["\(message.path)#\(message.messageIndex)"] ?? []
                var reasons = self.reasons(sample: sample, mapping: current, findings: findings, classifier: classifier)
                for (field, used, proposed) in conflicts where !reasons.contains(where: { $0.hasPrefix(field + ":") }) {
                    let a = sample.value(of: used)
                    let b = sample.value(of: proposed)
                    if let b, a?.caseInsensitiveCompare(b) != .orderedSame {
                        reasons.append("\(field): the connection's \(field) is in '\(proposed)', not in '\(used)'")
                    }
                }
                if !reasons.isEmpty { awaiting.append(.init(path: message.path, message: message.messageIndex, reasons: reasons)) }
                if !self.reasons(sample: sample, mapping: inferred.proposed, findings: [], classifier: classifier).isEmpty {
                    awaitingProposed += 1
                }
            }
            return ConnectionReport(
                issuer: connection, vendor: vendors.detect(issuer: messages.first?.issuer, attributeNames: names),
                profiles: messages.count, awaitingReconciliation: awaiting.count, awaitingUnderProposedMapping: awaitingProposed,
                currentMapping: current, proposedMapping: inferred.proposed, confidence: (inferred.confidence * 100).rounded() / 100,
                fields: inferred.decisions, awaiting: awaiting)
        }
    }

    /// The configured mapping, completed by what the attribute names promise (catalog).
    func currentMapping(names: [String], catalog: AttributeCatalog) -> [String: String] {
        var mapping: [String: String] = [:]
        for field in Self.requiredFields + ["displayName", "groups"] {
            if let configured = context.configuration.mapping[field] {
                if let present = configured.first(where: { name in names.contains { $0.caseInsensitiveCompare(name) == .orderedSame } }) {
                    mapping[field] = names.first { $0.caseInsensitiveCompare(present) == .orderedSame }
                }
                continue
            }
            let candidates = names.compactMap { name -> (String, Int)? in
                guard let match = catalog.lookup(name), match.field.rawValue == field else { return nil }
                return (name, match.rank)
            }
            if let best = candidates.min(by: { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }) { mapping[field] = best.0 }
        }
        return mapping
    }

    /// Why one profile does not fit a mapping (empty when it fits).
    func reasons(sample: InferenceSample, mapping: [String: String], findings: [Finding], classifier: ValueClassifier) -> [String] {
        var reasons: [String] = []
        for field in Self.requiredFields {
            var source = mapping[field]
            // The NameID stands in for id (persistent, unspecified) and email (emailAddress) when
            // nothing is mapped.
            if source == nil, field == "id", sample.nameIDFormat == .persistent || sample.nameIDFormat == .unspecified {
                source = InferredMapping.nameIDSource
            }
            if source == nil, field == "email", sample.nameIDFormat == .emailAddress { source = InferredMapping.nameIDSource }
            // A field the connection maps to nothing is a connection problem (mapping/missing-field),
            // not a reason for one profile to wait.
            guard let attribute = source else { continue }
            guard let value = sample.value(of: attribute) else {
                reasons.append("\(field): '\(attribute)' has no value")
                continue
            }
            let label = classifier.classify(value).label
            if !Self.accepts(field: field, label: label) {
                reasons.append("\(field): '\(attribute)' holds a value classified as \(label.rawValue), not \(Self.expected(field))")
                continue
            }
            if let finding = findings.first(where: { $0.location.attribute == attribute }) {
                reasons.append("\(field): \(finding.ruleId) on '\(attribute)'")
            }
        }
        return reasons
    }

    static func accepts(field: String, label: ValueLabel) -> Bool {
        switch field {
        case "email": return label == .email
        // Compound names ("Luiz Miguel", "عبد الرشيد") look like full names; a real full name in the
        // given-name field is mapping/full-name-in-given-name's finding, with its cross-checks.
        case "firstName", "lastName": return [.givenName, .familyName, .personName, .initials, .fullName].contains(label)
        case "id": return ![.empty, .placeholder].contains(label)
        default: return true
        }
    }

    static func expected(_ field: String) -> String {
        switch field {
        case "email": return "an email address"
        case "firstName": return "a given name"
        case "lastName": return "a family name"
        default: return "an identifier"
        }
    }

    /// "There are N profiles awaiting reconciliation", as the vendors word it.
    public static func summary(_ connections: [ConnectionReport]) -> String {
        let total = connections.reduce(0) { $0 + $1.awaitingReconciliation }
        return total == 1 ? "There is 1 profile awaiting reconciliation" : "There are \(total) profiles awaiting reconciliation"
    }
}
