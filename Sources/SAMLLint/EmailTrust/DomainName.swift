import Foundation

/// A domain in the forms email trust compares: ASCII (A-labels, lowercase, no trailing dot) and
/// Unicode (for display and look-alike checks).
public struct DomainName: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Lowercase ASCII with A-labels, no trailing dot: the form every comparison uses.
    public let ascii: String
    /// The same domain with U-labels.
    public let unicode: String
    /// Whether the text given differed from `ascii` by more than case and a trailing dot
    /// (IDN, full-width characters, Unicode normalisation).
    public let wasMapped: Bool

    public var labels: [Substring] { ascii.split(separator: ".", omittingEmptySubsequences: false) }
    public var description: String { ascii }

    /// Whether this domain is `other` or lies under it (label-wise: `a.example.com` under `example.com`,
    /// `badexample.com` not).
    public func isSame(asOrUnder other: DomainName) -> Bool {
        ascii == other.ascii || ascii.hasSuffix("." + other.ascii)
    }

    public func isStrictlyUnder(_ other: DomainName) -> Bool { ascii.hasSuffix("." + other.ascii) }

    /// The labels of this domain above `other` (`a.b` for `a.b.example.com` under `example.com`).
    public func labelsAbove(_ other: DomainName) -> [Substring] {
        guard isStrictlyUnder(other) else { return [] }
        return Array(labels.dropLast(other.labels.count))
    }

    init(ascii: String, unicode: String, wasMapped: Bool) {
        self.ascii = ascii
        self.unicode = unicode
        self.wasMapped = wasMapped
    }

    /// Normalises a domain as written in an address or in the configuration: trims whitespace,
    /// drops one trailing dot, vets every character (so libidn2 cannot silently drop one), converts
    /// to ASCII with UTS #46 and checks the DNS shape of the result.
    public static func normalize(_ text: String) -> Result<DomainName, DomainNameProblem> {
        var domain = text.trimmed
        guard !domain.isEmpty else { return .failure(.empty) }
        guard domain.utf8.count <= 1024 else { return .failure(.tooLong) }
        if let last = domain.unicodeScalars.last, labelSeparators.contains(last) {
            domain.unicodeScalars.removeLast()
        }
        guard !domain.isEmpty else { return .failure(.empty) }
        for scalar in domain.unicodeScalars {
            if let problem = vet(scalar) { return .failure(problem) }
        }
        let lowered = domain.lowercased()
        let ascii: String
        switch IDNA.toASCII(domain) {
        case let .success(value): ascii = value.lowercased()
        case let .failure(error): return .failure(.idna(error.message))
        }
        if let problem = checkShape(ascii) { return .failure(problem) }
        let unicode = ascii.contains("xn--") ? IDNA.toUnicode(ascii) : ascii
        return .success(DomainName(ascii: ascii, unicode: unicode, wasMapped: lowered != ascii && lowered != unicode))
    }

    /// Full stop and the dots UTS #46 maps to it.
    static let labelSeparators: Set<Unicode.Scalar> = [".", "\u{3002}", "\u{FF0E}", "\u{FF61}"]

    /// A character a domain may not hold before IDNA processing, or nil when it may.
    static func vet(_ scalar: Unicode.Scalar) -> DomainNameProblem? {
        if scalar.isASCII {
            let c = Character(scalar)
            if c.isLetter || c.isNumber || c == "-" || c == "." { return nil }
            if scalar.value < 0x20 || scalar.value == 0x7F { return .invisibleCharacter(scalar) }
            return .forbiddenCharacter(scalar)
        }
        let properties = scalar.properties
        if properties.isDefaultIgnorableCodePoint || properties.generalCategory == .format
            || properties.generalCategory == .control
        {
            return .invisibleCharacter(scalar)
        }
        if labelSeparators.contains(scalar) { return nil }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber:
            return nil
        default:
            return .forbiddenCharacter(scalar)
        }
    }

    /// DNS shape of an ASCII domain: LDH labels of 1...63 octets, 253 in all, two labels or more,
    /// a top-level label that is not all digits (an IPv4 address is not a mail domain).
    static func checkShape(_ ascii: String) -> DomainNameProblem? {
        guard ascii.utf8.count <= 253 else { return .tooLong }
        let labels = ascii.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return .singleLabel }
        for label in labels {
            guard !label.isEmpty else { return .emptyLabel }
            guard label.utf8.count <= 63 else { return .labelTooLong(String(label)) }
            guard label.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }) else {
                return .forbiddenCharacter(label.unicodeScalars.first { !($0.isASCII && (Character($0).isLetter || Character($0).isNumber || $0 == "-")) } ?? "?")
            }
            guard !label.hasPrefix("-"), !label.hasSuffix("-") else { return .hyphenAtEdge(String(label)) }
        }
        if labels.last!.allSatisfy(\.isNumber) { return .numericTopLevel }
        return nil
    }
}

/// Why a domain cannot be used.
public enum DomainNameProblem: Error, Sendable, Equatable, CustomStringConvertible {
    case empty, tooLong, singleLabel, emptyLabel, numericTopLevel
    case labelTooLong(String)
    case hyphenAtEdge(String)
    case forbiddenCharacter(Unicode.Scalar)
    case invisibleCharacter(Unicode.Scalar)
    case idna(String)

    /// Whether the problem is a trick (an invisible character) rather than a plain mistake.
    public var isConfusion: Bool {
        if case .invisibleCharacter = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .empty: return "the domain is empty"
        case .tooLong: return "the domain is longer than 253 characters"
        case .singleLabel: return "the domain has a single label (no dot)"
        case .emptyLabel: return "the domain has an empty label (two dots in a row, or a leading dot)"
        case .numericTopLevel: return "the domain ends in a number (an IP address is not a mail domain)"
        case let .labelTooLong(label): return "the domain label '\(label.prefix(20))…' is longer than 63 characters"
        case let .hyphenAtEdge(label): return "the domain label '\(label)' starts or ends with a hyphen"
        case let .forbiddenCharacter(scalar): return "the domain contains \(DomainNameProblem.name(scalar)), which a host name may not hold"
        case let .invisibleCharacter(scalar): return "the domain contains the invisible character \(DomainNameProblem.name(scalar))"
        case let .idna(message): return "the domain is not a valid internationalized domain name (libidn2: \(message))"
        }
    }

    static func name(_ scalar: Unicode.Scalar) -> String {
        let code = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
        if scalar.isASCII, scalar.value >= 0x21, scalar.value < 0x7F { return "'\(Character(scalar))' (\(code))" }
        if let name = scalar.properties.name { return "\(code) \(name)" }
        return code
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
