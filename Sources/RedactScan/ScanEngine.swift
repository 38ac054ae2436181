import RedactCore
import RedactPCRE2
import RedactPatterns

/// The scanner: finds every rule's matches in a buffer in one pass over its bytes.
///
/// How it finds them, and why that is sound:
/// 1. A SIMD pass finds *trigger bytes* (digits, `@`, ...); the automaton finds *literals*
///    (dictionary terms, party names, literal triggers such as titles). Both run once per buffer.
/// 2. A pattern rule runs PCRE2 (JIT, reused match data) only in *windows* around its triggers:
///    every match contains a trigger (the pack's promise) and is at most `reach` bytes long, so
///    it lies inside `[t - reach + 1, t + reach)` of some trigger `t`. Windows that overlap are
///    merged, so no match can straddle two windows, and a global PCRE2 iteration inside each
///    window finds exactly what a global iteration over the whole text finds. Prefilters may
///    report false positives (a window with no match), never false negatives.
/// 3. Every raw match then goes through the same `Decide` code in every engine: validator,
///    deny words, required context, and one overlap rule (validated beats unvalidated, then
///    longer, then priority).
///
/// `reference` mode skips steps 1-2 (every pattern over the whole buffer, literals by brute
/// force); the differential test proves both modes report the same findings.
public final class ScanEngine: Sendable {
    public enum Mode: Sendable { case fast, reference }

    public let table: RuleTable
    public let mode: Mode
    /// Bytes of context each side of an emitted span that decisions may look at. The streaming
    /// scanner keeps this much overlap around each block.
    public let overlap: Int

    struct Group: Sendable {
        var rules: [Int32]
        var reach: Int
    }

    let byteGroups: [Group]
    let triggers: TriggerScanner
    let literalGroups: [Group]
    let alwaysRules: [Int32]
    let patternRules: [Int32]
    let literals: LiteralIndex
    let literalLengths: [Int]
    let matcher: any LiteralMatcher
    /// Extra bytes of subject after a window, so lookaheads at a window's end see real text.
    static let lookaheadMargin = 32

    public init(table: RuleTable, pack: PatternPack, mode: Mode = .fast) throws {
        self.table = table
        self.mode = mode
        var byteSets: [ByteSet] = []
        var byteGroups: [Group] = []
        var literalTriggerGroups: [[String]: Int] = [:]
        var literalGroups: [Group] = []
        var always: [Int32] = []
        var patternRules: [Int32] = []
        var literals = LiteralIndex()
        var maxReach = 64
        var maxContext = 0

        for (i, rule) in pack.rules.enumerated() {
            let index = Int32(i)
            maxReach = max(maxReach, rule.maxLength)
            maxContext = max(maxContext, rule.context.map { max($0.before, $0.after) } ?? 0,
                             rule.denyContext.map { max($0.before, $0.after) } ?? 0)
            switch rule.matcher {
            case .dictionary(let name):
                guard let dict = pack.dictionaries[name] else {
                    throw ScanError(.invalidPack, path: rule.location.description, detail: "rule \(rule.id): unknown dictionary \(name)")
                }
                for term in dict.terms {
                    for form in PartyList.caseVariants(term) { literals.add(Array(form.utf8), .term(rule: index)) }
                }
            case .pattern:
                patternRules.append(index)
                switch rule.trigger {
                case .always:
                    always.append(index)
                case .bytes(let set):
                    if let g = byteSets.firstIndex(of: set) {
                        byteGroups[g].rules.append(index)
                        byteGroups[g].reach = max(byteGroups[g].reach, rule.maxLength)
                    } else {
                        byteSets.append(set)
                        byteGroups.append(Group(rules: [index], reach: rule.maxLength))
                    }
                case .literals, .dictionary:
                    var words: [String]
                    if case .literals(let l) = rule.trigger {
                        words = l
                    } else if case .dictionary(let name) = rule.trigger, let dict = pack.dictionaries[name] {
                        words = dict.terms
                    } else {
                        throw ScanError(.invalidPack, path: rule.location.description, detail: "rule \(rule.id): unknown trigger dictionary")
                    }
                    words = words.map { $0.lowercased() }.sorted()
                    if let g = literalTriggerGroups[words] {
                        literalGroups[g].rules.append(index)
                        literalGroups[g].reach = max(literalGroups[g].reach, rule.maxLength)
                    } else {
                        let g = literalGroups.count
                        literalTriggerGroups[words] = g
                        literalGroups.append(Group(rules: [index], reach: rule.maxLength))
                        for w in words { literals.add(Array(w.utf8), .trigger(group: Int32(g))) }
                    }
                }
            }
        }
        for v in table.parties.variants() {
            literals.add(v.bytes, .party(party: v.party, skip: Int32(v.skip)))
            maxReach = max(maxReach, v.bytes.count)
        }
        guard byteSets.count <= 8 else {
            throw ScanError(.invalidPack, path: pack.name, detail: "more than 8 distinct byte triggers")
        }
        self.byteGroups = byteGroups
        self.triggers = TriggerScanner(groups: byteSets)
        self.literalGroups = literalGroups
        self.alwaysRules = always
        self.patternRules = patternRules
        self.literals = literals
        self.literalLengths = literals.literals.map(\.count)
        switch mode {
        case .fast: self.matcher = try AutomatonLiteralMatcher(literals: literals.literals)
        case .reference: self.matcher = NaiveLiteralMatcher(literals: literals.literals)
        }
        // A decision about a span looks at most one competing span plus its context away.
        self.overlap = 2 * (maxReach + maxContext) + Self.lookaheadMargin + 64
    }

