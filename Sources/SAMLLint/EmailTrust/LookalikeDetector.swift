/// Finds domains that imitate an organization domain: same skeleton, different domain
/// (`examp1e.com`, `exаmple.com` with a Cyrillic `а`, `rnicrosoft.com`), or a label that mixes
/// Latin, Greek, Cyrillic or Armenian letters.
public struct LookalikeDetector: Sendable {
    public let skeleton: ConfusableSkeleton

    public init(skeleton: ConfusableSkeleton) { self.skeleton = skeleton }

    public struct Match: Sendable, Equatable {
        public enum Kind: String, Sendable { case confusable, mixedScript = "mixed-script" }
        public var kind: Kind
        /// The organization domain imitated (for `confusable`).
        public var organizationDomain: String?
        /// The domain (Unicode form) that imitates it.
        public var domain: String
        /// The label and scripts mixed (for `mixedScript`).
        public var detail: String
    }

    /// The first look-alike signal of `domain` against `organizationDomains`, or nil.
    /// A domain equal to, or under, an organization domain does not imitate that domain.
    /// `written` is the domain as the address spelled it (before case folding), so `exampIe.com` with
    /// a capital I is caught too.
    public func match(_ domain: DomainName, organizationDomains: [DomainName], written: String? = nil) -> Match? {
        let labels = domain.unicode.split(separator: ".", omittingEmptySubsequences: false)
        let writtenLabels = written.map { $0.split(separator: ".", omittingEmptySubsequences: false) }
        for organization in organizationDomains where !domain.isSame(asOrUnder: organization) {
            let count = organization.labels.count
            guard labels.count >= count else { continue }
            let target = skeleton.skeleton(organization.unicode)
            var forms = [labels.suffix(count).joined(separator: ".")]
            if let writtenLabels, writtenLabels.count == labels.count {
                forms.append(writtenLabels.suffix(count).joined(separator: "."))
            }
            if let tail = forms.first(where: { skeleton.skeleton($0) == target }) {
                return Match(
                    kind: .confusable, organizationDomain: organization.ascii, domain: domain.unicode,
                    detail: "'\(tail)' reads as '\(organization.unicode)'")
            }
        }
        return mixedScript(labels[...], domain: domain)
    }

    /// A label of `labels` that mixes confusable scripts.
    public func mixedScript(_ labels: ArraySlice<Substring>, domain: DomainName) -> Match? {
        for label in labels {
            let scripts = ScriptMix.mixedScripts(in: label)
            if !scripts.isEmpty {
                return Match(
                    kind: .mixedScript, organizationDomain: nil, domain: domain.unicode,
                    detail: "the label '\(label)' mixes \(scripts.map(\.rawValue).joined(separator: " and ")) letters")
            }
        }
        return nil
    }
}
