import Foundation

/// `--redact`: masks emails, names and ids everywhere in a report before it is rendered, so every
/// format (text, JSON, SARIF, JUnit, GitHub, HTML) is masked the same way. A mask is a short keyed
/// hash of the value (HMAC-SHA-256, first 8 hex digits), so the same value always gets the same mask
/// within a key and two reports can still be compared: `jane.doe@example.com` → `u-1a2b3c4d@example.com`
/// (the domain is kept: email trust is about it), `Jane` → `name-5e6f7a8b`, `00u1ab2C` → `id-9c0d1e2f`.
///
/// Masked: evidence values, every profile value (id, email, names, raw attribute values), and any
/// occurrence of those values or of an email address in messages, fixes, origins and errors.
/// Kept: attribute names, rule ids, entityIDs and issuers, classifications, domains, groups.
public struct Redactor: Sendable {
    public static let defaultKey = "samllint-redact-v1"
    let key: [UInt8]

    public init(key: String = Redactor.defaultKey) {
        self.key = Array(key.utf8)
    }

    /// The mask of one value; empty and whitespace-only values stay as they are. Surrounding
    /// whitespace is kept around the mask (an untrimmed value stays visibly untrimmed) and is not
    /// hashed, so ` Doe ` and `Doe` share a mask.
    public func mask(_ value: String) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, !Self.isTechnical(trimmed) else { return value }
        let leading = value.prefix { $0.isWhitespace || $0.isNewline }
        let trailing = String(value.reversed().prefix { $0.isWhitespace || $0.isNewline }.reversed())
        return leading + maskTrimmed(trimmed) + trailing
    }

    /// URLs and URNs (entityIDs, Format and algorithm URIs) and timestamps are not personal and
    /// are what a reader needs to act on a finding: they stay. A URL or URN holding an `@` or a `!`
    /// (eduPersonTargetedID), or a `urn:uuid:`, is an id and is masked.
    static func isTechnical(_ value: String) -> Bool {
        let lower = value.lowercased()
        if lower.contains("@") || lower.contains("!") || lower.hasPrefix("urn:uuid:") || lower.contains(where: \.isWhitespace) { return false }
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("urn:") { return true }
        return value.count >= 20 && value.count <= 35 && ISO8601.parse(value) != nil
    }

    func maskTrimmed(_ trimmed: String) -> String {
        let hash = String(SHA256.hex(SHA256.hmac(key: key, message: Array(trimmed.utf8))).prefix(8))
        if let at = trimmed.lastIndex(of: "@"), at != trimmed.startIndex {
            let domain = trimmed[trimmed.index(after: at)...]
            if domain.contains("."), !domain.contains(where: \.isWhitespace) { return "u-\(hash)@\(domain)" }
        }
        let nameLike = trimmed.allSatisfy { $0.isLetter || $0 == " " || $0 == "-" || $0 == "'" || $0 == "." || $0 == "’" }
        return (nameLike ? "name-" : "id-") + hash
    }

    public func redact(_ report: Report) -> Report {
        var report = report
        report.inputs = report.inputs.map(redact)
        report.findings = report.inputs.flatMap(\.findings).sorted(by: Finding.reportOrder)
        report.summary.notes = report.summary.notes.map { replaceEmails(in: $0) }
        return report
    }

    /// Connections as reconciliation reports them: attribute names stay, any email or quoted value in
    /// the evidence and reasons is masked.
    public func redact(_ connections: [ConnectionReport]) -> [ConnectionReport] {
        connections.map { connection in
            var connection = connection
            connection.fields = connection.fields.map { decision in
                var decision = decision
                decision.evidence = decision.evidence.map { replaceEmails(in: $0) }
                return decision
            }
            connection.awaiting = connection.awaiting.map { item in
                var item = item
                item.reasons = item.reasons.map { replaceEmails(in: $0) }
                return item
            }
            return connection
        }
    }

    func redact(_ input: InputReport) -> InputReport {
        var input = input
        var values = Set<String>()
        for finding in input.findings { values.formUnion(finding.evidence.map(\.value)) }
        for profile in input.messages.compactMap(\.profile) {
            values.formUnion([profile.idpID, profile.email, profile.firstName, profile.lastName, profile.name].compactMap { $0 })
            values.formUnion(profile.rawAttributes.values.joined())
        }
        let text = TextMasker(values: values, redactor: self)
        input.findings = input.findings.map { finding in
            var finding = finding
            finding.message = text.apply(finding.message)
            finding.location.origin = finding.location.origin.map(text.apply)
            finding.evidence = finding.evidence.map { evidence in
                var evidence = evidence
                evidence.value = mask(evidence.value)
                evidence.source = evidence.source.map(text.apply)
                return evidence
            }
            if var fix = finding.fix {
                fix.description = text.apply(fix.description)
                fix.configuration = fix.configuration.map(text.apply)
                fix.adminStep = fix.adminStep.map(text.apply)
                finding.fix = fix
            }
            return finding
        }
        if let message = input.error?.message { input.error?.message = text.apply(message) }
        input.messages = input.messages.map { message in
            var message = message
            message.origin = message.origin.map(text.apply)
            if let error = message.error?.message { message.error?.message = text.apply(error) }
            if var profile = message.profile {
                profile.idpID = profile.idpID.map(mask)
                profile.email = profile.email.map(mask)
                profile.firstName = profile.firstName.map(mask)
                profile.lastName = profile.lastName.map(mask)
                profile.name = profile.name.map(mask)
                profile.groups = profile.groups.map(text.apply)
                profile.rawAttributes = profile.rawAttributes.mapValues { $0.map(mask) }
                if var trust = profile.emailTrust {
                    trust.reasons = trust.reasons.map(text.apply)
                    profile.emailTrust = trust
                }
                message.profile = profile
            }
            return message
        }
        return input
    }

    static let emailPattern = try! NSRegularExpression(pattern: "[A-Za-z0-9._%+#\\-]+@[A-Za-z0-9\\-]+(\\.[A-Za-z0-9\\-]+)+")

    /// `u-` and 8 hex digits before the `@`: already a mask.
    static func isMask(_ email: String) -> Bool {
        guard let at = email.firstIndex(of: "@") else { return false }
        let local = email[..<at]
        return local.count == 10 && local.hasPrefix("u-") && local.dropFirst(2).allSatisfy(\.isHexDigit)
    }

    func replaceEmails(in text: String) -> String {
        guard HTMLFormScanner.containsBytes(text, "@") else { return text }
        let range = NSRange(text.startIndex..., in: text)
        var out = text
        for match in Self.emailPattern.matches(in: text, range: range).reversed() {
            guard let swiftRange = Range(match.range, in: out) else { continue }
            let email = String(out[swiftRange])
            if Self.isMask(email) { continue }
            out.replaceSubrange(swiftRange, with: mask(email))
        }
        return out
    }
}

/// Replaces known values in free text in one left-to-right pass (longest value first at each
/// position), so a mask is never masked again; then emails the values did not cover.
struct TextMasker {
    let values: [String]
    let redactor: Redactor

    init(values: Set<String>, redactor: Redactor) {
        let all = values.union(values.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
            .filter { !Redactor.isTechnical($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        self.values = all.filter { $0.trimmingCharacters(in: .whitespacesAndNewlines).count >= 2 }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
        self.redactor = redactor
    }

    func apply(_ text: String) -> String {
        guard !text.isEmpty else { return text }
        let present = values.filter { HTMLFormScanner.containsBytes(text, $0) }
        guard !present.isEmpty else { return redactor.replaceEmails(in: text) }
        var out = ""
        var index = text.startIndex
        outer: while index < text.endIndex {
            for value in present where text[index...].hasPrefix(value) {
                out += redactor.mask(value)
                index = text.index(index, offsetBy: value.count)
                continue outer
            }
            out.append(text[index])
            index = text.index(after: index)
        }
        return redactor.replaceEmails(in: out)
    }
}
