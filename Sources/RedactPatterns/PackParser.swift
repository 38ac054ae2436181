import Foundation
import RedactCore

/// The line grammar of pack files, without meaning: `.rules` files become `RuleDeclaration`s,
/// `pack.conf` becomes key/value pairs, dictionaries become terms, examples lose their markers.
/// `PackLoader` gives the declarations meaning (categories, validators, dictionaries, PCRE2).
enum PackParser {
    /// One `key = value` line of a rule.
    struct Entry: Sendable {
        var key: String
        var value: String
        var line: Int
    }

    /// A `[rule ID]` block as written.
    struct RuleDeclaration: Sendable {
        var id: String
        var file: String
        var line: Int
        var entries: [Entry]
    }

    /// Splits a `.rules` file into rule blocks.
    ///
    /// Grammar, one construct per line: blank; `#` comment (first non-blank character);
    /// `[rule ID]`; `key = value` (key is `[a-z_]+`, value is the rest of the line, trimmed, raw:
    /// no escapes). Lines end with LF, CRLF or CR (`TextLines`).
    static func parseRules(_ text: String, file: String) throws(PackError) -> [RuleDeclaration] {
        var rules: [RuleDeclaration] = []
        for (index, raw) in TextLines.split(text).enumerated() {
            let lineNumber = index + 1
            let line = trim(raw)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), line.hasPrefix("[rule ") || line == "[rule]" else {
                    throw PackError(.malformedLine, file: file, line: lineNumber, rule: rules.last?.id)
                }
                let id = trim(String(line.dropFirst(5).dropLast()))
                guard !id.isEmpty,
                      id.utf8.allSatisfy({ ASCII.isAlnum($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") })
                else { throw PackError(.badRuleID, file: file, line: lineNumber, rule: id.isEmpty ? nil : id) }
                rules.append(RuleDeclaration(id: id, file: file, line: lineNumber, entries: []))
                continue
            }
            guard let (key, value) = keyValue(line) else {
                throw PackError(.malformedLine, file: file, line: lineNumber, rule: rules.last?.id)
            }
            guard !rules.isEmpty else { throw PackError(.keyOutsideRule, file: file, line: lineNumber) }
            rules[rules.count - 1].entries.append(Entry(key: key, value: value, line: lineNumber))
        }
        return rules
    }

    /// `pack.conf`: comments, blanks and `key = value` lines.
    static func parseConf(_ text: String, file: String) throws(PackError) -> [Entry] {
        var out: [Entry] = []
        for (index, raw) in TextLines.split(text).enumerated() {
            let line = trim(raw)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let (key, value) = keyValue(line) else {
                throw PackError(.malformedLine, file: file, line: index + 1)
            }
            out.append(Entry(key: key, value: value, line: index + 1))
        }
        return out
    }

    /// A dictionary file: one term per line, trimmed; blank lines and `#` comments skipped;
    /// repeated terms (ASCII case-insensitively) kept once, first spelling wins.
    static func parseDictionary(_ text: String) -> [String] {
        var seen = Set<String>()
        var terms: [String] = []
        for raw in TextLines.split(text) {
            let term = trim(raw)
            if term.isEmpty || term.hasPrefix("#") { continue }
            if seen.insert(asciiLowercased(term)).inserted { terms.append(term) }
        }
        return terms
    }

    /// The example text without its « » markers, and the byte range the markers enclosed
    /// (the whole text when there are none). Nil when the markers are unbalanced or enclose nothing.
    static func parseExample(_ text: String) -> (text: String, expected: Range<Int>)? {
        let open: [UInt8] = [0xC2, 0xAB], close: [UInt8] = [0xC2, 0xBB]
        var bytes: [UInt8] = []
        var start: Int?, end: Int?
        let u = Array(text.utf8)
        var i = 0
        while i < u.count {
            if i + 1 < u.count, u[i] == open[0], u[i + 1] == open[1] {
                guard start == nil else { return nil }
                start = bytes.count
                i += 2
            } else if i + 1 < u.count, u[i] == close[0], u[i + 1] == close[1] {
                guard start != nil, end == nil else { return nil }
                end = bytes.count
                i += 2
            } else {
                bytes.append(u[i])
                i += 1
            }
        }
        let plain = String(decoding: bytes, as: UTF8.self)
        switch (start, end) {
        case (nil, nil): return bytes.isEmpty ? nil : (plain, 0..<bytes.count)
        case let (s?, e?) where e > s: return (plain, s..<e)
        default: return nil
        }
    }

    /// Example and counter text may hold line breaks, which a line-oriented file cannot: the two
    /// characters `\n` stand for one LF there (and only there; patterns are raw).
    static func unescapeExample(_ text: String) -> String {
        text.contains("\\n") ? text.replacing("\\n", with: "\n") : text
    }

    /// Whether `text` carries a « or » marker.
    static func hasMarkers(_ text: String) -> Bool { text.contains("\u{AB}") || text.contains("\u{BB}") }

    // MARK: - Helpers

    static func trim<S: StringProtocol>(_ s: S) -> String {
        var sub = Substring(s)
        while let f = sub.first, f == " " || f == "\t" { sub = sub.dropFirst() }
        while let l = sub.last, l == " " || l == "\t" { sub = sub.dropLast() }
        return String(sub)
    }

    static func asciiLowercased(_ s: String) -> String {
        String(decoding: s.utf8.map { ASCII.isUpper($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    /// `key = value` with key `[a-z_]+`.
    private static func keyValue(_ line: String) -> (String, String)? {
        guard let eq = line.firstIndex(of: "=") else { return nil }
        let key = trim(line[..<eq])
        guard !key.isEmpty, key.utf8.allSatisfy({ ASCII.isLower($0) || $0 == UInt8(ascii: "_") }) else { return nil }
        return (key, trim(line[line.index(after: eq)...]))
    }
}
