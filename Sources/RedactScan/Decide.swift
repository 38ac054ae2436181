import RedactCore

/// A match that has passed its validator and context rules and now competes for its bytes.
struct Candidate {
    var start: Int
    var end: Int
    var rule: Int32
    var tag: Int32
    /// Validated (check digit or structure passed, or a party-list name): wins overlaps.
    var validated: Bool
    var priority: Int
}

/// Validation and context: the same code for every engine, so engines differ only in how
/// they find raw matches.
enum Decide {
    /// Turns a raw match into a candidate, or nil when the validator or context rejects it.
    /// `contextKnown`: the rule's required context is already established (a table column of
    /// the rule's category, or the fast engine's context words from the automaton).
    /// The rule is read in place through a pointer: a `CompiledRule` argument was copied out
    /// of its storage, retaining its pattern, validator and word lists, per candidate.
    @inline(__always)
    static func candidate(
        _ p: UnsafePointer<UInt8>, count: Int, start: Int, end: Int, ruleIndex: Int32, tag: Int32,
        rule: UnsafePointer<CompiledRule>, contextKnown: Bool = false
    ) -> Candidate? {
        guard end > start else { return nil }
        var validated = rule.pointee.confirmed
        // `if let`, not `unsafelyUnwrapped`: that generic getter hands the closure back in its
        // most general form, and calling it allocated a thunk per candidate.
        if let validate = rule.pointee.validator {
            guard validate(UnsafeBufferPointer(start: p + start, count: end - start)) else { return nil }
            validated = true
        }
        if let deny = rule.pointee.deny, contextPresent(p, count: count, start: start, end: end, deny) { return nil }
        if rule.pointee.requiresContext, !contextKnown, let context = rule.pointee.context,
           !contextPresent(p, count: count, start: start, end: end, context) {
            return nil
        }
        return Candidate(start: start, end: end, rule: ruleIndex, tag: tag, validated: validated, priority: rule.pointee.priority)
    }

    /// Whether any context word occurs, word-bounded and ASCII case-insensitive, in the
    /// `before` bytes ending at `start` or the `after` bytes starting at `end`.
    static func contextPresent(_ p: UnsafePointer<UInt8>, count: Int, start: Int, end: Int, _ c: CompiledContext) -> Bool {
        let beforeLo = max(0, start - c.before)
        let afterHi = min(count, end + c.after)
        return c.words.withUnsafeBufferPointer { words in
            c.wordStarts.withUnsafeBufferPointer { starts in
                occursAny(words, starts, p, count: count, from: beforeLo, to: start)
                    || occursAny(words, starts, p, count: count, from: end, to: afterHi)
            }
        }
    }

    /// Whether any of `words` (lower-case bytes, sorted by first byte and indexed by `starts`,
    /// see `CompiledContext`) occurs wholly inside `p[from..<to]` on word boundaries. Only
    /// positions that can start a word-bounded occurrence are tried: where the byte, or the one
    /// before it, is not an ASCII letter or digit (inside a word, a word that starts with a
    /// letter or digit fails `boundaryOK` anyway). That is about one position in six in prose,
    /// and each tries only the words that start with its byte.
    static func occursAny(_ words: UnsafeBufferPointer<[UInt8]>, _ starts: UnsafeBufferPointer<Int32>, _ p: UnsafePointer<UInt8>,
                          count: Int, from: Int, to: Int) -> Bool {
        var i = from
        while i < to {
            if i == 0 || !(WordBoundary.isASCIIAlnum(p[i - 1]) && WordBoundary.isASCIIAlnum(p[i])) {
                let b = Int(lowerASCII(p[i]))
                var k = Int(starts[b])
                let last = Int(starts[b + 1])
                while k < last {
                    let found = words[k].withUnsafeBufferPointer { w in
                        guard w.count <= to - i else { return false }
                        var j = 1
                        while j < w.count && lowerASCII(p[i + j]) == w[j] { j += 1 }
                        return j == w.count && boundaryOK(w, p, count: count, start: i, end: i + w.count)
                    }
                    if found { return true }
                    k += 1
                }
            }
            i += 1
        }
        return false
    }

