/// What `MappingInference.collect` reads of one sample: its values grouped by attribute Name, with
/// their classifications, and each Attribute element's first value (for the name hints).
///
/// Made by classifying an `InferenceSample`, or taken from the `AssertionAnalysis` the mapping rules
/// read anyway: a message's profile then classifies, trims and groups nothing a second time.
struct ClassifiedSample {
    struct Group {
        let name: String
        let friendlyName: String?
        /// Non-empty trimmed values, across repeated Attribute elements of the Name.
        var values: [String]
        /// The classifications of the first `MappingInference.valuesRead` values (inference reads no more).
        var classes: [Classification]
    }

    /// Each attribute Name once, in order of first appearance (FriendlyName of its first element).
    var groups: [Group]
    /// Each Attribute element's trimmed first value with its classification, when that value is not empty.
    var firsts: [(value: String, class: Classification)]

    /// Classifies the sample's values (as `InferenceSample.valuesByName()` groups them).
    init(_ sample: InferenceSample, classifier: ValueClassifier) {
        groups = sample.valuesByName().map { group in
            Group(
                name: group.name, friendlyName: group.friendlyName, values: group.values,
                classes: group.values.prefix(MappingInference.valuesRead).map(classifier.classify))
        }
        firsts = sample.attributes.compactMap { attribute in
            guard let value = attribute.values.first?.trimmed, !value.isEmpty else { return nil }
            return (value, classifier.classify(value))
        }
    }

    /// The same, from an analysis of the assertion the sample was read from (the same 500 attributes
    /// and 200 values per attribute, trimmed and classified alike).
    init(_ analysis: AssertionAnalysis) {
        var groups = OrderedGroups<Group>(capacity: analysis.attributes.count)
        var firsts: [(value: String, class: Classification)] = []
        firsts.reserveCapacity(analysis.attributes.count)
        for attribute in analysis.attributes {
            if let value = attribute.values.first, !value.isEmpty { firsts.append((value, attribute.classes[0])) }
            let index = groups.position(of: attribute.name) {
                Group(name: attribute.name, friendlyName: attribute.attribute.friendlyName, values: [], classes: [])
            }
            if groups[index].values.isEmpty {
                // Grown once: a group list of forty values was copied seven times on the way.
                groups[index].values.reserveCapacity(attribute.filled.count)
                groups[index].classes.reserveCapacity(min(attribute.filled.count, MappingInference.valuesRead))
            }
            for (value, classification) in attribute.filled {
                if groups[index].classes.count < MappingInference.valuesRead { groups[index].classes.append(classification) }
                groups[index].values.append(value)
            }
        }
        self.groups = groups.groups
        self.firsts = firsts
    }
}
