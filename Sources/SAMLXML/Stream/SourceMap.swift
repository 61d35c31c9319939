/// Where a fragment cut out of a larger file sits in it: byte 0 of the fragment is at `line`,
/// `column` of the original, and `insertedLength` ASCII bytes (namespace declarations copied from
/// the ancestors) were inserted at `insertedAt`, on the fragment's first line.
public struct SourceMap: Sendable, Equatable {
    public var line: Int
    public var column: Int
    public var insertedAt: Int
    public var insertedLength: Int

    public init(line: Int, column: Int, insertedAt: Int = 0, insertedLength: Int = 0) {
        self.line = line
        self.column = column
        self.insertedAt = insertedAt
        self.insertedLength = insertedLength
    }

    /// The original line and column of a byte offset of the fragment.
    func position(of offset: Int, in document: XMLDocument) -> (line: Int, column: Int) {
        var (line, column) = document.lineAndColumn(ofOffset: offset)
        if line == 1 {
            if offset >= insertedAt + insertedLength {
                column -= insertedLength
            } else if offset > insertedAt {
                column -= offset - insertedAt
            }
            return (self.line, self.column + column - 1)
        }
        return (self.line + line - 1, column)
    }

    /// The same error with its position in the original file.
    func shift(_ error: XMLParseError) -> XMLParseError {
        switch error {
        case let .malformed(message, line, column):
            return .malformed(message: message, line: self.line + line - 1, column: line == 1 ? self.column + column - 1 : column)
        case let .doctypeRefused(line, column):
            return .doctypeRefused(line: self.line + line - 1, column: line == 1 ? self.column + column - 1 : column)
        case let .overLimit(message, line, column):
            return .overLimit(message: message, line: self.line + line - 1, column: line == 1 ? self.column + column - 1 : column)
        case .tooLarge, .empty:
            return error
        }
    }
}
