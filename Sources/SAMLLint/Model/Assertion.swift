import Foundation
import SAMLXML

/// A typed view over a `saml:Assertion` element. Each property reads the tree, but for its
/// attributes, which are read once and kept (every mapping rule reads them).
public struct Assertion: Sendable {
    public let element: XMLNode
    let memo = AssertionMemo()

    public init(_ element: XMLNode) { self.element = element }

    public var id: String? { element.attribute("ID") }
    public var issueInstant: String? { element.attribute("IssueInstant") }
    public var issuer: String? {
        element.firstChild("Issuer", namespace: XMLNamespaces.assertion).map { $0.textContent.trimmed }
    }
    public var issuerElement: XMLNode? { element.firstChild("Issuer", namespace: XMLNamespaces.assertion) }

    public var subject: XMLNode? { element.firstChild("Subject", namespace: XMLNamespaces.assertion) }

    public var nameID: NameID? {
        guard let subject, let node = subject.firstChild("NameID", namespace: XMLNamespaces.assertion) else {
            return nil
        }
        return NameID(node)
    }

    /// Whether the subject identifier is encrypted (EncryptedID) rather than absent.
    public var hasEncryptedID: Bool {
        subject?.firstChild("EncryptedID", namespace: XMLNamespaces.assertion) != nil
    }

    public var subjectConfirmations: [SubjectConfirmation] {
        (subject?.children("SubjectConfirmation", namespace: XMLNamespaces.assertion) ?? []).map(SubjectConfirmation.init)
    }

    public var conditions: Conditions? {
        element.firstChild("Conditions", namespace: XMLNamespaces.assertion).map(Conditions.init)
    }

    public var authnStatements: [XMLNode] { element.children("AuthnStatement", namespace: XMLNamespaces.assertion) }

    public var attributeStatements: [XMLNode] {
        element.children("AttributeStatement", namespace: XMLNamespaces.assertion)
    }

    /// Every Attribute of every AttributeStatement, in document order.
    public var attributes: [Attribute] {
        if let known = memo.attributes { return known }
        let attributes = attributeStatements.flatMap { $0.children("Attribute", namespace: XMLNamespaces.assertion) }.map(Attribute.init)
        memo.attributes = attributes
        return attributes
    }

    /// Encrypted attributes, which cannot be read without the SP key.
    public var encryptedAttributes: [XMLNode] {
        attributeStatements.flatMap { $0.children("EncryptedAttribute", namespace: XMLNamespaces.assertion) }
    }

    public var signature: XMLNode? { element.firstChild("Signature", namespace: XMLNamespaces.dsig) }
}

/// What an `Assertion` keeps once read. A message is linted on one thread, so no lock is needed.
final class AssertionMemo: @unchecked Sendable {
    var attributes: [Attribute]?
    /// The mapping rules' analysis, and what it was made under.
    var analysis: (key: AnalysisKey, analysis: AssertionAnalysis)?
}

/// `saml:NameID`.
public struct NameID: Sendable {
    public let element: XMLNode
    public init(_ element: XMLNode) { self.element = element }

    public var value: String { element.textContent }
    public var format: String? { element.attribute("Format") }
    public var nameQualifier: String? { element.attribute("NameQualifier") }
    public var spNameQualifier: String? { element.attribute("SPNameQualifier") }

    public enum Format: String, Sendable {
        case emailAddress = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"
        case unspecified = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified"
        case persistent = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"
        case transient = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient"
        case entity = "urn:oasis:names:tc:SAML:2.0:nameid-format:entity"
        case x509Subject = "urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName"
        case windowsDomain = "urn:oasis:names:tc:SAML:1.1:nameid-format:WindowsDomainQualifiedName"
        case kerberos = "urn:oasis:names:tc:SAML:2.0:nameid-format:kerberos"
        case encrypted = "urn:oasis:names:tc:SAML:2.0:nameid-format:encrypted"
    }

    public var knownFormat: Format? {
        guard let format else { return nil }
        if let known = Format(rawValue: format) { return known }
        // Some IdPs write the 2.0 prefix for the 1.1 formats.
        if format.hasSuffix(":emailAddress") { return .emailAddress }
        if format.hasSuffix(":unspecified") { return .unspecified }
        return nil
    }
}

/// `saml:SubjectConfirmation` and its data.
public struct SubjectConfirmation: Sendable {
    public let element: XMLNode
    public init(_ element: XMLNode) { self.element = element }

    public var method: String? { element.attribute("Method") }
    public var data: XMLNode? { element.firstChild("SubjectConfirmationData", namespace: XMLNamespaces.assertion) }
    public var recipient: String? { data?.attribute("Recipient") }
    public var notOnOrAfter: String? { data?.attribute("NotOnOrAfter") }
    public var notBefore: String? { data?.attribute("NotBefore") }
    public var inResponseTo: String? { data?.attribute("InResponseTo") }
}

/// `saml:Conditions`.
public struct Conditions: Sendable {
    public let element: XMLNode
    public init(_ element: XMLNode) { self.element = element }

    public var notBefore: String? { element.attribute("NotBefore") }
    public var notOnOrAfter: String? { element.attribute("NotOnOrAfter") }
    public var audiences: [String] {
        element.children("AudienceRestriction", namespace: XMLNamespaces.assertion)
            .flatMap { $0.children("Audience", namespace: XMLNamespaces.assertion) }
            .map { $0.textContent.trimmed }
    }
    public var hasAudienceRestriction: Bool {
        element.firstChild("AudienceRestriction", namespace: XMLNamespaces.assertion) != nil
    }
}

extension String {
    /// Without leading and trailing whitespace and newlines.
    /// (Pure Swift: Foundation's trimming bridges through NSString and showed up in profiles.)
    public var trimmed: String {
        // Most values start and end with an ASCII letter or digit: nothing to look up.
        if let head = utf8.first, let tail = utf8.last, head < 0x80, tail < 0x80,
            head != 0x20, tail != 0x20, !(0x09...0x0D).contains(head), !(0x09...0x0D).contains(tail)
        {
            return self
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[first...last])
    }
}
