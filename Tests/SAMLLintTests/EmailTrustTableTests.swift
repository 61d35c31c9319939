import Foundation
import SAMLLint
import Testing

/// Organization policies the table runs under, as `.samllint.yml` text.
enum EmailPolicy: String, Sendable, CaseIterable {
    case strict, relaxed, strictSubdomains, relaxedSubdomains, idn, punycode, publicSuffix, freeMail, twoDomains, none

    var yaml: String? {
        switch self {
        case .strict: return "organization:\n  domains: [example.com]\n"
        case .relaxed: return "organization:\n  domains: [example.com]\n  allowProfilesOutsideOrganization: true\n"
        case .strictSubdomains: return "organization:\n  domains: [example.com]\n  subdomains: allow\n"
        case .relaxedSubdomains:
            return "organization:\n  domains: [example.com]\n  subdomains: allow\n  allowProfilesOutsideOrganization: true\n"
        case .idn: return "organization:\n  domains: [bücher.de]\n"
        case .punycode: return "organization:\n  domains: [XN--BCHER-KVA.de.]\n  subdomains: allow\n"
        case .publicSuffix: return "organization:\n  domains: [co.uk]\n  subdomains: allow\n"
        case .freeMail: return "organization:\n  domains: [example.com, gmail.com]\n"
        case .twoDomains: return "organization:\n  domains: [example.com, Example.ORG]\n  allowProfilesOutsideOrganization: true\n"
        case .none: return nil
        }
    }
}

/// One row: an address, a policy, the verdict, and the rule that must report it (nil: none of the
/// verdict rules). `xml: false` for values an XML document cannot carry (control characters).
struct EmailTrustCase: CustomTestStringConvertible, Sendable {
    let email: String
    let policy: EmailPolicy
    let verdict: EmailTrustVerdict
    let rule: String?
    var xml = true
    var testDescription: String { "\(email.debugDescription) under \(policy.rawValue) -> \(verdict.rawValue)" }
}

private let outside = "email/outside-organization"
private let unverifiable = "email/unverifiable"
private let invalid = "email/invalid"
private let confusion = "email/parser-confusion"
private let lookalike = "email/lookalike-domain"
private let plus = "email/plus-addressing"
private let upn = "email/upn-as-email"

private func row(_ email: String, _ policy: EmailPolicy, _ verdict: EmailTrustVerdict, _ rule: String?, xml: Bool = true) -> EmailTrustCase {
    EmailTrustCase(email: email, policy: policy, verdict: verdict, rule: rule, xml: xml)
}

