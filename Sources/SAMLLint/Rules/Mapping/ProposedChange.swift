import Foundation

/// The configured mapping disagrees with what the messages show: propose the corrected field.
public struct ProposedChange: BatchRule {
    public init() {}
    static let surname = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname"
    static let emailClaim = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"
    static func login(_ given: String, _ family: String, swapped: Bool) -> String {
        let email = "\(given.lowercased()).\(family.lowercased())@contoso.example"
        return ExampleSAML.response(
            issuer: "https://sts.windows.net/8f0e2c1d-3b4a-4c5d-9e6f-7a8b9c0d1e2f/", nameID: "_\(given)\(family)",
            nameIDFormat: ExampleSAML.persistentFormat,
            attributes: [
                .init(emailClaim, [swapped ? family : email]), .init(surname, [swapped ? email : family]),
                .init("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname", [given]),
            ])
    }
    static let configuration = """
        mapping:
          email: http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress
          lastName: http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname
        """
    public static let description = RuleDescription(
        id: "mapping/proposed-change",
        title: "Proposed Mapping Change",
        category: .mapping,
        severity: .warning,
        rationale: """
            The mapping in `.samllint.yml` says which attribute feeds each profile field. When the \
            messages of the connection show, with high confidence, that another attribute carries the \
            field (its values are emails, family names, ids...), samllint proposes the corrected \
            mapping line, with the evidence and, when the IdP vendor is recognised, where its admin \
            changes the claim. Inference scores every attribute against every field by name and by \
            values over all messages and solves the assignment exactly.
            """,
        message: "the configured FIELD attribute does not carry it; the messages say ATTRIBUTE does",
        triggering: [
            Example(ExampleSAML.batch([login("Jane", "Doe", swapped: true), login("Amelie", "Durand", swapped: true), login("Kenji", "Tanaka", swapped: true)]), configuration: configuration),
        ],
        nonTriggering: [
            Example(ExampleSAML.batch([login("Jane", "Doe", swapped: false), login("Amelie", "Durand", swapped: false)]), configuration: configuration),
            Example(ExampleSAML.batch([login("Jane", "Doe", swapped: true), login("Amelie", "Durand", swapped: true)])),
        ])

    public func check(batch: MessageBatch, context: LintContext, findings: inout BatchFindingEmitter) {
        let configured = context.configuration.mapping
        guard !configured.isEmpty else { return }
        let inference = MappingInference(context: context)
        let vendors = VendorDetector.shared(context.ruleData)
        for (connection, messages) in batch.byConnection {
            let inferred = inference.infer(messages.map(InferenceSample.init))
            let names = Array(Set(messages.flatMap { $0.attributes.map(\.name) })).sorted()
            let vendor = vendors.detect(issuer: messages.first?.issuer, attributeNames: names)
            for decision in inferred.decisions where decision.isDecided && decision.confidence >= inference.settings.proposeMinConfidence {
                guard let names = configured[decision.field], let proposed = decision.attribute else { continue }
                guard !names.contains(where: { $0.caseInsensitiveCompare(proposed) == .orderedSame }) else { continue }
                let current = names.first ?? ""
                let place = messages.lazy.compactMap { $0.attributes.first { $0.name.caseInsensitiveCompare(current) == .orderedSame }?.place }.first
                let first = messages[0]
                let line = "mapping: { \(decision.field): \"\(proposed)\" }"
                findings.report(
                    "the configured \(decision.field) attribute '\(current)' does not carry it in \(connection); the messages say '\(proposed)' does (confidence \(String(format: "%.2f", decision.confidence)))",
                    in: first, at: place, attribute: current, field: decision.field,
                    evidence: decision.evidence.map { Evidence(value: $0, classifiedAs: "inference") },
                    fix: Fix(
                        "Map \(decision.field) to '\(proposed)' (or fix the claim at the IdP so '\(current)' carries the \(decision.field)).",
                        mapping: [decision.field: proposed], configuration: line,
                        adminStep: vendor.map { $0.step(attribute: current, field: decision.field) }))
            }
        }
    }
}
