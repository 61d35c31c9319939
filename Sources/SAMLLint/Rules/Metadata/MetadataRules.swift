/// The `metadata/*` family: IdP and SP metadata, single entities and aggregates.
public enum MetadataRules {
    public static let all: [any Rule.Type] = [
        NoIdPDescriptor.self, NoSigningCertificate.self,
        CertExpired.self, CertExpiring.self, CertNotYetValid.self, CertWeakKey.self, CertSHA1Signature.self,
        CertUnparsable.self, DuplicateCertificate.self,
        HTTPEndpoint.self, NoSSOService.self, UnknownBinding.self, NoNameIDFormat.self, ProtocolSupport.self,
        EntityIDFormat.self,
        ValidUntilExpired.self, ValidUntilTooFar.self, NoValidity.self, DuplicateEntityID.self, SchemaInvalid.self,
    ]
}
