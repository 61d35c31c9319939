import Foundation
import SAMLXML

/// What the IdP metadata given with `--metadata` (or `idp.metadata`) says the assertions may be
/// checked against: the IdPs' entityIDs, signing certificates, NameID formats and endpoints.
public struct MetadataTrust: Sendable {
    public struct IdP: Sendable {
        public var entityID: String
        /// DER bytes of each signing certificate (`use="signing"` or no `use`).
        public var signingCertificates: [[UInt8]]
        public var nameIDFormats: [String]
        public var singleSignOnLocations: [String]
        /// The metadata file it came from.
        public var source: String
    }

    public var identityProviders: [IdP]
    /// Every AssertionConsumerService Location of every SPSSODescriptor in the metadata.
    public var assertionConsumerLocations: Set<String> = []

    public init(identityProviders: [IdP] = []) { self.identityProviders = identityProviders }

    public func idp(entityID: String) -> IdP? { identityProviders.first { $0.entityID == entityID } }

    /// Every signing certificate of every IdP.
    public var allSigningCertificates: [[UInt8]] { identityProviders.flatMap(\.signingCertificates) }

    /// Reads metadata files (EntityDescriptor or EntitiesDescriptor). Errors name the file.
    public static func load(paths: [String], limits: XMLParseLimits = XMLParseLimits(maxBytes: 512 * 1024 * 1024)) throws(ConfigurationError) -> MetadataTrust {
        var idps: [IdP] = []
        var acs = Set<String>()
        for path in paths {
            try forEachEntity(in: path, limits: limits) { entity in
                for sp in entity.spDescriptors { acs.formUnion(sp.assertionConsumerServices.compactMap { $0.location?.trimmed }) }
                for idp in entity.idpDescriptors {
                    let certificates = idp.keyDescriptors.filter(\.isUsableForSigning).flatMap(\.certificateElements)
                        .compactMap { Base64.decode(Array($0.textContent.utf8)) }.filter { !$0.isEmpty }
                    idps.append(
                        IdP(
                            entityID: entity.entityID ?? "", signingCertificates: certificates, nameIDFormats: idp.nameIDFormats,
                            singleSignOnLocations: idp.singleSignOnServices.compactMap(\.location), source: path))
                }
            }
        }
        var trust = MetadataTrust(identityProviders: idps)
        trust.assertionConsumerLocations = acs
        return trust
    }

    /// The EntityDescriptors of a metadata file; an aggregate is streamed entity by entity, so a
    /// federation aggregate does not have to fit in memory as one tree.
    static func forEachEntity(
        in path: String, limits: XMLParseLimits, _ body: (EntityDescriptor) -> Void
    ) throws(ConfigurationError) {
        if let handle = FileHandle(forReadingAtPath: path), let head = try? handle.read(upToCount: 64 * 1024),
            AggregateStream.isAggregate(prefix: head), let stream = AggregateStream(path: path)
        {
            try? handle.close()
            do {
                while let piece = try stream.next() {
                    guard piece.kind == .entityDescriptor else { continue }
                    let document = try XMLDocument.parse(piece.bytes, url: path, sourceMap: piece.sourceMap)
                    if let root = document.root { body(EntityDescriptor(root)) }
                }
            } catch {
                throw ConfigurationError(path: path, message: error.description, line: error.line)
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(path: path, message: "cannot read the metadata file", line: nil)
        }
        let document: XMLDocument
        do { document = try XMLDocument.parse([UInt8](data), url: path, limits: limits) } catch {
            throw ConfigurationError(path: path, message: error.description, line: error.line)
        }
        guard let message = try? SAMLMessage(document: document), message.kind.isMetadata else {
            throw ConfigurationError(path: path, message: "not SAML metadata (EntityDescriptor or EntitiesDescriptor)", line: nil)
        }
        message.entities.forEach(body)
    }
}
