import Foundation

/// Builds small, complete SAML documents for rule examples, so an example states only what it is
/// about. `↓` markers may be placed inside the strings given.
public enum ExampleSAML {
    /// One attribute: its Name, values, and optional FriendlyName / NameFormat.
    public struct Attr: Sendable {
        public var name: String
        public var values: [String]
        public var friendlyName: String?
        public var nameFormat: String?
        public var marked: Bool

        public init(_ name: String, _ values: [String], friendlyName: String? = nil, nameFormat: String? = nil, marked: Bool = false) {
            self.name = name
            self.values = values
            self.friendlyName = friendlyName
            self.nameFormat = nameFormat
            self.marked = marked
        }

        /// The same attribute with a `↓` before its element.
        public static func marked(_ name: String, _ values: [String], friendlyName: String? = nil) -> Attr {
            Attr(name, values, friendlyName: friendlyName, marked: true)
        }
    }

    public static let emailFormat = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"
    public static let persistentFormat = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"
    public static let transientFormat = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient"

    /// A signed-looking but unsigned Response with one Assertion.
    public static func response(
        issuer: String = "https://idp.example.com/saml",
        nameID: String? = "jane.doe@example.com",
        nameIDFormat: String? = emailFormat,
        attributes: [Attr] = [],
        assertionExtra: String = "",
        responseExtra: String = "",
        nameIDMarked: Bool = false
    ) -> String {
        """
        <samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" \
        ID="_r1" Version="2.0" IssueInstant="2026-01-01T10:00:00Z" Destination="https://sp.example.com/acs">
          <saml:Issuer>\(issuer)</saml:Issuer>
          <samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>
        \(responseExtra)\(assertion(issuer: issuer, nameID: nameID, nameIDFormat: nameIDFormat, attributes: attributes, extra: assertionExtra, nameIDMarked: nameIDMarked))
        </samlp:Response>
        """
    }

    /// A bare Assertion.
    public static func assertion(
        id: String = "_a1",
        issuer: String = "https://idp.example.com/saml",
        nameID: String? = "jane.doe@example.com",
        nameIDFormat: String? = emailFormat,
        attributes: [Attr] = [],
        extra: String = "",
        nameIDMarked: Bool = false
    ) -> String {
        var subject = ""
        if let nameID {
            let format = nameIDFormat.map { " Format=\"\($0)\"" } ?? ""
            subject = """
                <saml:Subject>
                  \(nameIDMarked ? "↓" : "")<saml:NameID\(format)>\(nameID)</saml:NameID>
                  <saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">
                    <saml:SubjectConfirmationData NotOnOrAfter="2026-01-01T10:05:00Z" Recipient="https://sp.example.com/acs"/>
                  </saml:SubjectConfirmation>
                </saml:Subject>
            """
        }
        var statement = ""
        if !attributes.isEmpty {
            let body = attributes.map { attr -> String in
                let friendly = attr.friendlyName.map { " FriendlyName=\"\($0)\"" } ?? ""
                let format = attr.nameFormat.map { " NameFormat=\"\($0)\"" } ?? ""
                let values = attr.values.map { "<saml:AttributeValue>\($0)</saml:AttributeValue>" }.joined()
                return "      \(attr.marked ? "↓" : "")<saml:Attribute Name=\"\(attr.name)\"\(friendly)\(format)>\(values)</saml:Attribute>"
            }.joined(separator: "\n")
            statement = "\n    <saml:AttributeStatement>\n\(body)\n    </saml:AttributeStatement>"
        }
        return """
            <saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="\(id)" Version="2.0" IssueInstant="2026-01-01T10:00:00Z">
              <saml:Issuer>\(issuer)</saml:Issuer>
            \(subject)
              <saml:Conditions NotBefore="2026-01-01T09:59:00Z" NotOnOrAfter="2026-01-01T10:05:00Z">
                <saml:AudienceRestriction><saml:Audience>https://sp.example.com</saml:Audience></saml:AudienceRestriction>
              </saml:Conditions>
              <saml:AuthnStatement AuthnInstant="2026-01-01T10:00:00Z"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>\(statement)\(extra)
            </saml:Assertion>
            """
    }

    /// Several messages in one input (a form body with one `SAMLResponse=` line per message), for
    /// rules that compare the messages of a batch.
    public static func batch(_ messages: [String]) -> String {
        messages.map { xml in
            let base64 = base64Encode(Array(xml.replacingOccurrences(of: "↓", with: "").utf8))
            let escaped = base64.replacingOccurrences(of: "+", with: "%2B").replacingOccurrences(of: "/", with: "%2F")
                .replacingOccurrences(of: "=", with: "%3D")
            return "SAMLResponse=" + escaped
        }.joined(separator: "\n")
    }

    static func base64Encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
    }

    /// IdP metadata with one signing certificate (a placeholder certificate body unless given).
    public static func idpMetadata(
        entityID: String = "https://idp.example.com/saml",
        keyDescriptors: String? = nil,
        sso: String = #"<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.com/sso"/>"#,
        extra: String = ""
    ) -> String {
        let keys = keyDescriptors ?? """
                <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>MIIC</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
            """
        return """
            <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="\(entityID)">
              <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
            \(keys)
                <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>
                \(sso)
              </md:IDPSSODescriptor>\(extra)
            </md:EntityDescriptor>
            """
    }
}
