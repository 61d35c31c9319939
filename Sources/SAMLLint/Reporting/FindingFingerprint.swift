/// A finding's identity across runs: rule, file (relative to the working directory), where in the
/// document (readable path, attribute, entityID, field) and a hash of the evidence values. Line and
/// column are left out, so it survives unrelated edits that move lines; the message text is left out
/// because it may quote positions. Used by SARIF `partialFingerprints` and by baselines.
public enum FindingFingerprint {
    public static let version = "samllint/v1"

    public static func of(_ finding: Finding, workingDirectory: String?) -> String {
        let location = finding.location
        let evidence = finding.evidence.map(\.value).sorted().joined(separator: "\u{1F}")
        let parts = [
            finding.ruleId, ReportPaths.relative(location.path, to: workingDirectory), location.xpath ?? "",
            location.attribute ?? "", location.entityID ?? "", finding.field ?? "", SHA256.hex(of: evidence),
        ]
        return String(SHA256.hex(of: parts.joined(separator: "\u{1E}")).prefix(32))
    }
}
