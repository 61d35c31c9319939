/// A quick syntactic check for "this looks like a mailbox address": one `@`, a non-empty local
/// part without spaces, a dotted domain. The full classifier (with IDN and trust) lives elsewhere.
public enum EmailSyntax {
    public static func isPlausibleAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let local = parts[0]
        let domain = parts[1]
        guard !local.isEmpty, local.count <= 64, !domain.isEmpty, domain.count <= 253 else { return false }
        guard !local.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," }) else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }) else {
            return false
        }
        return domain.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }
            && labels.last!.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } && !labels.last!.allSatisfy(\.isNumber)
    }
}
