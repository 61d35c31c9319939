/// Which scripts the letters of a domain label come from, for the scripts whose letters are
/// confused with one another (Latin, Greek, Cyrillic, Armenian). A label that mixes two of them
/// (`exаmple` with a Cyrillic `а`) is a look-alike in the making; CJK and other scripts mixed with
/// Latin are ordinary and not reported.
public enum ScriptMix {
    public enum Script: String, Sendable, Comparable {
        case latin = "Latin", greek = "Greek", cyrillic = "Cyrillic", armenian = "Armenian"
        public static func < (a: Script, b: Script) -> Bool { a.rawValue < b.rawValue }
    }

    public static func script(of scalar: Unicode.Scalar) -> Script? {
        guard scalar.properties.isAlphabetic else { return nil }
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x250...0x2AF, 0x1D00...0x1D7F, 0x1E00...0x1EFF, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
            return .latin
        case 0x370...0x3FF, 0x1F00...0x1FFF:
            return .greek
        case 0x400...0x52F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F:
            return .cyrillic
        case 0x530...0x58F:
            return .armenian
        default:
            return nil
        }
    }

    /// The confusable scripts a label mixes, sorted; empty when it uses at most one.
    public static func mixedScripts(in label: some StringProtocol) -> [Script] {
        var seen = Set<Script>()
        for scalar in label.unicodeScalars {
            if let script = script(of: scalar) { seen.insert(script) }
        }
        return seen.count > 1 ? seen.sorted() : []
    }
}
