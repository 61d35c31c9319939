/// The mapping inference proposes for one connection: per field, the attribute that carries it,
/// how sure that is, and the evidence in words a person can check.
public struct InferredMapping: Codable, Sendable, Equatable {
    /// The pseudo attribute name used when the NameID carries a field.
    public static let nameIDSource = "NameID"

    public struct Decision: Codable, Sendable, Equatable {
        public var field: String
        /// The attribute Name (or `NameID`); nil when no attribute carries the field.
        public var attribute: String?
        /// 0...1.
        public var confidence: Double
        /// `decided`, `undecided` (two candidates too close: not guessed), `missing`.
        public var status: String
        /// Sentences such as "48 of 50 values of `…/claims/surname` are emails".
        public var evidence: [String]
        /// The runner-up, when there is one.
        public var alternative: String?

        public var isDecided: Bool { status == "decided" }
    }

    public var messages: Int
    public var decisions: [Decision]

    public func decision(for field: String) -> Decision? { decisions.first { $0.field == field } }

    /// field -> attribute for the decided fields.
    public var proposed: [String: String] {
        Dictionary(uniqueKeysWithValues: decisions.compactMap { d in d.isDecided ? d.attribute.map { (d.field, $0) } : nil })
    }

    /// The overall confidence: the mean over decided fields, undecided ones counting 0.
    public var confidence: Double {
        let counted = decisions.filter { $0.status != "missing" }
        guard !counted.isEmpty else { return 0 }
        return counted.reduce(0) { $0 + ($1.isDecided ? $1.confidence : 0) } / Double(counted.count)
    }
}
