import Foundation

/// Learns a connection's attribute mapping from the evidence of its messages.
///
/// Every candidate (each attribute Name, and the NameID) is scored against every profile field by
/// what its name promises (catalog or configured mapping) and what its values show (classifiers),
/// aggregated over all messages; the best one-to-one assignment is then found exactly with the
/// Hungarian algorithm, not greedily. A field whose two best candidates are too close, and carry
/// different data, is reported as undecided rather than guessed.
public struct MappingInference: Sendable {
    public let settings: InferenceSettings
    public let catalog: AttributeCatalog
    public let classifier: ValueClassifier
    /// field -> configured attribute names (`mapping:` in .samllint.yml).
    public let configured: [String: [String]]

    let groupWords: Set<String>

    public init(context: LintContext) {
        groupWords = context.ruleData.lineList("lexicons/group-words.txt")
        settings = InferenceSettings.shared(context.ruleData)
        catalog = AttributeCatalog.shared(context.ruleData)
        classifier = ValueClassifier.shared(context.ruleData)
        configured = context.configuration.mapping
        let loaded = settings
        fitRows = loaded.fields.map { field in
            let table = loaded.fit[field] ?? [:]
            return ValueLabel.allCases.map { table[$0] ?? 0 }
        }
        groupsRows = loaded.fields.indices.filter { loaded.fields[$0] == .groups }
    }

    /// `settings.fit` as rows per field (in `settings.fields` order) indexed by label ordinal: read
    /// for every value of every message.
    let fitRows: [[Double]]
    /// The rows of `fitRows` for multi-valued fields (groups), which read every value, not the first.
    let groupsRows: [Int]

    /// `promises` of an attribute Name (with its FriendlyName), in `settings.fields` order: the same
    /// Names come in message after message of a folder, and the catalog and configuration are fixed.
    let promiseMemo = LookupMemo<[(friendlyName: String?, row: [Double])]>()

    /// Per-candidate aggregates over the samples (a class: scoring reads each candidate for every
    /// field, and copying its tables each time showed in profiles).
    final class Candidate {
        let name: String
        let friendlyName: String?
        var present = 0
        var multiValued = 0
        /// Per field (in `settings.fields` order), the sum over present samples of the mean fit of
        /// its values.
        var fitSum: [Double] = []
        /// How many values had each label, by the label's position in `ValueLabel.allCases`.
        var labelCounts = [Int](repeating: 0, count: ValueLabel.allCases.count)
        var values = 0
        /// What the candidate's name promises, per field (in `settings.fields` order): read for
        /// every field's score, where a dictionary lookup hashed the field each time.
        var promise: [Double] = []
        /// The first value of the first sample it has one in (`InferenceSample.value(of:)` of that
        /// sample): what `sameData` compares when there is one sample.
        var firstValue: String?
        /// Sum over present samples of given-vs-family evidence in -1...1 (+1: a given name).
        var givenEvidence = 0.0
        /// Share of name-like values per present sample, summed.
        var nameLike = 0.0
        /// Every value seen, with how many samples it appeared in.
        var valueSamples: [String: Int] = [:]

        init(name: String, friendlyName: String? = nil) {
            self.name = name
            self.friendlyName = friendlyName
        }
    }

    /// What one sample says about names: the email local part's tokens and the display name's tokens.
    struct NameHints {
        var emailTokens: [String] = []
        var displayTokens: [String] = []
        var displayCommaForm = false
    }

    /// `withEvidence: false` leaves the decisions' evidence sentences out (a profile reads only the
    /// attribute, status and confidence).
    public func infer(_ samples: [InferenceSample], withEvidence: Bool = true) -> InferredMapping {
        infer(samples, classified: samples.map { ClassifiedSample($0, classifier: classifier) }, withEvidence: withEvidence)
    }

    /// The mapping of one assertion alone, from the analysis the mapping rules read (its values are
    /// classified there already). `sample` is `InferenceSample(assertion)`.
    func infer(_ sample: InferenceSample, analysis: AssertionAnalysis, withEvidence: Bool = true) -> InferredMapping {
        infer([sample], classified: [ClassifiedSample(analysis)], withEvidence: withEvidence)
    }

    /// How many values of a Name per sample inference reads.
    static let valuesRead = 20

