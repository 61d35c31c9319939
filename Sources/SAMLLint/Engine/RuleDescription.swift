import Foundation

/// The families rules belong to (the part of the id before the slash).
public enum RuleCategory: String, Codable, Sendable, CaseIterable {
    case input, mapping, email, assertion, signature, metadata, consistency
}

/// Everything a rule says about itself. Documentation (`samllint rules`, `samllint explain`, SARIF rule
/// metadata) and the example tests are generated from it, so they cannot drift apart.
public struct RuleDescription: Sendable {
    /// Stable id, `category/kebab-name`.
    public let id: String
    /// Title Case name, one line.
    public let title: String
    public let category: RuleCategory
    public let defaultSeverity: Severity
    /// Why it matters (Markdown allowed).
    public let rationale: String
    /// What the finding message says, in words (the real message is built with the values).
    public let messageSummary: String
    /// Inputs that must produce a finding of this rule (built on first use: a lint run that only
    /// needs ids and severities does not pay for building every example document).
    public var triggering: [Example] { makeTriggering() }
    /// Inputs that must not.
    public var nonTriggering: [Example] { makeNonTriggering() }
    private let makeTriggering: @Sendable () -> [Example]
    private let makeNonTriggering: @Sendable () -> [Example]

    public init(
        id: String, title: String, category: RuleCategory, severity: Severity, rationale: String,
        message: String, triggering: @autoclosure @escaping @Sendable () -> [Example],
        nonTriggering: @autoclosure @escaping @Sendable () -> [Example]
    ) {
        self.id = id
        self.title = title
        self.category = category
        self.defaultSeverity = severity
        self.rationale = rationale
        self.messageSummary = message
        self.makeTriggering = triggering
        self.makeNonTriggering = nonTriggering
    }
}

/// An input a rule must (or must not) report. `↓` before an element marks where the finding must be;
/// it is removed before linting. `configuration` is a `.samllint.yml` text applied to this example.
public struct Example: Sendable, CustomStringConvertible {
    public static let marker: Character = "↓"

    public let text: String
    public let configuration: String?
    /// The clock for this example (ISO 8601), when the rule depends on it.
    public let now: String?
    public let file: String
    public let line: Int

    public init(
        _ text: String, configuration: String? = nil, now: String? = nil, file: String = #fileID,
        line: Int = #line
    ) {
        self.text = text
        self.configuration = configuration
        self.now = now
        self.file = file
        self.line = line
    }

    /// The text without markers.
    public var input: String { text.replacingOccurrences(of: String(Self.marker), with: "") }

    /// The (line, column) of each marker in the unmarked text.
    public var markedPositions: [(line: Int, column: Int)] {
        var result: [(Int, Int)] = []
        var line = 1
        var column = 1
        for character in text {
            if character == Self.marker {
                result.append((line, column))
                continue
            }
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.utf16.count
            }
        }
        return result
    }

    public var description: String { "\(file):\(line)" }
}

