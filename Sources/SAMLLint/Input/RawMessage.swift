/// One SAML message's XML bytes, decoded from whatever carried it, and where it came from.
public struct RawMessage: Sendable {
    public var bytes: [UInt8]
    /// Position inside the container file; 0 for a plain file.
    public var index: Int
    /// How it was carried, for people: `base64`, `deflate+base64`, `form SAMLResponse`,
    /// `HAR entry 3: POST https://sp.example.com/acs`.
    public var origin: String?
    /// The encoding that was undone (`xml`, `base64`, `deflate`, `form`, `har`, `saml-tracer`).
    public var encoding: InputFormat
    /// Set when this message of a container (one SAMLResponse of a HAR) could not be decoded; the
    /// container's other messages are still linted.
    public var error: InputError?
    /// Where the payload starts in its container file (a HAR, a SAML-tracer export), when found:
    /// 1-based line and column, so CI annotations can point at the entry instead of line 1.
    public var containerLine: Int?
    public var containerColumn: Int?

    public init(bytes: [UInt8], index: Int = 0, origin: String? = nil, encoding: InputFormat, error: InputError? = nil) {
        self.bytes = bytes
        self.index = index
        self.origin = origin
        self.encoding = encoding
        self.error = error
    }
}

/// How an input file is encoded. `auto` detects it.
public enum InputFormat: String, Sendable, CaseIterable, Codable {
    case auto
    case xml
    case base64
    case deflate
    case form
    case har
    case samlTracer = "saml-tracer"
}

/// Why an input file (or a message in it) could not be turned into XML.
public struct InputError: Error, Sendable, Equatable {
    /// `input/undecodable`, `input/too-large`, `input/no-saml-found`, ...
    public var ruleId: String
    public var message: String
    public var line: Int
    public var column: Int

    public init(ruleId: String, message: String, line: Int = 1, column: Int = 1) {
        self.ruleId = ruleId
        self.message = message
        self.line = line
        self.column = column
    }
}
