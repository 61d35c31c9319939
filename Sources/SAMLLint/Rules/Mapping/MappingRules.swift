/// The `mapping/*` family: attributes that carry the wrong thing, are missing, duplicated or badly formed.
public enum MappingRules {
    public static let all: [any Rule.Type] = [
        DuplicateAttributeName.self, EmptyAttributeValue.self, UntrimmedValue.self,
        EmailInNameField.self, NonEmailInEmailField.self, UPNAsEmail.self, GuestUPN.self, ScopedIDAsEmail.self,
        FullNameInGivenName.self, GivenFamilySwapped.self, DNInNameField.self, IDInNameField.self,
        PlaceholderValue.self, MissingField.self, FriendlyNameMismatch.self, CaseVariantName.self,
        MultiValuedSingleField.self, ProposedChange.self,
    ]
}
