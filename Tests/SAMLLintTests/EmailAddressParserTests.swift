import Foundation
import SAMLLint
import Testing

@Suite("Email address parser")
struct EmailAddressParserTests {
    @Test func parsesAndNormalizes() throws {
        let address = try EmailAddressParser.parse("  Jane.Doe+sso@EXAMPLE.com. ").get()
        #expect(address.localPart == "Jane.Doe+sso")
        #expect(address.domain.ascii == "example.com")
        #expect(address.normalized == "Jane.Doe+sso@example.com")
        #expect(address.comparisonKey == "jane.doe+sso@example.com")
        #expect(address.plusTag == "sso")
        #expect(address.original == "Jane.Doe+sso@EXAMPLE.com.")
    }

    @Test func localPartIsNFC() throws {
        let decomposed = try EmailAddressParser.parse("jo\u{0301}se@example.com").get()
        #expect(decomposed.localPart.unicodeScalars.count == 4)
        #expect(decomposed.comparisonKey == "jós\u{0065}@example.com".precomposedStringWithCanonicalMapping)
    }

    @Test(arguments: [
        ("a@b@example.com", EmailAddressProblem.Kind.multipleAt),
        ("\"a@b\"@example.com", .quotedLocalPartWithAt),
        ("\"a b\"@example.com", .quotedLocalPart),
        ("a%b.com@example.com", .percentRouting),
        ("b.com!a@example.com", .bangPath),
        ("a(x)@example.com", .comment),
        ("@r1,@r2:a@example.com", .sourceRoute),
        ("A <a@example.com>", .displayName),
        ("a＠b.com@example.com", .lookalikeAt),
        ("a\u{2060}@example.com", .invisibleCharacter),
        ("a\\@b@example.com", .backslash),
        ("a@example.com,b@example.com", .addressList),
        ("mailto:a@example.com", .colon),
    ])
    func parserConfusion(_ text: String, _ kind: EmailAddressProblem.Kind) {
        guard case let .failure(problem) = EmailAddressParser.parse(text) else {
            Issue.record("\(text) parsed")
            return
        }
        #expect(problem.kind == kind)
        #expect(problem.isParserConfusion)
    }

    @Test(arguments: [
        ("example.com", EmailAddressProblem.Kind.noAt),
        ("@example.com", .emptyLocalPart),
        ("a..b@example.com", .badDots),
        ("a b@example.com", .whitespace),
        ("a@[10.0.0.1]", .addressLiteral),
        ("a@[IPv6:2001:db8::1]", .addressLiteral),
        ("a@example", .badDomain),
        ("a@exa_mple.com", .badDomain),
        ("a[b]@example.com", .badLocalCharacter),
    ])
    func syntax(_ text: String, _ kind: EmailAddressProblem.Kind) {
        guard case let .failure(problem) = EmailAddressParser.parse(text) else {
            Issue.record("\(text) parsed")
            return
        }
        #expect(problem.kind == kind)
        #expect(!problem.isParserConfusion)
    }

    @Test func hostileInputIsBounded() {
        let huge = String(repeating: "a", count: 100_000) + "@example.com"
        guard case let .failure(problem) = EmailAddressParser.parse(huge) else {
            Issue.record("parsed")
            return
        }
        #expect(problem.kind == .tooLong)
        #expect(throws: Never.self) { _ = EmailAddressParser.parse(String(repeating: "@", count: 5000)) }
    }
}

@Suite("IDN and domains")
struct DomainNameTests {
    @Test func idnToASCIIThroughLibidn2() throws {
        #expect(try IDNA.toASCII("bücher.de").get() == "xn--bcher-kva.de")
        #expect(try IDNA.toASCII("BÜCHER.de").get() == "xn--bcher-kva.de")
        // UTS #46 non-transitional: ß stays ß.
        #expect(try IDNA.toASCII("faß.de").get() == "xn--fa-hia.de")
        #expect(IDNA.toUnicode("xn--bcher-kva.de") == "bücher.de")
        if case .success = IDNA.toASCII("xn--zz.com") { Issue.record("bad punycode accepted") }
    }

