/// One problem found in one message (or one input), with where it is, why, and how to fix it.
public struct Finding: Codable, Sendable, Hashable {
    /// Stable rule id, `category/name`; also the SARIF ruleId and the configuration key.
    public var ruleId: String
    public var severity: Severity
    public var message: String
    public var location: Location
    /// The normalized profile field involved (`email`, `lastName`, ...), where there is one.
    public var field: String?
    /// The values that made the rule fire, with what they were classified as.
    public var evidence: [Evidence]
    /// How to fix it, where the rule can say.
    public var fix: Fix?

    public init(
        ruleId: String, severity: Severity, message: String, location: Location, field: String? = nil,
        evidence: [Evidence] = [], fix: Fix? = nil
    ) {
        self.ruleId = ruleId
        self.severity = severity
        self.message = message
        self.location = location
        self.field = field
        self.evidence = evidence
        self.fix = fix
    }
}

/// Where a finding is.
public struct Location: Codable, Sendable, Hashable {
    /// The input file as given on the command line (`-` for standard input).
    public var path: String
    /// Index of the message inside a container file (a HAR holds many); 0 for a plain file.
    public var message: Int
    /// A description of where the message came from inside its container (`entry 3: POST https://…`).
    public var origin: String?
    /// 1-based line and column (UTF-16 code units) of the element's start tag.
    public var line: Int
    public var column: Int
    /// A readable path such as `Response/Assertion/AttributeStatement/Attribute[@Name='mail']`.
    public var xpath: String?
    /// The SAML Attribute `Name` the finding is about.
    public var attribute: String?
    /// The metadata entityID the finding is about.
    public var entityID: String?

    public init(
        path: String, message: Int = 0, origin: String? = nil, line: Int = 1, column: Int = 1,
        xpath: String? = nil, attribute: String? = nil, entityID: String? = nil
    ) {
        self.path = path
        self.message = message
        self.origin = origin
        self.line = line
        self.column = column
        self.xpath = xpath
        self.attribute = attribute
        self.entityID = entityID
    }
}

/// A value that made a rule fire, and what it was recognised as.
public struct Evidence: Codable, Sendable, Hashable {
    /// The value as found (masked by `--redact`).
    public var value: String
    /// What a classifier (or the catalog) says it is: `email`, `familyName`, `guid`, ...
    public var classifiedAs: String?
    /// How sure the classifier is, 0...1.
    public var confidence: Double?
    /// Where the value came from, when not the finding's own location (another attribute, the NameID).
    public var source: String?

    public init(value: String, classifiedAs: String? = nil, confidence: Double? = nil, source: String? = nil) {
        self.value = value
        self.classifiedAs = classifiedAs
        self.confidence = confidence
        self.source = source
    }
}

/// How to fix a finding.
public struct Fix: Codable, Sendable, Hashable {
    /// What to do, in one or two sentences.
    public var description: String
    /// A proposed mapping change: normalized field -> attribute Name.
    public var mapping: [String: String]?
    /// A configuration line that would apply the fix in `.samllint.yml`.
    public var configuration: String?
    /// Where the IdP administrator changes it, when the vendor is known.
    public var adminStep: String?

    public init(
        _ description: String, mapping: [String: String]? = nil, configuration: String? = nil,
        adminStep: String? = nil
    ) {
        self.description = description
        self.mapping = mapping
        self.configuration = configuration
        self.adminStep = adminStep
    }
}

extension Finding {
    /// Deterministic report order: file, message, line, column, rule, text.
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.location.path != b.location.path { return a.location.path < b.location.path }
        if a.location.message != b.location.message { return a.location.message < b.location.message }
        if a.location.line != b.location.line { return a.location.line < b.location.line }
        if a.location.column != b.location.column { return a.location.column < b.location.column }
        if a.ruleId != b.ruleId { return a.ruleId < b.ruleId }
        if (a.location.attribute ?? "") != (b.location.attribute ?? "") {
            return (a.location.attribute ?? "") < (b.location.attribute ?? "")
        }
        return a.message < b.message
    }
}
