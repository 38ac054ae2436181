// REFERENCE CHECKER for pack rules: the slow, obvious definition of what a rule finds.
//
// This is the test helper that `patterns check` (RedactScan's engine) must agree with. It is
// kept in this one file so it can be swapped for the engine later. Semantics, per rule:
//
// 1. Candidates: PCRE2 global iteration (`PCRE2Pattern.allMatches`) of the rule's pattern over
//    the whole text (byte mode; a dictionary rule uses `PatternPack.pcre2Source(for:)`, the
//    word-bounded alternation of its terms, caseless). The reported range is after any `\K`.
// 2. Validation: a candidate whose validator returns false is dropped (global iteration has
//    already moved past it; no shorter candidate inside it is tried).
// 3. Context: with `context_required`, a candidate is kept only if some context word occurs in
//    the window [start - before, end + after) (clipped to the text).
// 4. Deny: a candidate is dropped if some deny word occurs in its deny window.
//
// A word "occurs in a window" when the whole occurrence lies inside the window, ASCII letters
// compare case-insensitively, each space in the word matches one or more whitespace bytes
// (space, tab, CR, LF), and the occurrence is word-bounded: if the word starts (ends) with an
// ASCII letter or digit, the byte before (after) the occurrence, which may lie outside the
// window, is not an ASCII letter or digit.
//
// Overlap resolution between rules is not part of a rule's own check: each rule is checked alone.

import RedactCore
import RedactPCRE2
import RedactPatterns

struct ReferenceChecker {
    let pack: PatternPack
    private let compiled: [String: PCRE2Pattern]

    init(pack: PatternPack) throws {
        self.pack = pack
        var compiled: [String: PCRE2Pattern] = [:]
        for rule in pack.rules {
            guard let (source, caseless) = pack.pcre2Source(for: rule) else { continue }
            compiled[rule.id] = try PCRE2Pattern(source, caseless: caseless)
        }
        self.compiled = compiled
    }

    /// The raw PCRE2 candidates of `rule` in `text`, before validation and context.
    func candidates(of rule: Rule, in text: [UInt8]) -> [Range<Int>] {
        compiled[rule.id]?.allMatches(in: text) ?? []
    }

    /// What `rule` finds in `text`: candidates that pass the validator, the required context and the deny words.
    func findings(of rule: Rule, in text: [UInt8]) -> [Range<Int>] {
        let validator = rule.validator.flatMap(Validators.named)
        return candidates(of: rule, in: text).filter { r in
            if let validator, !validator(text[r]) { return false }
            if let ctx = rule.context, ctx.required, !Self.occurs(ctx.words, in: text, around: r, ctx) { return false }
            if let deny = rule.denyContext, Self.occurs(deny.words, in: text, around: r, deny) { return false }
            return true
        }
    }

    /// One way a rule's carried examples disagree with what it finds. Describes positions, not text.
    struct Failure: CustomStringConvertible {
        var rule: String
        var location: SourceLocation
        var expected: Range<Int>?
        var found: [Range<Int>]
        var description: String {
            let want = expected.map { "exactly \($0)" } ?? "nothing (counter-example)"
            return "\(location): rule \(rule): expected \(want), found \(found)"
        }
    }

    /// Runs every example and counter-example carried beside `rule`.
    func check(_ rule: Rule) -> [Failure] {
        rule.examples.compactMap { ex in
            let found = findings(of: rule, in: Array(ex.text.utf8))
            let ok = ex.expected.map { found == [$0] } ?? found.isEmpty
            return ok ? nil : Failure(rule: rule.id, location: ex.location, expected: ex.expected, found: found)
        }
    }

    // MARK: - Context words

    static func occurs(_ words: [String], in text: [UInt8], around r: Range<Int>, _ spec: ContextSpec) -> Bool {
        let window = max(0, r.lowerBound - spec.before)..<min(text.count, r.upperBound + spec.after)
        return words.contains { occurs(Array($0.utf8), in: text, window: window) }
    }

    static func occurs(_ word: [UInt8], in text: [UInt8], window: Range<Int>) -> Bool {
        guard !word.isEmpty else { return false }
        for start in window {
            guard let end = matchWord(word, in: text, at: start, limit: window.upperBound) else { continue }
            if isAlnum(word[0]), start > 0, isAlnum(text[start - 1]) { continue }
            if isAlnum(word[word.count - 1]), end < text.count, isAlnum(text[end]) { continue }
            return true
        }
        return false
    }

    /// End of `word` matched at `start` (spaces match whitespace runs), or nil.
    private static func matchWord(_ word: [UInt8], in text: [UInt8], at start: Int, limit: Int) -> Int? {
        var i = start
        for w in word {
            if w == 0x20 {
                guard i < limit, isSpace(text[i]) else { return nil }
                while i < limit, isSpace(text[i]) { i += 1 }
            } else {
                guard i < limit, lower(text[i]) == lower(w) else { return nil }
                i += 1
            }
        }
        return i
    }

    static func isAlnum(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) }
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
    static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
}
