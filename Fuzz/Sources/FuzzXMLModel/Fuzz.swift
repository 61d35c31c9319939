import SAMLLint
import SAMLXML

/// Secure parsing into the SAML model, and every typed view over it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXMLModel(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let document = try? XMLDocument.parse(bytes, limits: XMLParseLimits(maxBytes: 1 << 20)),
        let message = try? SAMLMessage(document: document)
    else { return 0 }
    _ = message.issuer
    for assertion in message.assertions {
        _ = (assertion.id, assertion.issuer, assertion.nameID?.value, assertion.nameID?.format, assertion.conditions?.audiences)
        for confirmation in assertion.subjectConfirmations { _ = (confirmation.recipient, confirmation.notOnOrAfter) }
        for attribute in assertion.attributes {
            _ = (attribute.name, attribute.friendlyName, attribute.values, attribute.element.readablePath, attribute.element.position)
            for value in attribute.valueElements { _ = (value.isNil, value.xsiType, value.element.containsCommentOrPI) }
        }
    }
    for entity in message.entities {
        for role in entity.roleDescriptors {
            _ = (role.keyDescriptors.map(\.certificatesBase64), role.singleSignOnServices.map(\.location), role.nameIDFormats)
        }
    }
    return 0
}