    func infer(_ samples: [InferenceSample], classified: [ClassifiedSample], withEvidence: Bool) -> InferredMapping {
        let fields = settings.fields
        let candidates = collect(samples, classified: classified)
        let total = max(samples.count, 1)
        for candidate in candidates { candidate.promise = promiseRow(for: candidate, samples: samples) }

        // A candidate's repetition is the same for every field: computed once per candidate.
        let repetitions = candidates.map(repetition)
        var scores: [[Double]] = []
        for (index, field) in fields.enumerated() {
            scores.append(candidates.indices.map { score(candidates[$0], field: field, fieldIndex: index, total: total, repeats: repetitions[$0]) })
        }
        // An identifier that stays the same while the people change (a tenant id, an IdP id) is not
        // the user's id.
        if let row = fields.firstIndex(of: .id) {
            for (column, candidate) in candidates.enumerated() where isConstantAcrossPeople(candidate.name, samples: samples) {
                scores[row][column] = min(scores[row][column], settings.minScore * 0.5)
            }
        }
        let assignment = Assignment.maximumScore(scores)

        var decisions: [InferredMapping.Decision] = []
        for (row, field) in fields.enumerated() {
            guard let column = assignment[row], scores[row][column] >= settings.minScore else {
                decisions.append(.init(field: field.rawValue, attribute: nil, confidence: 0, status: "missing", evidence: withEvidence ? ["no attribute carries \(field.rawValue)"] : [], alternative: nil))
                continue
            }
            let chosen = candidates[column]
            let best = scores[row][column]
            // The best other column (the first of equals, as `max(by:)` keeps it).
            var runnerUp: Int?
            for other in scores[row].indices where other != column {
                if let leader = runnerUp, !(scores[row][leader] < scores[row][other]) { continue }
                runnerUp = other
            }
            let second = runnerUp.map { scores[row][$0] } ?? 0
            var margin = best - second
            if let runnerUp, sameData(chosen, candidates[runnerUp], samples: samples) {
                margin = max(margin, 0.3)  // two attributes carrying the same values: either is right
            }
            let undecided = runnerUp != nil && margin < settings.undecidedMargin && second >= settings.minScore
            // Perfect values alone (no name promise) reach full confidence when nothing else competes.
            let confidence = min(1, best / settings.valueWeight) * (0.6 + 0.4 * min(1, margin / 0.3))
            var evidence = withEvidence ? describe(chosen, field: field, fieldIndex: row, total: total) : []
            if withEvidence, let runnerUp, second >= settings.minScore {
                evidence += describe(candidates[runnerUp], field: field, fieldIndex: row, total: total).map { "runner-up: " + $0 }
            }
            decisions.append(
                .init(
                    field: field.rawValue, attribute: chosen.name, confidence: (confidence * 100).rounded() / 100,
                    status: undecided ? "undecided" : "decided", evidence: evidence,
                    alternative: runnerUp.flatMap { second >= settings.minScore ? candidates[$0].name : nil }))
        }
        return InferredMapping(messages: samples.count, decisions: decisions)
    }

    // MARK: Evidence gathering

    func collect(_ samples: [InferenceSample], classified: [ClassifiedSample]) -> [Candidate] {
        // Candidates live in one array, found by Name: accumulating into an element in place copies
        // nothing (through a dictionary's subscript it copied each candidate out and back).
        var slots: [String: Int] = [:]
        var candidates: [Candidate] = []
        let countRepeats = samples.count >= 3  // `repetition` needs three messages
        // One sample's groups have distinct Names, so only the NameID's pseudo-name can meet one
        // already there: found by a scan, no dictionary hashing every Name.
        let single = samples.count == 1
        func slot(_ name: String, friendlyName: String?) -> Int {
            if single {
                if name == InferredMapping.nameIDSource, let known = candidates.firstIndex(where: { $0.name == name }) { return known }
                candidates.append(Candidate(name: name, friendlyName: friendlyName))
                return candidates.count - 1
            }
            if let known = slots[name] { return known }
            slots[name] = candidates.count
            candidates.append(Candidate(name: name, friendlyName: friendlyName))
            return candidates.count - 1
        }
        for (sample, classified) in zip(samples, classified) {
            let hints = nameHints(classified)
            for group in classified.groups {
                let index = slot(group.name, friendlyName: group.friendlyName)
                guard !group.values.isEmpty else { continue }
                accumulate(candidates[index], values: group.values, classes: group.classes, hints: hints, countRepeats: countRepeats)
            }
            if let nameID = sample.nameID, !nameID.isEmpty {
                let index = slot(InferredMapping.nameIDSource, friendlyName: nil)
                accumulate(candidates[index], values: [nameID], classes: [classifier.classify(nameID)], hints: NameHints(), countRepeats: countRepeats)
            }
        }
        candidates.sort { $0.name < $1.name }
        return candidates
    }

