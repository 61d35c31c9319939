import Yams
import SAMLXML

/// The algorithm policy of `rules/signature-algorithms.yml`. A class: several signature rules fetch
/// it for every message, and a struct of seven sets was copied (and released) each time.
public final class AlgorithmPolicy: Sendable {
    public let acceptedSignatureMethods: Set<String>
    public let deprecatedSignatureMethods: Set<String>
    public let hmacSignatureMethods: Set<String>
    public let acceptedDigests: Set<String>
    public let deprecatedDigests: Set<String>
    public let acceptedTransforms: Set<String>
    public let deprecatedKeyTransport: Set<String>
    /// key type (`rsa`, `dsa`, `ec`) -> (minimum, recommended) bits.
    public let keySizes: [String: (minimum: Int, recommended: Int)]
    /// Largest metadata file checked with its own KeyInfo certificate when no --metadata-trust is given.
    public let metadataSelfCheckMaxBytes: Int

    public static func from(_ data: RuleData) -> AlgorithmPolicy {
        data.cached("signature-algorithms") { data in AlgorithmPolicy(node: data.yaml("signature-algorithms.yml")) }
    }

    init(node: Yams.Node?) {
        func list(_ section: String, _ key: String) -> Set<String> {
            Set((node?.mapping?[section]?.mapping?[key]?.sequence ?? []).compactMap { $0.string })
        }
        acceptedSignatureMethods = list("signatureMethods", "accepted")
        deprecatedSignatureMethods = list("signatureMethods", "deprecated")
        hmacSignatureMethods = list("signatureMethods", "hmac")
        acceptedDigests = list("digestMethods", "accepted")
        deprecatedDigests = list("digestMethods", "deprecated")
        acceptedTransforms = list("transforms", "accepted")
        deprecatedKeyTransport = list("keyTransport", "deprecated")
        var sizes: [String: (Int, Int)] = [:]
        for (key, value) in node?.mapping?["keySizes"]?.mapping ?? [:] {
            guard let name = key.string, let map = value.mapping else { continue }
            sizes[name] = (map["minimum"]?.int ?? 0, map["recommended"]?.int ?? 0)
        }
        keySizes = sizes
        metadataSelfCheckMaxBytes = node?.mapping?["metadataSelfCheckMaxBytes"]?.int ?? 5 * 1024 * 1024
    }

    public func isHMAC(_ method: String?) -> Bool {
        guard let method else { return false }
        return hmacSignatureMethods.contains(method) || method.lowercased().containsFoundationEquivalent("hmac")
    }

    public func isSHA1(signatureMethod: String?) -> Bool { signatureMethod.map(deprecatedSignatureMethods.contains) ?? false }
    public func isSHA1(digest: String?) -> Bool { digest.map(deprecatedDigests.contains) ?? false }
}
