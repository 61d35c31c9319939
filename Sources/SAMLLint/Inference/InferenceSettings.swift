import Yams

/// The numbers of `rules/inference.yml`, read once per RuleData.
public struct InferenceSettings: Sendable {
    public var nameWeight = 0.45
    public var valueWeight = 0.55
    public var fields: [ProfileField] = [.id, .email, .firstName, .lastName, .displayName, .groups]
    public var fit: [ProfileField: [ValueLabel: Double]] = [:]
    public var related: [ProfileField: [ProfileField: Double]] = [:]
    public var multiValuedGroupsBonus = 0.15
    public var promiseFloor = 0.3
    public var repetitionGroupsWeight = 0.6
    public var persistentAsID = 0.85
    public var emailAsEmail = 0.75
    public var unspecifiedAsID = 0.55
    public var minScore = 0.3
    public var undecidedMargin = 0.08
    public var sameDataShare = 0.9
    public var proposeMinConfidence = 0.7
    public var reconcileMinConfidence = 0.55
    public var nameEvidenceGain = 1.5

    public static func shared(_ data: RuleData) -> InferenceSettings {
        data.cached("inference:settings") { InferenceSettings(yaml: $0.yaml("inference.yml")) }
    }

    init(yaml node: Yams.Node?) {
        guard let root = node?.mapping else { return }
        func number(_ node: Yams.Node?) -> Double? { RuleData.number(node) }
        if let weights = root["weights"]?.mapping {
            nameWeight = number(weights["name"]) ?? nameWeight
            valueWeight = number(weights["values"]) ?? valueWeight
        }
        if let list = root["fields"]?.sequence {
            fields = list.compactMap { $0.string.flatMap(ProfileField.init(rawValue:)) }
        }
        for (key, table) in root["fit"]?.mapping ?? [:] {
            guard let field = key.string.flatMap(ProfileField.init(rawValue:)) else { continue }
            for (label, value) in table.mapping ?? [:] {
                if let label = label.string.flatMap(ValueLabel.init(rawValue:)), let value = number(value) {
                    fit[field, default: [:]][label] = value
                }
            }
        }
        for (key, table) in root["related"]?.mapping ?? [:] {
            guard let field = key.string.flatMap(ProfileField.init(rawValue:)) else { continue }
            for (other, value) in table.mapping ?? [:] {
                if let other = other.string.flatMap(ProfileField.init(rawValue:)), let value = number(value) {
                    related[field, default: [:]][other] = value
                }
            }
        }
        multiValuedGroupsBonus = number(root["multiValuedGroupsBonus"]) ?? multiValuedGroupsBonus
        promiseFloor = number(root["promiseFloor"]) ?? promiseFloor
        repetitionGroupsWeight = number(root["repetitionGroupsWeight"]) ?? repetitionGroupsWeight
        if let nameID = root["nameID"]?.mapping {
            persistentAsID = number(nameID["persistentAsID"]) ?? persistentAsID
            emailAsEmail = number(nameID["emailAsEmail"]) ?? emailAsEmail
            unspecifiedAsID = number(nameID["unspecifiedAsID"]) ?? unspecifiedAsID
        }
        minScore = number(root["minScore"]) ?? minScore
        undecidedMargin = number(root["undecidedMargin"]) ?? undecidedMargin
        sameDataShare = number(root["sameDataShare"]) ?? sameDataShare
        proposeMinConfidence = number(root["proposeMinConfidence"]) ?? proposeMinConfidence
        reconcileMinConfidence = number(root["reconcileMinConfidence"]) ?? reconcileMinConfidence
        nameEvidenceGain = number(root["nameEvidenceGain"]) ?? nameEvidenceGain
    }
}