    /// `classes`: the classifications of the first `valuesRead` values.
    func accumulate(_ candidate: Candidate, values: [String], classes: [Classification], hints: NameHints, countRepeats: Bool) {
        candidate.present += 1
        if candidate.firstValue == nil { candidate.firstValue = values.first }
        if values.count > 1 { candidate.multiValued += 1 }
        let sampleValues = values.prefix(Self.valuesRead)
        if countRepeats {
            for value in Set(sampleValues.map { $0.lowercased() }) { candidate.valueSamples[value, default: 0] += 1 }
        }
        // One pass over the values: their labels counted, and the fit of each groups row summed in
        // value order (the sum `reduce` made over an array of their positions, without the array).
        var firstLabel: ValueLabel?
        var firstOrdinal = 0
        var count = 0
        // The groups row's sum in a variable (there is one groups field; an array for any others).
        let firstGroupsRow = groupsRows.first
        var firstGroupsSum = 0.0
        var otherGroupsSums: [Double] = groupsRows.count > 1 ? Array(repeating: 0, count: groupsRows.count - 1) : []
        for (value, classification) in zip(sampleValues, classes) {
            let label = relabel(classification.label, value: value)
            let ordinal = label.ordinal  // its position in `ValueLabel.allCases`, as `fitRows` is indexed
            if firstLabel == nil { firstLabel = label; firstOrdinal = ordinal }
            candidate.labelCounts[ordinal] += 1
            if let firstGroupsRow { firstGroupsSum += fitRows[firstGroupsRow][ordinal] }
            for slot in otherGroupsSums.indices { otherGroupsSums[slot] += fitRows[groupsRows[slot + 1]][ordinal] }
            count += 1
        }
        if let first = sampleValues.first, let firstLabel, Self.nameLabels.contains(firstLabel) {
            candidate.nameLike += 1
            candidate.givenEvidence += givenEvidence(first, hints: hints)
        }
        candidate.values += count
        if candidate.fitSum.isEmpty { candidate.fitSum = Array(repeating: 0, count: fitRows.count) }
        for (index, row) in fitRows.enumerated() {
            if index == firstGroupsRow {
                candidate.fitSum[index] += firstGroupsSum / Double(count)
            } else if let slot = groupsRows.firstIndex(of: index) {
                candidate.fitSum[index] += otherGroupsSums[slot - 1] / Double(count)
            } else {
                candidate.fitSum[index] += row[firstOrdinal]  // single-valued fields read the first value
            }
        }
    }

    static let nameLabels: Set<ValueLabel> = [.givenName, .familyName, .personName, .initials]

    /// `promises(for:samples:)` as a row in `settings.fields` order; an attribute's is remembered by
    /// its Name and FriendlyName (the NameID's depends on the samples' Formats).
    func promiseRow(for candidate: Candidate, samples: [InferenceSample]) -> [Double] {
        func row() -> [Double] {
            let promised = promises(for: candidate, samples: samples)
            return settings.fields.map { promised[$0] ?? 0 }
        }
        guard candidate.name != InferredMapping.nameIDSource else { return row() }
        // By Name, then among the FriendlyNames seen with it (no key joined per candidate).
        var known = promiseMemo.get(candidate.name) ?? []
        if let hit = known.first(where: { $0.friendlyName == candidate.friendlyName }) { return hit.row }
        let made = row()
        if known.count < 8 {
            known.append((candidate.friendlyName, made))
            promiseMemo.set(candidate.name, known)
        }
        return made
    }

    func promises(for candidate: Candidate, samples: [InferenceSample]) -> [ProfileField: Double] {
        var result: [ProfileField: Double] = [:]
        if candidate.name == InferredMapping.nameIDSource {
            let formats = samples.compactMap(\.nameIDFormat)
            if formats.contains(.persistent) { result[.id] = settings.persistentAsID }
            if formats.contains(.unspecified) { result[.id] = settings.unspecifiedAsID }
            if formats.contains(.emailAddress) { result[.email] = settings.emailAsEmail }
            if formats.contains(.transient) { result[.id] = -2 }  // never the id, whatever its values
            return result
        }
        for (field, names) in configured {
            guard let field = ProfileField(rawValue: field) else { continue }
            if names.contains(where: { $0.caseInsensitiveCompare(candidate.name) == .orderedSame }) { result[field] = 1 }
        }
        if let match = catalog.lookup(name: candidate.name, friendlyName: candidate.friendlyName) {
            result[match.field] = max(result[match.field] ?? 0, match.viaFriendlyName ? 0.9 : 1)
            for (field, related) in settings.related {
                if let weight = related[match.field] { result[field] = max(result[field] ?? 0, weight) }
            }
        }
        return result
    }

    /// Share of values that appear in more than one message: high for groups and constants,
    /// low for names and ids of different people.
    func repetition(_ candidate: Candidate) -> Double {
        guard candidate.present >= 3, !candidate.valueSamples.isEmpty else { return 0 }
        let repeated = candidate.valueSamples.values.filter { $0 > 1 }.reduce(0, +)
        let all = candidate.valueSamples.values.reduce(0, +)
        return Double(repeated) / Double(all)
    }

