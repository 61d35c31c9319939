import Foundation

/// `xs:dateTime` as SAML uses it: `2026-01-01T10:00:00Z`, with optional fractional seconds and
/// an optional offset.
public enum ISO8601 {
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        if let date = plain.date(from: trimmed) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = fractional.date(from: trimmed) { return date }
        // No zone designator: SAML says UTC.
        if !trimmed.hasSuffix("Z"), !trimmed.contains("+"), trimmed.count >= 19 {
            return parse(trimmed + "Z")
        }
        return nil
    }

    public static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
