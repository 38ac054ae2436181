import RedactCore

/// How dictionary terms become PCRE2 source: `{{dict:NAME}}` inside a pattern, and the whole
/// pattern of a `dictionary = NAME` rule (for reference checkers and tools; the engine finds
/// dictionary rules with its automaton, with the same word boundaries).
public enum DictionaryPattern {
    /// A non-capturing alternation of the escaped terms, longest first (so PCRE2's leftmost
    /// alternative is the longest term at a position), ties in byte order.
    ///
    /// Escaping: ASCII letters and digits stay; a space becomes `\s` (one whitespace byte, so a
    /// term may wrap onto the next line); other ASCII bytes are backslash-escaped; bytes above
    /// 0x7F are written `\xHH` (byte mode: a UTF-8 letter is matched byte by byte, exactly).
    public static func alternation(_ terms: [String]) -> String {
        let sorted = terms.map { Array($0.utf8) }.sorted { a, b in
            a.count != b.count ? a.count > b.count : a.lexicographicallyPrecedes(b)
        }
        return "(?:" + sorted.map(escape).joined(separator: "|") + ")"
    }

    /// One term as PCRE2 source that matches it literally.
    public static func escape(_ term: [UInt8]) -> String {
        var s = ""
        for b in term {
            if ASCII.isAlnum(b) {
                s.unicodeScalars.append(Unicode.Scalar(b))
            } else if b == 0x20 {
                s += "\\s"
            } else if b < 0x80 {
                s += "\\"
                s.unicodeScalars.append(Unicode.Scalar(b))
            } else {
                s += "\\x" + String(b, radix: 16, uppercase: true)
            }
        }
        return s
    }

    /// Word boundary before a term: the previous byte is not an ASCII letter or digit, and not
    /// the last byte of a two-byte UTF-8 letter (Latin-1 Supplement to Cyrillic, lead bytes
    /// C3-D3), so `Zoë`'s `ë` counts as a letter while curly quotes (E2 80 9x) do not.
    public static let boundaryBefore = #"(?<![A-Za-z0-9]|[\xC3-\xD3][\x80-\xBF])"#
    /// Word boundary after a term: the next byte is not an ASCII letter or digit, nor the lead
    /// byte of such a two-byte UTF-8 letter.
    public static let boundaryAfter = #"(?![A-Za-z0-9\xC3-\xD3])"#

    /// The PCRE2 source of a dictionary rule: the word-bounded alternation of its terms,
    /// to be compiled caseless (dictionary rules match ASCII case-insensitively).
    public static func rulePattern(_ terms: [String]) -> String {
        boundaryBefore + alternation(terms) + boundaryAfter
    }
}

extension PatternPack {
    /// The PCRE2 source and caseless flag that find `rule`'s matches: its pattern (already
    /// dictionary-expanded by the loader), or for a dictionary rule the word-bounded alternation
    /// of its terms. Nil for a dictionary rule whose dictionary is not in this pack.
    public func pcre2Source(for rule: Rule) -> (pattern: String, caseless: Bool)? {
        switch rule.matcher {
        case .pattern(let p, let caseless):
            return (p, caseless)
        case .dictionary(let name):
            guard let d = dictionaries[name] else { return nil }
            return (DictionaryPattern.rulePattern(d.terms), true)
        }
    }

    /// The rule with this id, if loaded.
    public func rule(id: String) -> Rule? { rules.first { $0.id == id } }

    /// The categories some rule reports.
    public var categories: Set<Category> { Set(rules.map(\.category)) }
}
