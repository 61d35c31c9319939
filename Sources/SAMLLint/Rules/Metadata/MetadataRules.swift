/// The `metadata/*` family: IdP and SP metadata, single entities and aggregates.
public enum MetadataRules {
    public static let all: [any Rule.Type] = [
        NoIdPDescriptor.self, NoSigningCertificate.self,
    ]
}