    @inline(__always) static func lowerASCII(_ b: UInt8) -> UInt8 { (b &- 0x41) < 26 ? b | 0x20 : b }

    /// Word boundaries apply only on the sides where the word itself is alphanumeric
    /// ("d.o.b." or "DOB:" still match next to punctuation).
    @inline(__always)
    static func boundaryOK(_ w: UnsafeBufferPointer<UInt8>, _ p: UnsafePointer<UInt8>, count: Int, start: Int, end: Int) -> Bool {
        if WordBoundary.isASCIIAlnum(w[0]) && WordBoundary.letterBefore(p, lower: 0, index: start) { return false }
        if WordBoundary.isASCIIAlnum(w[w.count - 1]) && WordBoundary.letterAt(p, upper: count, index: end) { return false }
        return true
    }

    /// Resolves overlaps by one rule: validated beats unvalidated, then the longer span, then
    /// the higher priority (then the earlier start and lower rule index, for determinism).
    /// `candidates` must be sorted by start. Survivors are appended to `out` in start order.
    static func resolve(_ candidates: inout [Candidate], into out: inout [Candidate], cluster: inout [Candidate],
                        spare: inout [Candidate]) {
        var i = 0
        let n = candidates.count
        while i < n {
            // A cluster: a maximal run of candidates connected by overlap.
            var clusterEnd = candidates[i].end
            var j = i + 1
            while j < n && candidates[j].start < clusterEnd {
                clusterEnd = max(clusterEnd, candidates[j].end)
                j += 1
            }
            if j == i + 1 {
                out.append(candidates[i])
            } else {
                cluster.removeAll(keepingCapacity: true)
                for k in i..<j { cluster.append(candidates[k]) }
                StableSort.sort(&cluster, buffer: &spare, by: wins)
                let firstOut = out.count
                for c in cluster where !out[firstOut...].contains(where: { $0.start < c.end && c.start < $0.end }) {
                    out.append(c)
                }
                let before = { (a: Candidate, b: Candidate) in (a.start, a.end, a.rule) < (b.start, b.end, b.rule) }
                if !isSorted(out[firstOut...], by: before) {
                    StableSort.sort(&out, range: firstOut..<out.count, buffer: &spare, by: before)
                }
            }
            i = j
        }
    }

    static func isSorted(_ s: ArraySlice<Candidate>, by before: (Candidate, Candidate) -> Bool) -> Bool {
        var i = s.startIndex
        while i + 1 < s.endIndex {
            if before(s[i + 1], s[i]) { return false }
            i += 1
        }
        return true
    }

    @inline(__always)
    static func wins(_ a: Candidate, _ b: Candidate) -> Bool {
        if a.validated != b.validated { return a.validated }
        if a.length != b.length { return a.length > b.length }
        if a.priority != b.priority { return a.priority > b.priority }
        if a.start != b.start { return a.start < b.start }
        return a.rule < b.rule
    }

    /// Sorts by start (then end, rule) and drops exact duplicates (same span and rule found twice,
    /// e.g. by two literal variants of one party name).
    /// `buffer` is scratch space for the sort.
    static func sortAndDedupe(_ c: inout [Candidate], buffer: inout [Candidate]) {
        let before = { (a: Candidate, b: Candidate) in (a.start, a.end, a.rule, a.tag) < (b.start, b.end, b.rule, b.tag) }
        if !isSorted(c[...], by: before) { StableSort.sort(&c, buffer: &buffer, by: before) }
        var w = 0
        for r in 0..<c.count {
            if w > 0 && c[w - 1].start == c[r].start && c[w - 1].end == c[r].end && c[w - 1].rule == c[r].rule { continue }
            c[w] = c[r]
            w += 1
        }
        c.removeLast(c.count - w)
    }
}

extension Candidate {
    var length: Int { end - start }
    var finding: Finding { Finding(start: start, end: end, rule: rule, tag: tag) }
}
