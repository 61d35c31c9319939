/// Why a byte sequence could not become a document. Every case carries the position libxml2 (or the
/// DOCTYPE guard) reported, so the caller can say `file:line:col` in one line.
public enum XMLParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A `<!DOCTYPE` was seen. Parsing stopped before any entity or external subset was read.
    case doctypeRefused(line: Int, column: Int)
    /// The first real well-formedness error libxml2 reported.
    case malformed(message: String, line: Int, column: Int)
    /// The input is larger than the configured limit.
    case tooLarge(bytes: Int, limit: Int)
    /// The input has no content at all.
    case empty
    /// A limit other than the size was passed (too many attributes on one element, too many
    /// namespace declarations in scope): parsing stopped, or never started, there.
    case overLimit(message: String, line: Int, column: Int)

    public var description: String {
        switch self {
        case let .doctypeRefused(line, column):
            return "DOCTYPE refused at line \(line), column \(column): DTDs and entities are never processed"
        case let .malformed(message, line, column):
            return "malformed XML at line \(line), column \(column): \(message)"
        case let .tooLarge(bytes, limit):
            return "input is \(bytes) bytes, over the limit of \(limit) bytes"
        case .empty:
            return "input is empty"
        case let .overLimit(message, line, column):
            return "refused at line \(line), column \(column): \(message)"
        }
    }

    public var line: Int {
        switch self {
        case let .doctypeRefused(line, _), let .malformed(_, line, _), let .overLimit(_, line, _): return line
        case .tooLarge, .empty: return 1
        }
    }

    public var column: Int {
        switch self {
        case let .doctypeRefused(_, column), let .malformed(_, _, column), let .overLimit(_, _, column): return column
        case .tooLarge, .empty: return 1
        }
    }
}