    /// Per-worker scratch: PCRE2 match data and reusable arrays. Not Sendable; one per thread.
    public func makeScratch() -> ScanScratch {
        let pairs = table.rules.compactMap { $0.pattern?.captureCount }.max() ?? 0
        return ScanScratch(pairs: pairs + 1, groups: max(byteGroups.count, literalGroups.count))
    }

    /// Scans `buffer` and appends to `out` the findings whose start lies in `emit`
    /// (buffer-relative offsets, shifted by `base` on output).
    ///
    /// The caller guarantees `overlap` bytes of real input around `emit` where the input has
    /// them; at the true start and end of the input, the buffer simply ends there.
    public func scan(_ buffer: UnsafeBufferPointer<UInt8>, emit: Range<Int>, base: Int = 0,
                     scratch: ScanScratch, into out: inout [Finding]) {
        guard let p = buffer.baseAddress, buffer.count > 0 else { return }
        let n = buffer.count
        scratch.candidates.removeAll(keepingCapacity: true)

        // Literals: dictionary terms and party names become candidates; literal triggers open windows.
        scratch.hits.removeAll(keepingCapacity: true)
        if !literals.isEmpty { matcher.findAll(buffer, into: &scratch.hits) }
        if mode == .reference || !literalGroups.isEmpty { scratch.hits.sort { $0.end < $1.end } }
        for hit in scratch.hits {
            let len = literalLengths[Int(hit.pattern)]
            let start = hit.end - len
            for action in literals.actions[Int(hit.pattern)] {
                switch action {
                case .term(let rule):
                    if WordBoundary.termBoundsOK(p, lower: 0, upper: n, start: start, end: hit.end) {
                        add(p, n, start, hit.end, rule, -1, scratch)
                    }
                case .party(let party, let skip):
                    let s = start + Int(skip)
                    if WordBoundary.nameStartOK(p, lower: 0, start: start), WordBoundary.nameEndOK(p, upper: n, end: hit.end) {
                        add(p, n, s, hit.end, table.partyRule, party, scratch)
                    }
                case .trigger(let group):
                    if mode == .fast { literalWindow(group: Int(group), start: start, end: hit.end, p, n, scratch) }
                }
            }
        }

        switch mode {
        case .fast:
            for g in 0..<literalGroups.count { flushLiteralWindow(group: g, p, n, scratch) }
            scanByteTriggers(p, n, scratch)
            for rule in alwaysRules { runRule(rule, p, n, from: 0, limit: n, length: n, scratch) }
        case .reference:
            for rule in patternRules { runRule(rule, p, n, from: 0, limit: n, length: n, scratch) }
        }

        Decide.sortAndDedupe(&scratch.candidates)
        scratch.resolved.removeAll(keepingCapacity: true)
        Decide.resolve(&scratch.candidates, into: &scratch.resolved, cluster: &scratch.cluster)
        for c in scratch.resolved where emit.contains(c.start) {
            out.append(Finding(start: c.start + base, end: c.end + base, rule: c.rule, tag: c.tag))
        }
    }

    @inline(__always)
    private func add(_ p: UnsafePointer<UInt8>, _ n: Int, _ s: Int, _ e: Int, _ rule: Int32, _ tag: Int32, _ scratch: ScanScratch) {
        if let c = Decide.candidate(p, count: n, start: s, end: e, ruleIndex: rule, tag: tag, rule: table.rules[Int(rule)]) {
            scratch.candidates.append(c)
        }
    }

