/// The `email/*` family: whether a profile's email can be trusted under the organization's policy.
public enum EmailRules {
    public static let all: [any Rule.Type] = [
        OutsideOrganization.self, Unverifiable.self, InvalidEmail.self, ParserConfusion.self, LookalikeDomain.self,
        OrgDomainPublicSuffix.self, OrgDomainFreeMail.self, PlusAddressing.self, NameIDDisagrees.self,
        IdPDomainMismatch.self, EmailFromUPN.self,
    ]
}