    @Test func normalizesCaseDotsAndWidth() throws {
        #expect(try DomainName.normalize("Example.COM.").get().ascii == "example.com")
        #expect(try DomainName.normalize("ｅｘａｍｐｌｅ．com").get().ascii == "example.com")
        #expect(try DomainName.normalize("ｅｘａｍｐｌｅ.com").get().wasMapped)
        #expect(try DomainName.normalize("bu\u{0308}cher.de").get().ascii == "xn--bcher-kva.de")
        #expect(try DomainName.normalize("xn--bcher-kva.de").get().unicode == "bücher.de")
    }

    /// libidn2 drops these silently under UTS #46; the vetting before it must refuse them.
    @Test(arguments: ["exa_mple.com", "example.com/x", "exam\u{00AD}ple.com", "exam\u{200B}ple.com", "exam\u{034F}ple.com", "a..b.com", "example.com..", "-a.com", "a.123", "localhost", "ex\u{FF3F}ample.com"])
    func refused(_ text: String) {
        if case let .success(name) = DomainName.normalize(text) { Issue.record("\(text) accepted as \(name.ascii)") }
    }

    @Test func subdomainsAreLabelWise() throws {
        let org = try DomainName.normalize("example.com").get()
        #expect(try DomainName.normalize("a.example.com").get().isSame(asOrUnder: org))
        #expect(try !DomainName.normalize("badexample.com").get().isSame(asOrUnder: org))
        #expect(try !DomainName.normalize("example.com.evil.com").get().isSame(asOrUnder: org))
    }

    @Test func mixedScripts() {
        #expect(ScriptMix.mixedScripts(in: "exаmple") == [.cyrillic, .latin])
        #expect(ScriptMix.mixedScripts(in: "пример").isEmpty)
        #expect(ScriptMix.mixedScripts(in: "bücher").isEmpty)
        #expect(ScriptMix.mixedScripts(in: "sony索尼").isEmpty)
    }

    @Test func confusableSkeleton() {
        let skeleton = ConfusableSkeleton.from(.builtIn)
        #expect(skeleton.skeleton("examp1e.com") == "example.com")
        #expect(skeleton.skeleton("exаmple.com") == "example.com")
        #expect(skeleton.skeleton("exämple.com") == "example.com")
        #expect(skeleton.skeleton("rnicrosoft.com") == skeleton.skeleton("microsoft.com"))
        #expect(skeleton.skeleton("example.org") != skeleton.skeleton("example.com"))
    }
}

@Suite("Public suffix list")
struct PublicSuffixListTests {
    static let sample = """
        // comment
        com
        uk
        co.uk
        *.ck
        !www.ck
        公司.cn
        cn
        github.io
        io
        """

    @Test func rules() {
        let list = PublicSuffixList(text: Self.sample)
        #expect(list.isPublicSuffix("co.uk"))
        #expect(list.isPublicSuffix("com"))
        #expect(!list.isPublicSuffix("example.co.uk"))
        #expect(list.isPublicSuffix("anything.ck"))
        #expect(!list.isPublicSuffix("www.ck"))
        #expect(list.isPublicSuffix("xn--55qx5d.cn"))
        #expect(list.isPublicSuffix("github.io"))
        #expect(list.registrableDomain("a.b.example.co.uk") == "example.co.uk")
        #expect(list.registrableDomain("co.uk") == nil)
        #expect(list.registrableDomain("a.www.ck") == "www.ck")
        #expect(list.registrableDomain("acme.github.io") == "acme.github.io")
    }

    @Test func debianListWhenInstalled() {
        guard let list = PublicSuffixList.shared else {
            print("skipped: \(PublicSuffixList.loadError ?? "no public suffix list")")
            #expect(PublicSuffixList.loadError != nil)
            return
        }
        #expect(list.count > 5000)
        #expect(list.isPublicSuffix("co.uk"))
        #expect(list.isPublicSuffix("github.io"))
        #expect(!list.isPublicSuffix("example.com"))
    }

    @Test func policyIgnoresPublicSuffixesAndFlagsFreeMail() throws {
        let configuration = try Configuration.parse(yaml: "organization:\n  domains: [co.uk, gmail.com, '@Example.com', 'not a domain']\n  subdomains: allow\n")
        let policy = EmailTrustPolicy.from(LintContext(configuration: configuration))
        #expect(policy.domains.count == 4)
        #expect(policy.domains[0].isPublicSuffix == (PublicSuffixList.shared != nil))
        #expect(policy.domains[1].isFreeMail)
        #expect(policy.domains[2].name?.ascii == "example.com")
        #expect(policy.domains[3].name == nil && policy.domains[3].problem != nil)
    }
}