    /// `repeats` is `repetition(candidate)`.
    func score(_ candidate: Candidate, field: ProfileField, fieldIndex: Int, total: Int, repeats: Double) -> Double {
        let presence = Double(candidate.present) / Double(total)
        var fit = candidate.present > 0 && !candidate.fitSum.isEmpty ? candidate.fitSum[fieldIndex] / Double(candidate.present) : 0
        if (field == .firstName || field == .lastName), candidate.nameLike > 0 {
            // Names: the share of name-like values, split by the given-vs-family evidence.
            // Evidence accumulates: the mean lean over n messages counts sqrt(n) times, so ten
            // messages that agree decide where one message only hints.
            let nameShare = candidate.nameLike / Double(candidate.present)
            let given = candidate.givenEvidence / candidate.nameLike  // -1...1
            let lean = field == .firstName ? given : -given
            let strength = settings.nameEvidenceGain * lean * candidate.nameLike.squareRoot()
            fit = max(fit * 0.5, nameShare * (0.5 + 0.5 * tanh(strength)))
        }
        if field == .groups {
            fit = max(fit, min(1, fit + settings.repetitionGroupsWeight * repeats))
        } else if field.isName {
            fit *= 1 - 0.6 * repeats
        }
        // A name's promise counts fully only when the values do not contradict it: an attribute named
        // for the surname that holds emails keeps a small part of its promise.
        let promise = candidate.promise[fieldIndex] * (settings.promiseFloor + (1 - settings.promiseFloor) * fit)
        var score = settings.nameWeight * promise + settings.valueWeight * fit * presence
        if field == .groups, candidate.present > 0 {
            score += settings.multiValuedGroupsBonus * Double(candidate.multiValued) / Double(candidate.present)
        } else if candidate.multiValued * 2 > max(candidate.present, 1) {
            score -= 0.1  // single-valued fields are rarely sent with many values
        }
        return score
    }

    /// A value shared by every message although the messages are about at least two different people
    /// (told apart by their other attributes' values).
    func isConstantAcrossPeople(_ name: String, samples: [InferenceSample]) -> Bool {
        guard samples.count >= 2 else { return false }  // one message shows no constant
        let values = samples.compactMap { $0.value(of: name) }
        guard values.count >= 2, Set(values).count == 1 else { return false }
        let fingerprints = Set(samples.map { sample in
            sample.attributes.filter { $0.name != name }.map { $0.values.first ?? "" }.joined(separator: "\u{1F}") + (sample.nameID ?? "")
        })
        return fingerprints.count >= 2
    }

    /// Whether two candidates carry the same (case-insensitive) first value in most messages.
    func sameData(_ a: Candidate, _ b: Candidate, samples: [InferenceSample]) -> Bool {
        var both = 0
        var equal = 0
        if samples.count == 1 {
            // One message: its first values are the candidates' own (read while collecting).
            if let x = a.firstValue, let y = b.firstValue {
                both = 1
                if Self.equalIgnoringCase(x, y) { equal = 1 }
            }
        } else {
            for sample in samples {
                guard let x = sample.value(of: a.name), let y = sample.value(of: b.name) else { continue }
                both += 1
                if Self.equalIgnoringCase(x, y) { equal += 1 }
            }
        }
        return both > 0 && Double(equal) >= settings.sameDataShare * Double(both)
    }

    /// `caseInsensitiveCompare`, without Foundation when both are ASCII.
    static func equalIgnoringCase(_ x: String, _ y: String) -> Bool {
        if x.utf8.allSatisfy({ $0 < 0x80 }) && y.utf8.allSatisfy({ $0 < 0x80 }) {
            return x.utf8.elementsEqual(y.utf8) { a, b in
                a == b || (a | 0x20 == b | 0x20 && (a | 0x20) >= 0x61 && (a | 0x20) <= 0x7A)
            }
        }
        return x.caseInsensitiveCompare(y) == .orderedSame
    }

    func describe(_ candidate: Candidate, field: ProfileField, fieldIndex: Int, total: Int) -> [String] {
        var out: [String] = []
        let counted = ValueLabel.allCases.filter { candidate.labelCounts[$0.ordinal] > 0 }.map { (key: $0, value: candidate.labelCounts[$0.ordinal]) }
        if let (label, count) = counted.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key.rawValue > $1.key.rawValue }) {
            out.append("\(count) of \(candidate.values) values of `\(candidate.name)` are \(label.plural)")
        }
        if candidate.present < total {
            out.append("`\(candidate.name)` has a value in \(candidate.present) of \(total) messages")
        }
        if candidate.promise[fieldIndex] > 0 {
            let promise = candidate.promise[fieldIndex]
            if candidate.name == InferredMapping.nameIDSource {
                out.append("the NameID Format allows it to stand for \(field.rawValue)")
            } else {
                out.append(promise >= 1 ? "`\(candidate.name)` is named for \(field.rawValue)" : "`\(candidate.name)` is named for a field close to \(field.rawValue)")
            }
        }
        return out
    }
}
