import CLibXMLSec

/// One-time libxml2 initialisation. libxml2 2.9 wants `xmlInitParser()` before it is used from
/// several threads; a `static let` runs it exactly once, lazily and thread-safely.
enum LibXML {
    static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    static func ensureInitialized() { _ = initialized }
}

extension String {
    /// Reads a libxml2 `xmlChar *` that the caller owns and frees it.
    init?(consuming pointer: UnsafeMutablePointer<xmlChar>?) {
        guard let pointer else { return nil }
        self = String(cString: pointer)
        clibxml2_free(pointer)
    }
}