    /// Global PCRE2 iteration of one rule over `p[from..<limit]`, lookahead up to `length`.
    @inline(__always)
    private func runRule(_ rule: Int32, _ p: UnsafePointer<UInt8>, _ n: Int, from: Int, limit: Int, length: Int, _ scratch: ScanScratch) {
        guard let pattern = table.rules[Int(rule)].pattern else { return }
        pattern.forEachMatch(in: p, length: length, from: from, limit: limit, scratch: scratch.matchData) { r, _ in
            add(p, n, r.lowerBound, r.upperBound, rule, -1, scratch)
        }
    }

    private func runGroup(_ group: Group, _ p: UnsafePointer<UInt8>, _ n: Int, window: Range<Int>, _ scratch: ScanScratch) {
        let length = min(n, window.upperBound + Self.lookaheadMargin)
        for rule in group.rules {
            runRule(rule, p, n, from: window.lowerBound, limit: window.upperBound, length: length, scratch)
        }
    }

    private func scanByteTriggers(_ p: UnsafePointer<UInt8>, _ n: Int, _ scratch: ScanScratch) {
        guard !byteGroups.isEmpty else { return }
        for g in 0..<byteGroups.count { scratch.windowStart[g] = -1; scratch.windowEnd[g] = -1 }
        triggers.forEachTrigger(p, from: 0, to: n) { t, mask in
            var m = mask
            while m != 0 {
                let g = m.trailingZeroBitCount
                m &= m - 1
                let reach = byteGroups[g].reach
                let ws = max(0, t - reach + 1), we = min(n, t + reach)
                if scratch.windowEnd[g] > ws {
                    scratch.windowEnd[g] = we
                } else {
                    if scratch.windowEnd[g] >= 0 {
                        runGroup(byteGroups[g], p, n, window: scratch.windowStart[g]..<scratch.windowEnd[g], scratch)
                    }
                    scratch.windowStart[g] = ws
                    scratch.windowEnd[g] = we
                }
            }
        }
        for g in 0..<byteGroups.count where scratch.windowEnd[g] >= 0 {
            runGroup(byteGroups[g], p, n, window: scratch.windowStart[g]..<scratch.windowEnd[g], scratch)
        }
    }

    /// A literal trigger `p[start..<end]`: matches containing it lie in `[end - reach, start + reach)`.
    /// Hits arrive sorted by end, so window starts are monotonic and merging is a running max.
    private func literalWindow(group g: Int, start: Int, end: Int, _ p: UnsafePointer<UInt8>, _ n: Int, _ scratch: ScanScratch) {
        let reach = literalGroups[g].reach
        let ws = max(0, end - reach), we = min(n, start + reach)
        guard we > ws else { return }  // the literal is longer than any match of the group
        if scratch.literalWindowEnd[g] > ws {
            scratch.literalWindowEnd[g] = max(scratch.literalWindowEnd[g], we)
        } else {
            flushLiteralWindow(group: g, p, n, scratch)
            scratch.literalWindowStart[g] = ws
            scratch.literalWindowEnd[g] = we
        }
    }

    private func flushLiteralWindow(group g: Int, _ p: UnsafePointer<UInt8>, _ n: Int, _ scratch: ScanScratch) {
        if scratch.literalWindowEnd[g] >= 0 {
            runGroup(literalGroups[g], p, n, window: scratch.literalWindowStart[g]..<scratch.literalWindowEnd[g], scratch)
        }
        scratch.literalWindowStart[g] = -1
        scratch.literalWindowEnd[g] = -1
    }
}

/// Reusable per-worker state for `ScanEngine.scan`. Allocates only while its arrays grow to
/// the working size of the input; after that a scan allocates nothing.
public final class ScanScratch {
    let matchData: PCRE2MatchData
    var candidates: [Candidate] = []
    var resolved: [Candidate] = []
    var cluster: [Candidate] = []
    var hits: [LiteralHit] = []
    var windowStart: [Int]
    var windowEnd: [Int]
    var literalWindowStart: [Int]
    var literalWindowEnd: [Int]

    init(pairs: Int, groups: Int) {
        matchData = PCRE2MatchData(pairs: pairs)
        windowStart = Array(repeating: -1, count: max(groups, 1))
        windowEnd = Array(repeating: -1, count: max(groups, 1))
        literalWindowStart = Array(repeating: -1, count: max(groups, 1))
        literalWindowEnd = Array(repeating: -1, count: max(groups, 1))
        candidates.reserveCapacity(1024)
        resolved.reserveCapacity(1024)
        hits.reserveCapacity(1024)
    }
}
