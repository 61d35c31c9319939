import Foundation

/// Foundation's predefined character sets, built once. `CharacterSet.letters` builds a new value on
/// every access, which showed up in profiles of the classifiers (called per character).
enum CharacterSets {
    static let letters = CharacterSet.letters
    static let nonBaseCharacters = CharacterSet.nonBaseCharacters
    static let whitespaces = CharacterSet.whitespaces
    static let whitespacesAndNewlines = CharacterSet.whitespacesAndNewlines
    static let alphanumerics = CharacterSet.alphanumerics
}