let emailTrustTable: [EmailTrustCase] = [
    // Plain matches and normalisation.
    row("jane@example.com", .strict, .verified, nil),
    row("Jane.Doe@EXAMPLE.COM", .strict, .verified, nil),
    row("  jane@example.com  ", .strict, .verified, nil),
    row("jane@example.com.", .strict, .verified, nil),
    row("jane@Example.Com.", .relaxed, .verified, nil),
    row("jane@ｅｘａｍｐｌｅ.com", .strict, .verified, nil),
    row("jane@example。com", .strict, .verified, nil),
    row("jane@example.com", .twoDomains, .verified, nil),
    row("jane@example.org", .twoDomains, .verified, nil),
    row("o'brien@example.com", .strict, .verified, nil),
    row("jane_doe-1@example.com", .strict, .verified, nil),
    row("józsef@example.com", .strict, .verified, nil),
    row("jane@example.com", .freeMail, .verified, nil),
    // IDN organization domain, compared in ASCII form.
    row("jane@bücher.de", .idn, .verified, nil),
    row("jane@BÜCHER.DE", .idn, .verified, nil),
    row("jane@xn--bcher-kva.de", .idn, .verified, nil),
    row("jane@bu\u{0308}cher.de", .idn, .verified, nil),
    row("jane@bucher.de", .idn, .outsideOrganization, outside),
    row("jane@bücher.de", .punycode, .verified, nil),
    row("jane@mail.bücher.de", .punycode, .verified, nil),
    row("jane@bücher.de", .strict, .outsideOrganization, outside),
    // Plus-addressing is information, not distrust.
    row("jane+sso@example.com", .strict, .verified, plus),
    row("jane+sso@gmail.com", .strict, .outsideOrganization, plus),
    row("jane+@example.com", .strict, .verified, plus),
    // Subdomains.
    row("jane@sub.example.com", .strict, .outsideOrganization, outside),
    row("jane@sub.example.com", .relaxed, .unverifiable, unverifiable),
    row("jane@sub.example.com", .strictSubdomains, .verified, nil),
    row("jane@a.b.example.com", .strictSubdomains, .verified, nil),
    row("jane@sub.example.com", .relaxedSubdomains, .verified, nil),
    row("jane@badexample.com", .strictSubdomains, .outsideOrganization, outside),
    row("jane@bad-example.com", .relaxedSubdomains, .unverifiable, unverifiable),
    row("jane@example.com.evil.com", .strict, .outsideOrganization, outside),
    row("jane@example.com.evil.com", .strictSubdomains, .outsideOrganization, outside),
    row("jane@example.com.evil.com", .relaxed, .unverifiable, unverifiable),
    row("jane@example.comevil.com", .strict, .outsideOrganization, outside),
    row("jane@evil-example.com", .strict, .outsideOrganization, outside),
    row("jane@example.co", .strict, .outsideOrganization, outside),
    row("jane@example.org", .strict, .outsideOrganization, outside),
    row("jane@gmail.com", .strict, .outsideOrganization, outside),
    row("jane@gmail.com", .relaxed, .unverifiable, unverifiable),
    row("jane@gmail.com", .freeMail, .outsideOrganization, outside),
    row("jane+x@googlemail.com", .freeMail, .outsideOrganization, outside),
    row("jane@other.com", .twoDomains, .unverifiable, unverifiable),
    // Public suffix in the organization list: never verifies.
    row("jane@acme.co.uk", .publicSuffix, .outsideOrganization, outside),
    row("jane@co.uk", .publicSuffix, .outsideOrganization, outside),
    // Look-alike domains: never verified.
    row("jane@exаmple.com", .strict, .outsideOrganization, lookalike),
    row("jane@exаmple.com", .relaxed, .unverifiable, lookalike),
    row("jane@exаmple.com", .strictSubdomains, .outsideOrganization, lookalike),
    row("jane@xn--exmple-4nf.com", .strict, .outsideOrganization, lookalike),
    row("jane@examp1e.com", .strict, .outsideOrganization, lookalike),
    row("jane@examp1e.com", .relaxed, .unverifiable, lookalike),
    row("jane@exampie.com", .strict, .outsideOrganization, outside),
    row("jane@ехаmрlе.com", .strict, .outsideOrganization, lookalike),
    row("jane@εxample.com", .strict, .outsideOrganization, lookalike),
    row("jane@exämple.com", .strict, .outsideOrganization, lookalike),
    row("jane@xn--exmple-cua.com", .relaxedSubdomains, .unverifiable, lookalike),
    row("jane@examp1e.com.evil.com", .strict, .outsideOrganization, outside),
    row("jane@mail.examp1e.com", .strictSubdomains, .outsideOrganization, lookalike),
    row("jane@3xample.com", .strict, .outsideOrganization, outside),
    row("jane@exarnple.com", .strict, .outsideOrganization, lookalike),
    row("jane@exampIe.com", .strict, .outsideOrganization, lookalike),
    row("jane@EXAMPIE.COM", .relaxed, .unverifiable, unverifiable),
    row("jane@examp1e.co", .strict, .outsideOrganization, outside),
    row("jane@exаmple.example.com", .strictSubdomains, .outsideOrganization, lookalike),
    row("jane@exаmple.example.com", .relaxedSubdomains, .unverifiable, lookalike),
    row("jane@bücher.de", .twoDomains, .unverifiable, unverifiable),
    // Parser confusion: invalid, whatever the domain seems to be.
    row("user@evil.com@example.com", .strict, .invalid, confusion),
    row("user@example.com@evil.com", .relaxed, .invalid, confusion),
    row("user@evil.com@example.com", .strictSubdomains, .invalid, confusion),
    row("\"user@evil.com\"@example.com", .strict, .invalid, confusion),
    row("\"user@evil.com\"@example.com", .relaxedSubdomains, .invalid, confusion),
    row("\"john doe\"@example.com", .strict, .invalid, confusion),
    row("\"\"@example.com", .strict, .invalid, confusion),
    row("user%example.com@evil.com", .strict, .invalid, confusion),
    row("user%evil.com@example.com", .strict, .invalid, confusion),
    row("user%evil.com@example.com", .relaxed, .invalid, confusion),
    row("evil.com!user@example.com", .strict, .invalid, confusion),
    row("user(comment)@example.com", .strict, .invalid, confusion),
    row("user@(comment)example.com", .strict, .invalid, confusion),
    row("user@example.com(evil.com)", .strict, .invalid, confusion),
    row("@evil.com,@relay.com:user@example.com", .strict, .invalid, confusion),
    row("@evil.com:user@example.com", .strictSubdomains, .invalid, confusion),
    row("Jane Doe <jane@example.com>", .strict, .invalid, confusion),
    row("<jane@example.com>", .strict, .invalid, confusion),
    row("jane@example.com <ceo@evil.com>", .strict, .invalid, confusion),
    row("mailto:jane@example.com", .strict, .invalid, confusion),
    row("jane@evil.com,ceo@example.com", .strict, .invalid, confusion),
    row("jane@evil.com;ceo@example.com", .strict, .invalid, confusion),
    row("user\\@evil.com@example.com", .strict, .invalid, confusion),
    row("user＠evil.com@example.com", .strict, .invalid, confusion),
    row("user﹫evil.com@example.com", .strict, .invalid, confusion),
    row("jane@exam\u{200B}ple.com", .strict, .invalid, confusion),
    row("jane@exam\u{00AD}ple.com", .strict, .invalid, confusion),
    row("ja\u{200D}ne@example.com", .strict, .invalid, confusion),
    row("jane@example.com\u{202E}moc.live", .strict, .invalid, confusion),
    row("jane@exam\u{0000}ple.com", .strict, .invalid, confusion, xml: false),
    row("jane@example.com\u{0007}", .strict, .invalid, confusion, xml: false),
    row("jane%40evil.com@example.com", .strict, .invalid, confusion),
    row("jane@example%2ecom", .strict, .invalid, confusion),
    // Plain syntax errors.
    row("jane.doe", .strict, .invalid, invalid),
    row("jane@", .strict, .invalid, invalid),
    row("@example.com", .strict, .invalid, invalid),
    row("jane@localhost", .strict, .invalid, invalid),
    row("jane@.example.com", .strict, .invalid, invalid),
    row("jane@example..com", .strict, .invalid, invalid),
    row("jane@example.com..", .strict, .invalid, invalid),
    row(".jane@example.com", .strict, .invalid, invalid),
    row("jane.@example.com", .strict, .invalid, invalid),
    row("ja..ne@example.com", .strict, .invalid, invalid),
    row("ja ne@example.com", .strict, .invalid, invalid),
    row("jane@exa mple.com", .strict, .invalid, invalid),
    row("jane@exa_mple.com", .strict, .invalid, invalid),
    row("jane@example.com/evil", .strict, .invalid, invalid),
    row("jane@-example.com", .strict, .invalid, invalid),
    row("jane@example-.com", .strict, .invalid, invalid),
    row("jane@[192.0.2.1]", .strict, .invalid, invalid),
    row("jane@192.0.2.1", .strict, .invalid, invalid),
    row("jane@xn--zz.com", .strict, .invalid, invalid),
    row(String(repeating: "a", count: 65) + "@example.com", .strict, .invalid, invalid),
    row("jane@" + String(repeating: "a", count: 64) + ".com", .strict, .invalid, invalid),
    row("ja[ne]@example.com", .strict, .invalid, invalid),
    row("jane@exa✓mple.com", .strict, .invalid, invalid),
    row("jane@example.com", .none, .notChecked, nil),
    row("jane@evil.com@example.com", .none, .invalid, nil),
    // Missing.
    row("", .strict, .missing, nil),
    row("   ", .relaxed, .missing, nil),
    // Guests and UPNs: judged by domain, flagged by email/upn-as-email.
    row("jane_gmail.com#EXT#@example.com", .strict, .verified, upn),
]

