/// The email-trust verdicts of one connection (IdP Issuer) over a run, for the report summary.
public struct EmailTrustConnectionSummary: Codable, Sendable, Equatable {
    public var issuer: String
    public var verified = 0
    public var outsideOrganization = 0
    public var unverifiable = 0
    public var missing = 0
    public var invalid = 0

    public init(issuer: String) { self.issuer = issuer }

    mutating func count(_ verdict: EmailTrustVerdict) {
        switch verdict {
        case .verified: verified += 1
        case .outsideOrganization: outsideOrganization += 1
        case .unverifiable: unverifiable += 1
        case .missing: missing += 1
        case .invalid: invalid += 1
        case .notChecked: break
        }
    }

    /// One entry per Issuer whose profiles were checked, sorted by Issuer; nil when none was
    /// (no organization domains, or no profiles).
    public static func summarize(_ inputs: [InputReport]) -> [EmailTrustConnectionSummary]? {
        guard inputs.contains(where: { $0.messages.contains { $0.profile?.emailTrust.map { $0.verdict != EmailTrustVerdict.notChecked.rawValue } ?? false } }) else {
            return nil
        }
        var byIssuer: [String: EmailTrustConnectionSummary] = [:]
        for input in inputs {
            for message in input.messages {
                guard let text = message.profile?.emailTrust?.verdict, let verdict = EmailTrustVerdict(rawValue: text) else { continue }
                let issuer = message.issuer ?? "(no issuer)"
                byIssuer[issuer, default: EmailTrustConnectionSummary(issuer: issuer)].count(verdict)
            }
        }
        return byIssuer.values.sorted { $0.issuer < $1.issuer }
    }

    /// `issuer: 3 verified, 1 outside-organization` (non-zero counts only).
    public var line: String {
        let parts = [
            (verified, EmailTrustVerdict.verified), (outsideOrganization, .outsideOrganization),
            (unverifiable, .unverifiable), (missing, .missing), (invalid, .invalid),
        ].filter { $0.0 > 0 }.map { "\($0.0) \($0.1.rawValue)" }
        return "\(issuer): \(parts.isEmpty ? "no profiles" : parts.joined(separator: ", "))"
    }
}
