import Foundation
import SAMLLint
import Testing

@Suite("SARIF reporter")
struct SARIFReporterTests {
    static let schema = TestSupport.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/schemas/sarif-schema-2.1.0.json")

    /// Validates with Python's jsonschema (Draft 4, as the schema declares). Nil when the schema or
    /// jsonschema is absent.
    static func validate(_ sarif: String) throws -> (errors: Int, text: String)? {
        guard FileManager.default.fileExists(atPath: schema.path) else {
            print("skipped: SARIF schema absent at \(schema.path)")
            return nil
        }
        guard (try? ReportFixtures.run(["python3", "-c", "import jsonschema"]))?.status == 0 else {
            print("skipped: python3 jsonschema not installed")
            return nil
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("samllint-\(UUID().uuidString).sarif")
        try Data(sarif.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1])); doc = json.load(open(sys.argv[2]))
            errors = list(jsonschema.Draft4Validator(schema).iter_errors(doc))
            for e in errors[:10]: print(list(e.path), e.message[:300])
            print("errors:", len(errors))
            """
        let result = try ReportFixtures.run(["python3", "-c", script, schema.path, file.path])
        let count = result.output.split(separator: "\n").last.flatMap { Int($0.replacingOccurrences(of: "errors: ", with: "")) } ?? -1
        return (count, result.output)
    }

    @Test func fixturesValidateAgainstTheSchema() throws {
        let sarif = SARIFReporter().render(ReportFixtures.report(), options: ReportFixtures.options())
        guard let result = try Self.validate(sarif) else { return }
        #expect(result.errors == 0, "\(result.text)")
    }

    @Test func corpusValidatesAgainstTheSchema() throws {
        guard let report = ReportFixtures.corpusReport else {
            print("skipped: corpus absent")
            return
        }
        let sarif = SARIFReporter().render(report, options: ReportFixtures.options())
        guard let result = try Self.validate(sarif) else { return }
        #expect(result.errors == 0, "\(result.text)")
        #expect(sarif.contains("\"ruleId\""))
    }

    @Test func resultsAreWhatCodeScanningNeeds() throws {
        let report = ReportFixtures.report()
        let sarif = SARIFReporter().render(report, options: ReportFixtures.options())
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.count == RuleRegistry.all.count)
        for rule in rules {
            for key in ["shortDescription", "fullDescription", "help"] {
                let text = (rule[key] as? [String: Any])?["text"] as? String ?? ""
                #expect(!text.isEmpty, "rule \(rule["id"] ?? "?") lacks \(key)")
            }
            #expect(["error", "warning", "note"].contains((rule["defaultConfiguration"] as? [String: Any])?["level"] as? String ?? ""))
        }
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == report.findings.count)
        var fingerprints = Set<String>()
        for (result, finding) in zip(results, report.findings) {
            let ruleId = try #require(result["ruleId"] as? String)
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == ruleId)
            #expect(result["level"] as? String == SARIFReporter.level(finding.severity))
            let physical = try #require(((result["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
            let uri = try #require((physical["artifactLocation"] as? [String: Any])?["uri"] as? String)
            #expect(!uri.hasPrefix("/") && !uri.contains(" "), "uri \(uri)")
            let region = try #require(physical["region"] as? [String: Any])
            #expect((region["startLine"] as? Int ?? 0) >= 1 && (region["startColumn"] as? Int ?? 0) >= 1)
            let fingerprint = try #require((result["partialFingerprints"] as? [String: String])?[FindingFingerprint.version])
            fingerprints.insert(fingerprint)
        }
        #expect(results.contains { ($0["locations"] as? [[String: Any]])?.first.map { "\($0)".contains("fixtures/captures/login-flow.har") } ?? false })
        #expect(results.contains { "\($0)".contains("fixtures/with%20spaces%20%26%20%3Codd%3E%2C%20chars.xml") })
        #expect(fingerprints.count > 1)
    }

    @Test func staysWithinCodeScanningsResultLimit() throws {
        let count = SARIFReporter.maxResults + 5
        let findings = (0..<count).map { n in
            Finding(ruleId: "mapping/empty-attribute-value", severity: n % 1000 == 0 ? .error : .info, message: "m\(n)", location: Location(path: "a.xml", line: n + 1))
        }
        let sarif = SARIFReporter().render(Report(inputs: [InputReport(path: "a.xml", findings: findings)]), options: ReportOptions())
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == SARIFReporter.maxResults)
        #expect(results.filter { $0["level"] as? String == "error" }.count == findings.filter { $0.severity == .error }.count)
        #expect(sarif.contains("5 less severe results left out"))
    }
}
