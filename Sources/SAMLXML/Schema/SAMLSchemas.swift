import CLibXMLSec
import Foundation

/// The OASIS SAML 2.0 schemas (assertion, protocol, metadata) with XML Signature and Encryption,
/// compiled once from where Debian's `opensaml-schemas` and `xmltooling-schemas` install them.
/// Never copied into the project. A compiled set is read-only and shared by all threads; each
/// validation uses its own context.
public final class SAMLSchemas: @unchecked Sendable {
    public static let defaultDirectories = (opensaml: "/usr/share/xml/opensaml", xmltooling: "/usr/share/xml/xmltooling")

    /// One schema violation, at a line of the validated document.
    public struct Violation: Sendable, Equatable {
        public var line: Int
        public var message: String
    }

    private let schema: xmlSchemaPtr

    private init(schema: xmlSchemaPtr) { self.schema = schema }
    deinit { xmlSchemaFree(schema) }

    /// Compiles the schemas; a clear one-line error when the packages are not installed.
    public static func load(
        opensaml: String = defaultDirectories.opensaml, xmltooling: String = defaultDirectories.xmltooling
    ) throws(SchemaLoadError) -> SAMLSchemas {
        LibXML.ensureInitialized()
        let files = [
            ("http://www.w3.org/XML/1998/namespace", "\(xmltooling)/xml.xsd"),
            ("http://www.w3.org/2000/09/xmldsig#", "\(xmltooling)/xmldsig-core-schema.xsd"),
            ("http://www.w3.org/2001/04/xmlenc#", "\(xmltooling)/xenc-schema.xsd"),
            ("urn:oasis:names:tc:SAML:2.0:assertion", "\(opensaml)/saml-schema-assertion-2.0.xsd"),
            ("urn:oasis:names:tc:SAML:2.0:metadata", "\(opensaml)/saml-schema-metadata-2.0.xsd"),
            ("urn:oasis:names:tc:SAML:2.0:protocol", "\(opensaml)/saml-schema-protocol-2.0.xsd"),
        ]
        let missing = files.map(\.1).filter { !FileManager.default.isReadableFile(atPath: $0) }
        if !missing.isEmpty {
            throw SchemaLoadError(
                "the SAML schemas are not installed (missing \(missing[0])); install Debian's opensaml-schemas and xmltooling-schemas")
        }
        // Local files are imported first, so the schemas' own http:// schemaLocations are skipped
        // as "already imported" and nothing is fetched.
        let imports = files.map { "<xs:import namespace=\"\($0.0)\" schemaLocation=\"\($0.1)\"/>" }.joined()
        let wrapper = "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\"urn:samllint:schemas\">\(imports)</xs:schema>"
        let bytes = Array(wrapper.utf8)
        let parser = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { xmlSchemaNewMemParserCtxt($0.baseAddress, Int32($0.count)) }
        }
        guard let parser else { throw SchemaLoadError("libxml2 could not create a schema parser") }
        defer { xmlSchemaFreeParserCtxt(parser) }
        xmlSchemaSetParserStructuredErrors(parser, { _, _ in }, nil)
        guard let schema = xmlSchemaParse(parser) else { throw SchemaLoadError("the SAML schemas in \(opensaml) do not compile") }
        return SAMLSchemas(schema: schema)
    }

    /// Validates a parsed document; at most `limit` violations, in document order. Lines are those
    /// of the original file when the document is a piece of a streamed aggregate.
    public func validate(_ document: XMLDocument, limit: Int = 5) -> [Violation] {
        guard let context = xmlSchemaNewValidCtxt(schema) else { return [] }
        defer { xmlSchemaFreeValidCtxt(context) }
        final class Box { var violations: [Violation] = []; var limit = 5 }
        let box = Box()
        box.limit = limit
        let unmanaged = Unmanaged.passRetained(box)
        defer { unmanaged.release() }
        xmlSchemaSetValidStructuredErrors(context, { userData, error in
            guard let userData, let error else { return }
            let box = Unmanaged<Box>.fromOpaque(userData).takeUnretainedValue()
            guard box.violations.count < box.limit else { return }
            var message = error.pointee.message.map { String(cString: $0) } ?? "schema violation"
            while message.last == "\n" || message.last == " " { message.removeLast() }
            box.violations.append(Violation(line: Int(max(1, error.pointee.line)), message: message))
        }, unmanaged.toOpaque())
        _ = xmlSchemaValidateDoc(context, document.doc)
        guard let map = document.sourceMap else { return box.violations }
        return box.violations.map { Violation(line: map.line + $0.line - 1, message: $0.message) }
    }
}

/// The schemas could not be loaded. One clear line.
public struct SchemaLoadError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
