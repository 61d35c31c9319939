/// The `input/*` family: raised by the pipeline while decoding and parsing, before any SAML is read.
public enum InputRules {
    public static let all: [any Rule.Type] = [
        DoctypeRefused.self, MalformedXML.self, Undecodable.self, NotSAML.self, TooLarge.self, NoSAMLFound.self, Unreadable.self,
    ]
}
