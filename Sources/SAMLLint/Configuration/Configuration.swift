import Foundation
import Yams

/// `.samllint.yml`: which rules run at which severity, the connection's attribute mapping, the
/// organization's domain policy, the SP's own settings and input limits. Every field is optional.
public struct Configuration: Sendable, Equatable {
    /// Built-in ruleset to start from: `recommended` (default) or `strict`.
    public var ruleset: String?
    /// Per-rule severity (`error|warning|info|off`), keyed by rule id.
    public var rules: [String: ConfiguredSeverity] = [:]
    /// The lowest severity that makes the run fail (exit 1).
    public var failOn: Severity?
    /// Normalized field -> attribute names, first present wins.
    public var mapping: [String: [String]] = [:]
    public var organization: Organization?
    public var sp: ServiceProvider?
    public var idpMetadata: String?
    /// Trusted IdP signing certificates given inline (`idp.certificates`: base64 DER or PEM).
    public var idpCertificates: [String] = []
    /// The SP private key for EncryptedAssertion (`sp.privateKey`: a PEM text or a file path).
    public var spPrivateKey: String?
    public var maxBytes: Int?
    public var maxDepth: Int?
    public var include: [String] = []
    public var exclude: [String] = []
    /// The file the configuration was read from, if any.
    public var sourcePath: String?

    public init() {}

    public struct Organization: Sendable, Equatable {
        public var domains: [String] = []
        public var allowProfilesOutsideOrganization = false
        /// `exact` (default) or `allow`.
        public var allowSubdomains = false
        public init(domains: [String] = [], allowProfilesOutsideOrganization: Bool = false, allowSubdomains: Bool = false) {
            self.domains = domains
            self.allowProfilesOutsideOrganization = allowProfilesOutsideOrganization
            self.allowSubdomains = allowSubdomains
        }
    }

    public struct ServiceProvider: Sendable, Equatable {
        public var entityID: String?
        public var acsURLs: [String] = []
        /// Allowed clock skew in seconds (default 180).
        public var clockSkew: Double = 180
        public init() {}
    }
}

/// A configuration that could not be used. Exit code 2.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let message: String
    public let line: Int?
    public var description: String {
        if let line { return "\(path):\(line): invalid configuration: \(message)" }
        return "\(path): invalid configuration: \(message)"
    }
}

extension Configuration {
    static let topLevelKeys: Set<String> = [
        "ruleset", "extends", "rules", "failOn", "fail-on", "mapping", "organization", "sp", "idp", "limits",
        "include", "exclude",
    ]

