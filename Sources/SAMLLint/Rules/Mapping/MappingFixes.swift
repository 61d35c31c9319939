import Foundation

/// Builds the `fix` of a mapping finding: which attribute should carry the field, found by looking
/// at what the other attributes' values are.
enum MappingFixes {
    /// The labels a field's values should have.
    static func fits(_ label: ValueLabel, _ field: ProfileField) -> Bool {
        switch field {
        case .email: return label == .email
        case .firstName: return label == .givenName
        case .lastName: return label == .familyName
        case .displayName: return label == .fullName
        case .id: return label.isIdentifier
        case .upn: return label == .upn || label == .email
        case .groups: return label == .groupList || label == .dn
        default: return false
        }
    }

    /// Another attribute whose values fit `field` (names checked against the email local part and
    /// the display name too), best first.
    static func carrier(for field: ProfileField, in analysis: AssertionAnalysis, excluding name: String) -> AnalyzedAttribute? {
        let expected = analysis.expectedNames
        let display = analysis.displayNameParts
        var best: (AnalyzedAttribute, Int)?
        for candidate in analysis.attributes where candidate.name != name {
            guard let value = candidate.filled.first?.value, let dominant = candidate.dominant else { continue }
            var score = 0
            let folded = AssertionAnalysis.fold(value)
            let latin = AssertionAnalysis.latin(value)
            if fits(dominant.label, field) { score += 2 }
            if field == .lastName, latin == expected?.family || (display.map { !$0.commaForm && folded == $0.last } ?? false) { score += 3 }
            if field == .firstName, latin == expected?.given || (display.map { !$0.commaForm && folded == $0.first } ?? false) { score += 3 }
            if candidate.field == field { score -= 1 }  // it already promises the field: not where the value went
            if field.isName, !dominant.label.isName { score = 0 }
            if score >= 2, score > (best?.1 ?? 0) { best = (candidate, score) }
        }
        return best?.0
    }

    static func fieldWords(_ field: ProfileField) -> String {
        switch field {
        case .firstName: return "given name"
        case .lastName: return "surname"
        case .displayName: return "display name"
        case .email: return "email"
        case .id: return "user id"
        case .groups: return "groups"
        case .username: return "username"
        case .upn: return "UPN"
        case .department: return "department"
        case .title: return "job title"
        case .phone: return "phone number"
        }
    }

    /// "'X' holds emails; the surname should come from 'Y' (it holds family names: 'Doe')".
    static func misplaced(
        _ attribute: AnalyzedAttribute, field: ProfileField, holds label: ValueLabel, analysis: AssertionAnalysis
    ) -> Fix {
        var text = "'\(attribute.name)' is mapped to the \(fieldWords(field)) but holds \(label.plural)."
        var mapping: [String: String]?
        if let carrier = carrier(for: field, in: analysis, excluding: attribute.name),
            let sample = carrier.filled.first
        {
            text += " The \(fieldWords(field)) should come from '\(carrier.name)', which holds \(sample.class.label.plural) ('\(sample.value)')"
            text += carrier.field.map { $0 == field ? "." : " although its name promises the \(fieldWords($0)): the IdP swapped the two." } ?? "."
            mapping = [field.rawValue: carrier.name]
        } else {
            let usual = analysis.catalog.suggestedAlias(for: field, like: attribute.name) ?? field.rawValue
            text += " No other attribute holds \(fieldWords(field)) values: map the IdP's \(fieldWords(field)) source (the directory field, e.g. user.\(field == .lastName ? "surname" : field == .firstName ? "givenname" : field == .email ? "mail" : field.rawValue.lowercased())) to '\(attribute.name)'"
            text += usual.lowercased() == attribute.name.lowercased() ? "." : " (usually named '\(usual)')."
        }
        if label.isAddressLike, let target = analysis.attributes(for: .email).first(where: { $0.name != attribute.name }), field != .email {
            text += " The address itself belongs in '\(target.name)'."
        }
        return Fix(text, mapping: mapping)
    }
}
