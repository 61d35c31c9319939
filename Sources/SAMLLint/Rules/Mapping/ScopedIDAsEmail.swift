/// An email attribute carrying a scoped identifier (`8f1c…@university.edu`, a pairwise-id or
/// subject-id value), which has an `@` but is not a mailbox.
public struct ScopedIDAsEmail: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "mapping/scoped-id-as-email",
        title: "Scoped Id As Email",
        category: .mapping,
        severity: .error,
        rationale: """
            eduPersonPrincipalName, subject-id and pairwise-id are written `value@scope`. They look like \
            addresses, but the scope is a security domain, not a mail domain, and pairwise ids differ per \
            SP. Used as the email they bounce, and two people can collide.
            """,
        message: "attribute NAME promises the email but holds scoped identifiers",
        triggering: [
            Example(ExampleSAML.response(attributes: [.marked("mail", ["HTGW7DKZ4YHB2RN6QSXE5VPM3A@university.example.edu"])])),
            Example(ExampleSAML.response(attributes: [
                .init("urn:oasis:names:tc:SAML:attribute:pairwise-id", ["x7kq2mzp9vbc@example.edu"]),
                .marked("email", ["x7kq2mzp9vbc@example.edu"]),
            ])),
            Example(ExampleSAML.response(attributes: [
                .init("urn:oid:1.3.6.1.4.1.5923.1.1.1.6", ["jd4821@idm.example.edu"], friendlyName: "eduPersonPrincipalName"),
                .marked("urn:oid:0.9.2342.19200300.100.1.3", ["jd4821@idm.example.edu"], friendlyName: "mail"),
                .init("email", ["jane.doe@example.edu"]),
            ])),
        ],
        nonTriggering: [
            Example(ExampleSAML.response(nameID: "jdoe@example.edu", attributes: [
                .init("urn:oid:1.3.6.1.4.1.5923.1.1.1.6", ["jdoe@example.edu"], friendlyName: "eduPersonPrincipalName"),
                .init("urn:oid:0.9.2342.19200300.100.1.3", ["jdoe@example.edu"], friendlyName: "mail"),
            ])),
            Example(ExampleSAML.response(attributes: [.init("mail", ["jane.doe@university.example.edu"])])),
            Example(ExampleSAML.response(attributes: [
                .init("urn:oid:1.3.6.1.4.1.5923.1.1.1.6", ["jdoe@example.edu"], friendlyName: "eduPersonPrincipalName"),
                .init("mail", ["jdoe@example.edu"]),
            ])),
        ])

    /// Names of identifiers that are never mailboxes (ePPN is often equal to the mail on purpose).
    static let opaqueScoped = [
        "urn:oasis:names:tc:saml:attribute:pairwise-id", "urn:oasis:names:tc:saml:attribute:subject-id",
        "urn:oid:1.3.6.1.4.1.5923.1.1.1.13", "urn:mace:dir:attribute-def:edupersonuniqueid", "edupersonuniqueid",
        "pairwise-id", "subject-id",
    ]

    static let eppn = ["urn:oid:1.3.6.1.4.1.5923.1.1.1.6", "urn:mace:dir:attribute-def:edupersonprincipalname", "edupersonprincipalname"]

    public func check(_ message: SAMLMessage, context: LintContext, findings: inout FindingEmitter) {
        for assertion in message.assertions {
            let analysis = AssertionAnalysis.of(assertion, context: context)
            // Values of the opaque scoped-id attributes, and (below) of eduPersonPrincipalName, lowercased,
            // each with the first attribute that carries it. Names are lowercased once per attribute.
            // eduPersonPrincipalName is often the mail address on purpose; it counts only when a
            // different address is released in another email attribute.
            var opaqueValues: [String: String] = [:]
            var eppnValues: [String: String] = [:]
            for attribute in analysis.attributes {
                let name = attribute.name.lowercased(), friendlyName = (attribute.attribute.friendlyName ?? "").lowercased()
                if Self.opaqueScoped.contains(name) || Self.opaqueScoped.contains(friendlyName) {
                    for item in attribute.filled where opaqueValues[item.value.lowercased()] == nil { opaqueValues[item.value.lowercased()] = attribute.name }
                }
                if Self.eppn.contains(name) || Self.eppn.contains(friendlyName) {
                    for item in attribute.filled where eppnValues[item.value.lowercased()] == nil { eppnValues[item.value.lowercased()] = attribute.name }
                }
            }
            for attribute in analysis.attributes(for: .email) {
                let filled = attribute.filled
                guard !filled.isEmpty else { continue }
                var sources = opaqueValues
                let otherMail = analysis.attributes(for: .email).lazy.filter { $0.name != attribute.name }
                    .compactMap { $0.filled.first { $0.class.label == .email }?.value }.first
                if let other = otherMail, !filled.contains(where: { $0.value.lowercased() == other.lowercased() }) {
                    sources.merge(eppnValues) { first, _ in first }
                }
                let scoped = filled.filter { $0.class.label == .scopedID || sources[$0.value.lowercased()] != nil }
                guard Double(scoped.count) / Double(filled.count) >= analysis.minShare else { continue }
                var evidence = scoped.prefix(3).map { Evidence(value: $0.value, classifiedAs: "scopedID", confidence: $0.class.label == .scopedID ? $0.class.confidence : 0.95) }
                if let source = scoped.lazy.compactMap({ sources[$0.value.lowercased()] }).first {
                    evidence.append(Evidence(value: scoped[0].value, classifiedAs: "scopedID", confidence: 0.95, source: source))
                }
                findings.report(
                    "attribute '\(attribute.name)' promises the email but holds scoped identifiers (value@scope), not mailboxes",
                    at: attribute.attribute.element, attribute: attribute.name, field: "email", evidence: evidence,
                    fix: Fix("Release the mail attribute (urn:oid:0.9.2342.19200300.100.1.3) as '\(attribute.name)'; keep the scoped identifier for the user id."))
            }
        }
    }
}