@Suite("Email trust table")
struct EmailTrustTableTests {
    @Test func tableIsLargeEnough() {
        #expect(emailTrustTable.count >= 80, "the table has \(emailTrustTable.count) rows")
    }

    @Test("verdict and rule per address and policy", arguments: emailTrustTable)
    func verdict(_ row: EmailTrustCase) throws {
        let configuration = try row.policy.yaml.map { try Configuration.parse(yaml: $0) } ?? Configuration()
        let context = LintContext(configuration: configuration, now: TestSupport.fixedNow)
        let evaluation = EmailTrustEvaluator(context: context).evaluate(row.email)
        #expect(evaluation.verdict == row.verdict, "reasons: \(evaluation.reasons)")
        guard row.xml else { return }
        let document = ExampleSAML.response(
            nameID: "u-1", nameIDFormat: ExampleSAML.persistentFormat,
            attributes: [ExampleSAML.Attr("email", [xmlEscaped(row.email)])])
        let report = try TestSupport.lint(document, configuration: row.policy.yaml)
        let profile = try #require(report.messages.first?.profile)
        // Without organization domains the profile carries no verdict (the summary says so once).
        #expect(profile.emailTrust?.verdict == (row.policy == .none ? nil : row.verdict.rawValue))
        let rules = Set(report.findings.map(\.ruleId).filter { $0.hasPrefix("email/") })
        if let rule = row.rule {
            #expect(rules.contains(rule), "rules fired: \(rules.sorted())")
        }
        let verdictRules: Set<String> = [outside, unverifiable, invalid, confusion]
        let expected: String? = switch row.verdict {
        case .outsideOrganization: outside
        case .unverifiable: unverifiable
        case .invalid: row.policy == .none ? nil : (rules.contains(confusion) ? confusion : invalid)
        default: nil
        }
        #expect(rules.intersection(verdictRules) == Set([expected].compactMap { $0 }), "rules fired: \(rules.sorted())")
    }

