/// How serious a finding is. Ordered: `info < warning < error`.
public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    case info
    case warning
    case error

    private var rank: Int {
        switch self {
        case .info: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A severity as configured: a level, or the rule switched off.
public enum ConfiguredSeverity: Equatable, Sendable {
    case off
    case level(Severity)

    public init?(_ text: String) {
        switch text.lowercased() {
        case "off", "disabled", "false": self = .off
        case "warn": self = .level(.warning)
        case "note", "hint": self = .level(.info)
        default:
            guard let level = Severity(rawValue: text.lowercased()) else { return nil }
            self = .level(level)
        }
    }
}