    /// Parses YAML text. Unknown keys and wrong types are errors, so a typo cannot silently
    /// switch a policy off.
    public static func parse(yaml text: String, path: String = ".samllint.yml") throws(ConfigurationError) -> Configuration {
        let node: Yams.Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ConfigurationError(path: path, message: "\(error)".split(separator: "\n").first.map(String.init) ?? "YAML error", line: nil)
        } catch {
            throw ConfigurationError(path: path, message: "\(error)", line: nil)
        }
        var configuration = Configuration()
        configuration.sourcePath = path
        guard let node else { return configuration }
        guard let top = node.mapping else { throw ConfigurationError(path: path, message: "expected a mapping at the top level", line: node.mark?.line) }
        let reader = YAMLReader(path: path)
        for (keyNode, value) in top {
            let key = keyNode.string ?? ""
            guard topLevelKeys.contains(key) else {
                throw ConfigurationError(path: path, message: "unknown key '\(key)' (known: \(topLevelKeys.sorted().joined(separator: ", ")))", line: keyNode.mark?.line)
            }
            switch key {
            case "ruleset", "extends":
                configuration.ruleset = try reader.string(value, key)
            case "rules":
                for (ruleKey, setting) in try reader.mapping(value, key) {
                    let id = ruleKey.string ?? ""
                    let text: String
                    if let map = setting.mapping, let severity = map["severity"] {
                        text = try reader.string(severity, "rules.\(id).severity")
                    } else if let bool = setting.bool, !bool {
                        text = "off"
                    } else {
                        text = try reader.string(setting, "rules.\(id)")
                    }
                    guard let parsed = ConfiguredSeverity(text) else {
                        throw ConfigurationError(path: path, message: "rules.\(id): '\(text)' is not error, warning, info or off", line: setting.mark?.line)
                    }
                    configuration.rules[id] = parsed
                }
            case "failOn", "fail-on":
                let text = try reader.string(value, key)
                guard let severity = Severity(rawValue: text) else {
                    throw ConfigurationError(path: path, message: "\(key): '\(text)' is not error, warning or info", line: value.mark?.line)
                }
                configuration.failOn = severity
            case "mapping":
                for (fieldKey, names) in try reader.mapping(value, key) {
                    configuration.mapping[fieldKey.string ?? ""] = try reader.strings(names, "mapping.\(fieldKey.string ?? "")")
                }
            case "organization":
                var organization = Organization()
                for (k, v) in try reader.mapping(value, key) {
                    switch k.string ?? "" {
                    case "domains": organization.domains = try reader.strings(v, "organization.domains")
                    case "allowProfilesOutsideOrganization", "allow-profiles-outside-organization":
                        organization.allowProfilesOutsideOrganization = try reader.bool(v, "organization.allowProfilesOutsideOrganization")
                    case "subdomains":
                        let text = try reader.string(v, "organization.subdomains")
                        guard text == "exact" || text == "allow" else {
                            throw ConfigurationError(path: path, message: "organization.subdomains: '\(text)' is not exact or allow", line: v.mark?.line)
                        }
                        organization.allowSubdomains = text == "allow"
                    default:
                        throw ConfigurationError(path: path, message: "unknown key 'organization.\(k.string ?? "")'", line: k.mark?.line)
                    }
                }
                configuration.organization = organization
            case "sp":
                var sp = ServiceProvider()
                for (k, v) in try reader.mapping(value, key) {
                    switch k.string ?? "" {
                    case "entityID", "entityId": sp.entityID = try reader.string(v, "sp.entityID")
                    case "privateKey": configuration.spPrivateKey = try reader.string(v, "sp.privateKey")
                    case "acsURLs", "acsUrls", "acs": sp.acsURLs = try reader.strings(v, "sp.acsURLs")
                    case "clockSkew":
                        guard let seconds = v.float ?? v.int.map(Double.init) else {
                            throw ConfigurationError(path: path, message: "sp.clockSkew: expected seconds", line: v.mark?.line)
                        }
                        sp.clockSkew = seconds
                    default:
                        throw ConfigurationError(path: path, message: "unknown key 'sp.\(k.string ?? "")'", line: k.mark?.line)
                    }
                }
                configuration.sp = sp
            case "idp":
                for (k, v) in try reader.mapping(value, key) {
                    if k.string == "certificates" || k.string == "certificate" {
                        configuration.idpCertificates = try reader.strings(v, "idp.certificates")
                        continue
                    }
                    guard k.string == "metadata" else {
                        throw ConfigurationError(path: path, message: "unknown key 'idp.\(k.string ?? "")'", line: k.mark?.line)
                    }
                    configuration.idpMetadata = try reader.string(v, "idp.metadata")
                }
            case "limits":
                for (k, v) in try reader.mapping(value, key) {
                    switch k.string ?? "" {
                    case "maxBytes": configuration.maxBytes = try reader.int(v, "limits.maxBytes")
                    case "maxDepth": configuration.maxDepth = try reader.int(v, "limits.maxDepth")
                    default:
                        throw ConfigurationError(path: path, message: "unknown key 'limits.\(k.string ?? "")'", line: k.mark?.line)
                    }
                }
            case "include": configuration.include = try reader.strings(value, key)
            case "exclude": configuration.exclude = try reader.strings(value, key)
            default: break
            }
        }
        return configuration
    }

    /// Reads a configuration file.
    public static func load(path: String) throws(ConfigurationError) -> Configuration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(path: path, message: "cannot read the file", line: nil)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(path: path, message: "not UTF-8 text", line: nil)
        }
        return try parse(yaml: text, path: path)
    }

    /// Looks for `.samllint.yml` (or `.samllint.yaml`) in `directory` and its parents.
    public static func discover(from directory: String) -> String? {
        // Plain path strings and access(2): URL and FileManager cost more than linting a small file.
        // The working directory is already absolute and clean; anything else is standardized.
        let clean = directory.hasPrefix("/") && !directory.containsASCII("/.") && !directory.containsASCII("//")
        var folder = clean ? directory : URL(fileURLWithPath: directory).standardizedFileURL.path
        while true {
            for name in [".samllint.yml", ".samllint.yaml"] {
                let candidate = folder.hasSuffix("/") ? folder + name : folder + "/" + name
                if access(candidate, F_OK) == 0 { return candidate }
            }
            guard folder != "/", let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) else { return nil }
            folder = slash == folder.utf8.startIndex ? "/" : String(folder[..<slash])
        }
    }

    /// The severity a rule runs at, or nil when it is off.
    public func severity(for description: RuleDescription, ruleData: RuleData) -> Severity? {
        if let configured = rules[description.id] {
            switch configured {
            case .off: return nil
            case let .level(level): return level
            }
        }
        if let ruleset = ruleData.ruleset(named: ruleset ?? "recommended"), let configured = ruleset[description.id] {
            switch configured {
            case .off: return nil
            case let .level(level): return level
            }
        }
        return description.defaultSeverity
    }
}

/// Typed access to Yams nodes with errors that name the key and line.
struct YAMLReader {
    let path: String

    func fail(_ key: String, _ expected: String, _ node: Yams.Node) -> ConfigurationError {
        ConfigurationError(path: path, message: "\(key): expected \(expected)", line: node.mark?.line)
    }

    func string(_ node: Yams.Node, _ key: String) throws(ConfigurationError) -> String {
        guard let scalar = node.scalar else { throw fail(key, "a string", node) }
        return scalar.string
    }

    func strings(_ node: Yams.Node, _ key: String) throws(ConfigurationError) -> [String] {
        if let scalar = node.scalar { return [scalar.string] }
        guard let sequence = node.sequence else { throw fail(key, "a string or a list of strings", node) }
        var result: [String] = []
        for item in sequence {
            guard let scalar = item.scalar else { throw fail(key, "a list of strings", item) }
            result.append(scalar.string)
        }
        return result
    }

    func bool(_ node: Yams.Node, _ key: String) throws(ConfigurationError) -> Bool {
        guard let value = node.bool else { throw fail(key, "true or false", node) }
        return value
    }

    func int(_ node: Yams.Node, _ key: String) throws(ConfigurationError) -> Int {
        guard let value = node.int else { throw fail(key, "an integer", node) }
        return value
    }

    func mapping(_ node: Yams.Node, _ key: String) throws(ConfigurationError) -> [(Yams.Node, Yams.Node)] {
        guard let mapping = node.mapping else { throw fail(key, "a mapping", node) }
        return mapping.map { ($0.key, $0.value) }
    }
}
