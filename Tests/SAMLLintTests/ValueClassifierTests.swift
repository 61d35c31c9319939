import SAMLLint
import Testing

@Suite("Value classifiers")
struct ValueClassifierTests {
    static let classifier = ValueClassifier(data: .builtIn)

    struct Case: Sendable, CustomTestStringConvertible {
        let value: String
        let label: ValueLabel
        var testDescription: String { "\(value) -> \(label.rawValue)" }
        init(_ value: String, _ label: ValueLabel) {
            self.value = value
            self.label = label
        }
    }

    static let cases: [Case] = [
        Case("jane.doe@example.com", .email), Case("Jürgen.Müller@bücher.de", .email), Case("李娜@例子.中国", .email),
        Case("o'brien+sso@example.co.uk", .email), Case("jdoe@corp.example.local", .upn), Case("jane@contoso.onmicrosoft.com", .upn),
        Case("alice_contoso.com#EXT#@fabrikam.onmicrosoft.com", .guestUPN), Case("HTGW7DKZ4YHB2RN6QSXE5VPM3A@uni.example.edu", .scopedID),
        Case("3f2504e0-4f89-11d3-9a0c-0305e82c3301", .guid), Case("{3F2504E0-4F89-11D3-9A0C-0305E82C3301}", .guid),
        Case("104729", .numericID), Case("00u1a2b3c4D5e6F7g8h9", .opaqueID), Case("S-1-5-21-3623811015-3361044348-30300820-1013", .opaqueID),
        Case("CN=Jane Doe,OU=Staff,DC=example,DC=com", .dn), Case("uid=jdoe,ou=people,dc=example,dc=org", .dn),
        Case("https://idp.example.com/users/42", .url), Case("+49 30 1234567", .phone), Case("true", .boolean),
        Case("2024-05-17", .date), Case("admins;staff;sales", .groupList), Case("J.", .initials), Case("J. D.", .initials),
        Case("", .empty), Case("   ", .empty), Case("N/A", .placeholder), Case("null", .placeholder), Case("changeme", .placeholder),
        Case("-", .placeholder), Case("${user.email}", .placeholder), Case("user.firstName", .placeholder), Case("xxxx", .placeholder),
        Case("Mary", .givenName), Case("Robert", .givenName), Case("Smith", .familyName), Case("Johnson", .familyName),
        Case("christopher.smith1987@gmail.com", .email), Case("Martin2", .text), Case("x7kq2mzp9vbc4hst@example.edu", .scopedID),
        Case("Petrova", .familyName), Case("Kubíková", .familyName),
        // Random letters only are an identifier; a run of names is an address.
        Case("JYCQFBNBZVMXWUBJPGURSQQQTF@example.org", .scopedID), Case("CHRISTOPHERJOHNSON@example.com", .email),
        Case("LLYWELYNAPGRUFFYDD@example.co.uk", .email), Case("schaphphrrnthnkuur@example.co.th", .email),
        Case("Jane Doe", .fullName), Case("Doe, Jane", .fullName), Case("DOE Jane", .fullName), Case("Robert Smith", .fullName),
    ]

    @Test("labels", arguments: cases)
    func label(_ testCase: Case) {
        #expect(Self.classifier.classify(testCase.value).label == testCase.label)
    }

    /// Names in every script are names: never ids, placeholders, addresses or free text.
    static let names = [
        "José", "Nguyễn", "Zoë", "Ærøskøbing", "Łukasz", "Şükrü", "François-Xavier", "O'Brien", "D’Angelo", "van der Berg",
        "Дмитрий", "Иванов", "Ольга Петрова", "Γιώργος", "Παπαδόπουλος", "王伟", "佐藤", "山田 太郎", "김민준", "أحمد", "محمد علي",
        "דוד", "כהן", "राहुल", "शर्मा", "Ṭhākur", "Nhật Minh", "Björk Guðmundsdóttir", "Xavier", "Na", "Li", "Ng", "Ali",
    ]

    @Test("names in every script are names", arguments: names)
    func nameStaysName(_ value: String) {
        let label = Self.classifier.classify(value).label
        #expect(label.isName, "\(value) classified as \(label)")
    }

    @Test("the name lexicon is loaded and tells given from family")
    func lexicon() {
        let lexicon = NameLexicon.shared(.builtIn)
        #expect(lexicon.count > 5000)
        #expect(lexicon.givenLogOdds("Mary") > 2)
        #expect(lexicon.givenLogOdds("Smith") < -2)
    }
}

@Suite("Name lexicon lookups")
struct NameLexiconTests {
    @Test("the built-in file is sorted, so lookups need no parse")
    func builtInIsSorted() throws {
        let text = try #require(RuleData.builtIn.text("lexicons/names.tsv"))
        let lines = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        let tokens = lines.map { Array($0.prefix { $0 != "\t" }.utf8) }
        #expect(zip(tokens, tokens.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) })
        #expect(NameLexicon.shared(.builtIn).count == lines.count)
    }

    @Test("every entry of a file in any order is found, whatever case or composition it is asked in")
    func unsortedFile() {
        let lexicon = NameLexicon(tsv: "# header\nzoe\t10\t0\nabe\t5\t1\nrenée\t3\t0\nabe\t6\t1\nmüller\t0\t40\n")
        #expect(lexicon.frequency("Abe") == .init(given: 6, family: 1))
        #expect(lexicon.frequency("ZOE") == .init(given: 10, family: 0))
        #expect(lexicon.frequency("Rene\u{301}e") == .init(given: 3, family: 0))
        #expect(lexicon.frequency("Müller,") == .init(given: 0, family: 40))
        #expect(lexicon.frequency("zo") == nil)
        #expect(lexicon.frequency("") == nil)
        #expect(lexicon.count == 4)
    }

    @Test("every line of the built-in file is found by its own token", arguments: [0, 1, 2, 3])
    func everyBuiltInEntryIsFound(_ part: Int) throws {
        let text = try #require(RuleData.builtIn.text("lexicons/names.tsv"))
        let lexicon = NameLexicon.shared(.builtIn)
        let lines = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        for (index, line) in lines.enumerated() where index % 4 == part {
            let fields = line.split(separator: "\t")
            let found = lexicon.frequency(String(fields[0]))
            #expect(found == .init(given: Double(fields[1])!, family: Double(fields[2])!), "\(line)")
        }
    }
}
