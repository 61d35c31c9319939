/// An address wrapped in something an application cannot send mail to or match accounts on:
/// `Jane Doe <jane.doe@example.com>` (a display name with the address, RFC 5322 name-addr),
/// `mailto:jane.doe@example.com` (a URI) or `jane@example.com; jd@example.org` (a list in one value).
public enum EmbeddedAddress: Sendable {
    case nameAddress
    case mailtoURI
    case list

    /// How values of this form are called in a finding.
    public var plural: String {
        switch self {
        case .nameAddress: return "display names with an address (`Name <address>`)"
        case .mailtoURI: return "mailto: URIs"
        case .list: return "several addresses in one value"
        }
    }

    /// The form `value` has when every address in it is one (`isAddress`), nil for anything else
    /// (a bare address included).
    public static func form(of value: String, isAddress: (String) -> Bool) -> EmbeddedAddress? {
        let text = value.trimmed
        // Most values are no wrapped form: without `@`, or without `;` `,` `>` and a `mailto:` start,
        // none of the forms below can match (said on the bytes, before any Character is counted).
        guard text.utf8.count <= 1024, text.utf8.contains(UInt8(ascii: "@")) else { return nil }
        if !text.utf8.contains(where: { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ">") }),
            !text.utf8.prefix(7).elementsEqual("mailto:".utf8, by: { $0 | 0x20 == $1 | 0x20 }) {
            return nil
        }
        guard text.contains("@") else { return nil }
        if text.count > 7, text.prefix(7).lowercased() == "mailto:" {
            let rest = String(text.dropFirst(7)).trimmed
            return isAddress(rest) ? .mailtoURI : nil
        }
        if text.hasSuffix(">"), let open = text.lastIndex(of: "<") {
            let name = String(text[..<open]).trimmed
            let inner = String(text[text.index(after: open)..<text.index(before: text.endIndex)]).trimmed
            return !name.isEmpty && !name.contains("@") && isAddress(inner) ? .nameAddress : nil
        }
        let parts = text.split(whereSeparator: { $0 == ";" || $0 == "," }).map { String($0).trimmed }.filter { !$0.isEmpty }
        if parts.count >= 2, parts.allSatisfy(isAddress) { return .list }
        return nil
    }
}
