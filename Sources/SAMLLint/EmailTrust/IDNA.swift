import CIDN2

/// Internationalized domain names through libidn2: UTS #46 non-transitional processing (mapping,
/// NFC, IDNA2008 validity, STD3 rules) to the ASCII form, and back to Unicode for display and
/// look-alike checks. No hand-written punycode.
///
/// libidn2 silently drops some characters under UTS #46 (ignored code points, and characters STD3
/// forbids such as `_` or `/`), so callers must vet the input first: `DomainName.normalize` does.
public enum IDNA {
    /// Longest input handed to libidn2 (a domain is at most 253 octets in ASCII form).
    static let maxInputBytes = 1024

    /// The ASCII (A-label) form of `domain`, or the libidn2 error in words.
    public static func toASCII(_ domain: String) -> Result<String, IDNAError> {
        guard domain.utf8.count <= maxInputBytes else { return .failure(IDNAError(code: 0, message: "domain is too long")) }
        guard !domain.utf8.contains(0) else { return .failure(IDNAError(code: 0, message: "domain contains a NUL byte")) }
        var output: UnsafeMutablePointer<CChar>?
        let code = idn2_to_ascii_8z(domain, &output, cidn2_uts46_flags())
        defer { if let output { idn2_free(output) } }
        guard code == IDN2_OK.rawValue, let output else { return .failure(IDNAError(code: code)) }
        return .success(String(cString: output))
    }

    /// The Unicode (U-label) form of an ASCII domain; the input unchanged when it cannot be decoded.
    public static func toUnicode(_ asciiDomain: String) -> String {
        guard asciiDomain.utf8.count <= maxInputBytes, !asciiDomain.utf8.contains(0) else { return asciiDomain }
        var output: UnsafeMutablePointer<CChar>?
        let code = idn2_to_unicode_8z8z(asciiDomain, &output, 0)
        defer { if let output { idn2_free(output) } }
        guard code == IDN2_OK.rawValue, let output else { return asciiDomain }
        return String(cString: output)
    }
}

/// Why libidn2 refused a domain.
public struct IDNAError: Error, Sendable, Equatable, CustomStringConvertible {
    public let code: Int32
    public let message: String

    init(code: Int32, message: String? = nil) {
        self.code = code
        self.message = message ?? idn2_strerror(code).map { String(cString: $0) } ?? "IDNA error \(code)"
    }

    public var description: String { message }
}
