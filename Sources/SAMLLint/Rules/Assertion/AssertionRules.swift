/// The `assertion/*` family: subject, conditions and structure of assertions and responses.
public enum AssertionRules {
    public static let all: [any Rule.Type] = [
        NameIDMissing.self, NameIDFormatMismatch.self, CommentInValue.self, MultipleAssertions.self,
        EncryptedUnreadable.self,
        IssuerUnknown.self, NameIDFormatUndeclared.self, DestinationUnknown.self,
        AudienceMismatch.self, RecipientMismatch.self, DestinationMismatch.self,
        Expired.self, NotYetValid.self, IssueInstantFuture.self, StatusNotSuccess.self,
        NoConditions.self, NoAudience.self, SubjectConfirmationMissing.self,
    ]
}
