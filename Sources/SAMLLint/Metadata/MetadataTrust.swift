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
            for entity in message.entities {
                for sp in entity.spDescriptors { acs.formUnion(sp.assertionConsumerServices.compactMap { $0.location?.trimmed }) }
                for idp in entity.idpDescriptors {
                    let certificates = idp.keyDescriptors.filter(\.isUsableForSigning).flatMap(\.certificatesBase64)
                        .compactMap { Data(base64Encoded: $0).map { [UInt8]($0) } }
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
}
