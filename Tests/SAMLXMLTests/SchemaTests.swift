import Foundation
import SAMLXML
import Testing

@Suite("SAML schemas")
struct SchemaTests {
    @Test func absentSchemasAreOneClearError() {
        do {
            _ = try SAMLSchemas.load(opensaml: "/nonexistent/opensaml", xmltooling: "/nonexistent/xmltooling")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("opensaml-schemas and xmltooling-schemas"))
        }
    }

    @Test func validatesMetadataWhenInstalled() throws {
        guard let schemas = try? SAMLSchemas.load() else { print("skipped: opensaml-schemas/xmltooling-schemas not installed"); return }
        let valid = """
            <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.com">
              <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
                <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.com/sso"/>
              </md:IDPSSODescriptor>
            </md:EntityDescriptor>
            """
        #expect(schemas.validate(try XMLDocument.parse(Array(valid.utf8))).isEmpty)
        let invalid = valid.replacingOccurrences(of: "Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" ", with: "")
        let violations = schemas.validate(try XMLDocument.parse(Array(invalid.utf8)))
        #expect(violations.count == 1)
        #expect(violations.first?.line == 3)
        #expect(violations.first?.message.contains("Binding") == true)
    }
}