    /// The same rows carried by an emailAddress NameID instead of an attribute.
    @Test("verdict when the NameID carries the email", arguments: emailTrustTable.filter { $0.xml && $0.policy != .none })
    func nameIDCarrier(_ row: EmailTrustCase) throws {
        let document = ExampleSAML.response(nameID: xmlEscaped(row.email))
        let report = try TestSupport.lint(document, configuration: row.policy.yaml)
        let profile = try #require(report.messages.first?.profile)
        #expect(profile.emailTrust?.verdict == row.verdict.rawValue, "reasons: \(profile.emailTrust?.reasons ?? [])")
    }

    /// A trick in the email attribute is judged even when the NameID holds a good organization address.
    @Test("the email attribute is judged over a benign NameID", arguments: emailTrustTable.filter { $0.xml && $0.policy != .none && $0.verdict != .missing })
    func attributeOverNameID(_ row: EmailTrustCase) throws {
        let document = ExampleSAML.response(nameID: "jane@example.com", attributes: [ExampleSAML.Attr("mail", [xmlEscaped(row.email)])])
        let report = try TestSupport.lint(document, configuration: row.policy.yaml)
        let profile = try #require(report.messages.first?.profile)
        #expect(profile.emailTrust?.verdict == row.verdict.rawValue, "reasons: \(profile.emailTrust?.reasons ?? [])")
    }

    /// Look-alike and parser-confusion addresses, under every policy: never `verified`.
    @Test("tricks are never verified", arguments: emailTrustTable.filter { $0.rule == lookalike || $0.rule == confusion })
    func neverVerified(_ row: EmailTrustCase) throws {
        for policy in EmailPolicy.allCases {
            let configuration = try policy.yaml.map { try Configuration.parse(yaml: $0) } ?? Configuration()
            let verdict = EmailTrustEvaluator(context: LintContext(configuration: configuration)).evaluate(row.email).verdict
            #expect(verdict != .verified, "\(row.email) verified under \(policy.rawValue)")
        }
    }
}

func xmlEscaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;")
}
