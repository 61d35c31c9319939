import Foundation

/// The Public Suffix List, read from Debian's `publicsuffix` package at run time (never embedded):
/// lazily, once per process, on first use. Rules are kept in ASCII form (IDN rules converted with
/// libidn2), with the list's wildcard (`*.ck`) and exception (`!www.ck`) rules.
public struct PublicSuffixList: Sendable {
    /// Where Debian's `publicsuffix` package installs the list.
    public static let defaultPath = "/usr/share/publicsuffix/public_suffix_list.dat"
    /// The list is about 250 KB; refuse anything absurdly larger.
    static let maxBytes = 16 * 1024 * 1024

    private let rules: Set<String>
    private let wildcards: Set<String>
    private let exceptions: Set<String>

    /// The system list, loaded on first use; nil (with `loadError` set) when it cannot be read.
    public static let shared: PublicSuffixList? = try? load(path: defaultPath)

    /// Why `shared` is nil, in one line.
    public static var loadError: String? {
        guard shared == nil else { return nil }
        return "public suffix list not found at \(defaultPath) (install Debian's 'publicsuffix' package): "
            + "organization domains were not checked against it"
    }

    public static func load(path: String) throws -> PublicSuffixList {
        let url = URL(fileURLWithPath: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: url.resolvingSymlinksInPath().path)
        if let size = attributes[.size] as? Int, size > maxBytes { throw CocoaError(.fileReadTooLarge) }
        let data = try Data(contentsOf: url)
        guard let text = String(data: data, encoding: .utf8) else { throw CocoaError(.fileReadInapplicableStringEncoding) }
        return PublicSuffixList(text: text)
    }

    /// Parses the list's text format: one rule per line, `//` comments, blank lines.
    public init(text: String) {
        var rules = Set<String>()
        var wildcards = Set<String>()
        var exceptions = Set<String>()
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.prefix { !$0.isWhitespace }
            guard !line.isEmpty, !line.hasPrefix("//") else { continue }
            if line.hasPrefix("!") {
                if let ascii = Self.ascii(line.dropFirst()) { exceptions.insert(ascii) }
            } else if line.hasPrefix("*.") {
                if let ascii = Self.ascii(line.dropFirst(2)) { wildcards.insert(ascii) }
            } else if let ascii = Self.ascii(line) {
                rules.insert(ascii)
            }
        }
        self.rules = rules
        self.wildcards = wildcards
        self.exceptions = exceptions
    }

    private static func ascii(_ rule: Substring) -> String? {
        if rule.allSatisfy({ $0.isASCII }) { return rule.lowercased() }
        if case let .success(value) = IDNA.toASCII(String(rule)) { return value.lowercased() }
        return nil
    }

    public var count: Int { rules.count + wildcards.count + exceptions.count }

    /// Whether `asciiDomain` (lowercase, A-labels) is itself a public suffix: anyone can register
    /// names under it, so it cannot stand for one organization. A single label is always one.
    public func isPublicSuffix(_ asciiDomain: String) -> Bool {
        let domain = asciiDomain.hasSuffix(".") ? String(asciiDomain.dropLast()) : asciiDomain
        if exceptions.contains(domain) { return false }
        if rules.contains(domain) { return true }
        guard let dot = domain.firstIndex(of: ".") else { return true }
        return wildcards.contains(String(domain[domain.index(after: dot)...]))
    }

    /// The public suffix of `asciiDomain` plus one label (`example.co.uk` for `a.example.co.uk`),
    /// or nil when the domain is itself a public suffix.
    public func registrableDomain(_ asciiDomain: String) -> String? {
        let labels = asciiDomain.split(separator: ".")
        guard labels.count >= 2, !isPublicSuffix(asciiDomain) else { return nil }
        for start in 1..<labels.count {
            let candidate = labels[start...].joined(separator: ".")
            if isPublicSuffix(candidate) {
                return labels[(start - 1)...].joined(separator: ".")
            }
        }
        return nil
    }
}
