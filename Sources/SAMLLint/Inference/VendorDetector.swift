import Foundation
import Yams

/// Recognises the IdP vendor of a connection from its Issuer and attribute naming style
/// (`rules/vendors.yml`), and says where in that vendor's admin UI a claim is fixed.
public struct VendorDetector: Sendable {
    public struct Vendor: Sendable, Equatable, Codable {
        public var id: String
        public var name: String
        public var issuerPatterns: [String]
        public var namePatterns: [String]
        public var steps: String
    }

    /// A recognised vendor with the evidence for it.
    public struct Match: Sendable, Equatable, Codable {
        public var vendor: Vendor
        public var evidence: String

        /// The admin step for one attribute and field.
        public func step(attribute: String, field: String) -> String {
            vendor.steps.replacingOccurrences(of: "{attribute}", with: attribute).replacingOccurrences(of: "{field}", with: field)
        }
    }

    public let vendors: [Vendor]

    public static func shared(_ data: RuleData) -> VendorDetector {
        data.cached("vendors") { VendorDetector(yaml: $0.yaml("vendors.yml")) }
    }

    init(yaml: Yams.Node?) {
        vendors = (yaml?.mapping?["vendors"]?.sequence ?? []).compactMap { node in
            guard let map = node.mapping, let id = map["id"]?.string, let name = map["name"]?.string else { return nil }
            return Vendor(
                id: id, name: name, issuerPatterns: map["issuer"]?.sequence?.compactMap(\.string) ?? [],
                namePatterns: map["names"]?.sequence?.compactMap(\.string) ?? [], steps: map["steps"]?.string ?? "")
        }
    }

    /// The vendor of a connection, by Issuer first, then by the share of attribute Names in its style.
    public func detect(issuer: String?, attributeNames: [String]) -> Match? {
        let lowerIssuer = issuer?.lowercased() ?? ""
        for vendor in vendors {
            if let pattern = vendor.issuerPatterns.first(where: { lowerIssuer.contains($0.lowercased()) }) {
                return Match(vendor: vendor, evidence: "the Issuer '\(issuer ?? "")' contains '\(pattern)'")
            }
        }
        guard !attributeNames.isEmpty else { return nil }
        var best: (Vendor, Int)?
        for vendor in vendors where !vendor.namePatterns.isEmpty {
            let hits = attributeNames.filter { name in vendor.namePatterns.contains { Self.matches(name, $0) } }.count
            if hits * 2 >= attributeNames.count, hits > (best?.1 ?? 0) { best = (vendor, hits) }
        }
        guard let (vendor, hits) = best else { return nil }
        return Match(vendor: vendor, evidence: "\(hits) of \(attributeNames.count) attribute names follow \(vendor.name)'s naming")
    }

    static func matches(_ name: String, _ pattern: String) -> Bool {
        if pattern.hasSuffix("*") { return name.lowercased().hasPrefix(pattern.dropLast().lowercased()) }
        return name.caseInsensitiveCompare(pattern) == .orderedSame
    }
}
