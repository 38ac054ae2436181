import RedactCore
import RedactPCRE2
import RedactPatterns

/// The scanner: finds every rule's matches in a buffer in one pass over its bytes.
///
/// How it finds them, and why that is sound:
/// 1. A SIMD pass finds *trigger bytes* (digits, `@`, ...); the automaton finds *literals*
///    (dictionary terms, party names, context words, literal triggers such as titles) where
///    they stand as whole words, walking its trie only from word starts that a prefix filter
///    lets through (`AhoCorasick.scanWordStarts`). Both run once per buffer.
/// 2. A pattern rule runs PCRE2 (JIT, reused match data) only in *windows* around its triggers:
///    every match contains a trigger (the pack's promise) that lies fewer than `before` bytes
///    after its start and at most `after` bytes before its end (`trigger_reach`, else
///    `max_length` both ways). Windows that overlap are merged, so no match can straddle two
///    windows, and a global PCRE2 iteration inside each window finds exactly what a global
///    iteration over the whole text finds. A match starts at or before its trigger, so the
///    iteration stops at the window's last trigger (PCRE2's offset limit); the bytes after it
///    are only read by lookaheads and the ends of matches. Prefilters may report false
///    positives (a window with no match), never false negatives.
/// 3. Every raw match then goes through the same `Decide` code in every engine: validator,
///    deny words, required context, and one overlap rule (validated beats unvalidated, then
///    longer, then priority).
///
/// `reference` mode skips steps 1-2 (every pattern over the whole buffer, literals by brute
/// force at every offset); the differential tests prove both modes report the same findings,
/// on generated text with a small pack and on the committed sample with the UK pack.
public final class ScanEngine: Sendable {
    public enum Mode: Sendable { case fast, reference }

    public let table: RuleTable
    public let mode: Mode
    /// Bytes of context each side of an emitted span that decisions may look at. The streaming
    /// scanner keeps this much overlap around each block.
    public let overlap: Int

    struct Group: Sendable {
        var rules: [Int32]
        /// Bytes a match can extend after its trigger's start (`Rule.triggerReach`, else
        /// `maxLength`).
        var reach: Int
        /// Bytes before the trigger a match can start (`Rule.triggerReach`, else `maxLength`).
        var before: Int = 0
        /// Literal groups: how far before a trigger's *end* a match can start, the smaller of
        /// the longest match and `before - 1` plus the longest trigger word. Measured from the
        /// end so that window starts grow with the hits, which arrive in order of end.
        var lead: Int = 0
        /// Per rule (parallel to `rules`): fewest triggers a window must hold to run it.
        var minTriggers: [Int] = []
        /// Per rule (parallel to `rules`): the letter-and-digit pair every match holds, if declared.
        var letterDigit: [LetterDigit?] = []
        /// Per rule (parallel to `rules`): the lengths of a digit run every match holds, if declared.
        var digitRun: [ClosedRange<Int>?] = []
        /// Byte groups: the required-word group all its rules share (`Rule.requires`), or -1.
        var required: Int32 = -1
    }

    let byteGroups: [Group]
    /// Every group's rules, flattened: byte group g is `groupEntries.ranges[g]`, literal
    /// group g is `ranges[byteGroups.count + g]`.
    let groupEntries: GroupEntries
    let triggers: TriggerScanner
    let literalGroups: [Group]
    let alwaysRules: [Int32]
    let patternRules: [Int32]
    let literals: LiteralIndex
    let literalActions: LiteralActions
    let literalLengths: [Int]
    /// Per literal: bit 0 set when its first byte is an ASCII letter or digit, bit 1 when its
    /// last byte is (the sides on which a word boundary applies).
    let literalWordEdges: [UInt8]
    /// Per rule: its required-context group, or -1. Rules that need context words run only in
    /// windows with such a word near (outside tables, where the header row is the context).
    let contextGroupOfRule: [Int32]
    /// Per context group: how far before and after a match its words may lie.
    let contextWindows: [(before: Int, after: Int)]
    /// How many required-word groups there are (one per dictionary named by `requires`).
    let requiredGroupCount: Int
    let matcher: any LiteralMatcher
    /// Bytes either side of a trigger run read for letter-and-digit pairs: one more than the
    /// largest `letter_digit` gap declared, or 0 when no rule declares one.
    let letterDigitMargin: Int
    /// Extra bytes of subject after a window, so lookaheads at a window's end see real text.
    static let lookaheadMargin = 32

    public init(table: RuleTable, pack: PatternPack, mode: Mode = .fast) throws {
        self.table = table
        self.mode = mode
        var byteSets: [ByteSet] = []
        var byteGroups: [Group] = []
        var byteGroupKeys: [(set: ByteSet, before: Int, required: Int32)] = []
        var requiredGroups: [String: Int32] = [:]
        var literalTriggerGroups: [LiteralTriggerKey: Int] = [:]
        var literalGroups: [Group] = []
        var always: [Int32] = []
        var patternRules: [Int32] = []
        var literals = LiteralIndex()
        var maxReach = 64
        var maxContext = 0
        var contextGroupOfRule = [Int32](repeating: -1, count: pack.rules.count)
        var contextWindows: [(before: Int, after: Int)] = []
        var contextKeys: [ContextSpec: Int32] = [:]

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
                    for form in PartyList.caseVariants(term) { literals.add(form, .term(rule: index)) }
                }
            case .pattern:
                patternRules.append(index)
                if let context = rule.context, context.required {
                    if let g = contextKeys[context] {
                        contextGroupOfRule[i] = g
                    } else {
                        let g = Int32(contextWindows.count)
                        contextKeys[context] = g
                        contextWindows.append((context.before, context.after))
                        contextGroupOfRule[i] = g
                        for w in context.words { literals.add(Array(w.lowercased().utf8), .context(group: g)) }
                    }
                }
                switch rule.trigger {
                case .always:
                    always.append(index)
                case .bytes(let set):
                    // One group per (trigger set, reach before, required words): a rule's match
                    // starts stay as tight as its own reach. The reach after only decides which
                    // trigger runs share a window, so a group takes its rules' largest (a weaker
                    // promise, still kept): every trigger run updates each of its groups, and
                    // fewer groups cost less on dense text than slightly longer windows.
                    let before = rule.triggerReach?.before ?? rule.maxLength
                    let after = rule.triggerReach?.after ?? rule.maxLength
                    var required: Int32 = -1
                    if let name = rule.requires {
                        guard let dict = pack.dictionaries[name] else {
                            throw ScanError(.invalidPack, path: rule.location.description, detail: "rule \(rule.id): unknown dictionary \(name)")
                        }
                        if let r = requiredGroups[name] {
                            required = r
                        } else {
                            required = Int32(requiredGroups.count)
                            requiredGroups[name] = required
                            for term in dict.terms { literals.add(Array(term.lowercased().utf8), .required(group: required)) }
                        }
                    }
                    if let g = byteGroupKeys.firstIndex(where: { $0.set == set && $0.before == before && $0.required == required }) {
                        byteGroups[g].rules.append(index)
                        byteGroups[g].minTriggers.append(rule.minTriggers)
                        byteGroups[g].letterDigit.append(rule.letterDigit)
                        byteGroups[g].digitRun.append(rule.digitRun)
                        byteGroups[g].reach = max(byteGroups[g].reach, after)
                    } else {
                        byteGroupKeys.append((set, before, required))
                        byteSets.append(set)
                        byteGroups.append(Group(rules: [index], reach: after, before: before, minTriggers: [rule.minTriggers],
                                                letterDigit: [rule.letterDigit], digitRun: [rule.digitRun], required: required))
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
                    // One group per (words, reach before), as for byte triggers.
                    let before = rule.triggerReach?.before ?? rule.maxLength
                    let after = rule.triggerReach?.after ?? rule.maxLength
                    let longestWord = words.map(\.utf8.count).max() ?? 0
                    let key = LiteralTriggerKey(words: words, before: before)
                    if let g = literalTriggerGroups[key] {
                        literalGroups[g].rules.append(index)
                        literalGroups[g].letterDigit.append(nil)
                        literalGroups[g].reach = max(literalGroups[g].reach, after)
                        literalGroups[g].lead = max(literalGroups[g].lead, min(rule.maxLength, before - 1 + longestWord))
                    } else {
                        let g = literalGroups.count
                        literalTriggerGroups[key] = g
                        literalGroups.append(Group(rules: [index], reach: after, before: before,
                                                   lead: min(rule.maxLength, before - 1 + longestWord), letterDigit: [nil]))
                        for w in words { literals.add(Array(w.utf8), .trigger(group: Int32(g))) }
                    }
                }
            }
        }
        let variants = table.parties.variants()
        literals.reserveCapacity(more: variants.count)
        for v in variants {
            literals.add(v.bytes, v.needsTitle ? .surname(party: v.party) : .party(party: v.party))
            maxReach = max(maxReach, v.bytes.count + 16)
        }
        guard byteSets.count <= 64 else {
            throw ScanError(.invalidPack, path: pack.name, detail: "more than 64 distinct (byte trigger, reach before, requires) groups")
        }
        self.byteGroups = byteGroups
        self.triggers = TriggerScanner(groups: byteSets)
        self.literalGroups = literalGroups
        self.groupEntries = GroupEntries(groups: byteGroups + literalGroups, contextGroupOfRule: contextGroupOfRule, table: table)
        self.alwaysRules = always
        self.patternRules = patternRules
        self.literals = literals
        self.literalActions = LiteralActions(literals)
        self.literalLengths = literals.literals.map(\.count)
        self.literalWordEdges = literals.literals.map {
            (WordBoundary.isASCIIAlnum($0[0]) ? 1 : 0) | (WordBoundary.isASCIIAlnum($0[$0.count - 1]) ? 2 : 0)
        }
        self.contextGroupOfRule = contextGroupOfRule
        self.contextWindows = contextWindows
        self.requiredGroupCount = requiredGroups.count
        self.letterDigitMargin = pack.rules.compactMap(\.letterDigit).map { $0.maxGap + 1 }.max() ?? 0
        switch mode {
        case .fast: self.matcher = try AutomatonLiteralMatcher(literals: literals.literals)
        case .reference: self.matcher = NaiveLiteralMatcher(literals: literals.literals)
        }
        // A decision about a span looks at most one competing span plus its context away.
        self.overlap = max(2 * (maxReach + maxContext) + Self.lookaheadMargin + 64,
                           ColumnContext.maxWalk + maxReach + Self.lookaheadMargin + 64)
    }

    /// Per-worker scratch: PCRE2 match data and reusable arrays. Not Sendable; one per thread.
    public func makeScratch() -> ScanScratch {
        let pairs = table.rules.compactMap { $0.pattern?.captureCount }.max() ?? 0
        return ScanScratch(pairs: pairs + 1, groups: max(byteGroups.count, literalGroups.count),
                           allGroups: byteGroups.count + literalGroups.count, contextGroups: contextWindows.count,
                           requiredGroups: requiredGroupCount)
    }

    /// Scans `buffer` and appends to `out` the findings whose start lies in `emit`
    /// (buffer-relative offsets, shifted by `base` on output).
    ///
    /// The caller guarantees `overlap` bytes of real input around `emit` where the input has
    /// them; at the true start and end of the input, the buffer simply ends there.
    public func scan(_ buffer: UnsafeBufferPointer<UInt8>, emit: Range<Int>, base: Int = 0,
                     columns: ColumnContext? = nil, scratch: ScanScratch, into out: inout [Finding]) {
        guard let p = buffer.baseAddress, buffer.count > 0 else { return }
        // The pass owns the scratch arrays while it runs: locals and `inout` need no dynamic
        // exclusivity checks, which on class properties cost more than the scan itself.
        var pass = Pass(engine: self, p: p, n: buffer.count, scratch: scratch)
        pass.columns = columns
        pass.base = base
        pass.run(buffer)
        for c in pass.resolved where emit.contains(c.start) {
            out.append(Finding(start: c.start + base, end: c.end + base, rule: c.rule, tag: c.tag))
        }
        pass.giveBack(to: scratch)
    }
}

/// One scan of one buffer. A struct so its state is accessed statically (no runtime
/// exclusivity checks) and its arrays are borrowed from, then returned to, the scratch.
private struct Pass {
    let engine: ScanEngine
    let table: RuleTable
    let p: UnsafePointer<UInt8>
    let n: Int
    let matchData: PCRE2MatchData
    var candidates: [Candidate]
    var resolved: [Candidate]
    var cluster: [Candidate]
    /// Room for sorting candidates (`StableSort`).
    var spare: [Candidate]
    var hits: [LiteralHit]
    /// The literal matcher's workspace (candidate word starts).
    var wordStarts: [Int]
    /// Per context group: the ends of its word-bounded required-context words, in order, and
    /// their starts (same index).
    var contextEnds: [[Int]]
    var contextStarts: [[Int]]
    /// Per required-word group: the ends of its words, in order (`Rule.requires`).
    var requiredEnds: [[Int]]
    /// Per byte group with required words: the first of them not yet passed by its trigger runs.
    var requiredCursor: [Int]
    /// Per (group, context group), at `group * contextGroupCount + contextGroup`: the first
    /// context word end not yet passed by the group's windows (see `contextNear`).
    var contextCursor: [Int]
    var runs: [TriggerRun]
    /// Per byte group: its open window. Raw storage the scratch owns: an array element written
    /// per trigger run and group cost a uniqueness check each time.
    let windows: UnsafeMutablePointer<ByteWindow>
    var literalWindowStart: [Int]
    var literalWindowEnd: [Int]
    /// Per literal group: the start of the last trigger in its open window.
    var literalWindowLast: [Int]
    /// Header-row context for tables (CSV/TSV), and the buffer's absolute offset it needs.
    var columns: ColumnContext? = nil
    var base = 0

    init(engine: ScanEngine, p: UnsafePointer<UInt8>, n: Int, scratch: ScanScratch) {
        self.engine = engine
        self.table = engine.table
        self.p = p
        self.n = n
        matchData = scratch.matchData
        candidates = scratch.candidates; scratch.candidates = []
        resolved = scratch.resolved; scratch.resolved = []
        cluster = scratch.cluster; scratch.cluster = []
        spare = scratch.spare; scratch.spare = []
        wordStarts = scratch.wordStarts; scratch.wordStarts = []
        hits = scratch.hits; scratch.hits = []
        contextEnds = scratch.contextEnds; scratch.contextEnds = []
        contextStarts = scratch.contextStarts; scratch.contextStarts = []
        requiredEnds = scratch.requiredEnds; scratch.requiredEnds = []
        requiredCursor = scratch.requiredCursor; scratch.requiredCursor = []
        contextCursor = scratch.contextCursor; scratch.contextCursor = []
        runs = scratch.runs; scratch.runs = []
        windows = scratch.windows
        literalWindowStart = scratch.literalWindowStart; scratch.literalWindowStart = []
        literalWindowEnd = scratch.literalWindowEnd; scratch.literalWindowEnd = []
        literalWindowLast = scratch.literalWindowLast; scratch.literalWindowLast = []
        candidates.removeAll(keepingCapacity: true)
        resolved.removeAll(keepingCapacity: true)
        hits.removeAll(keepingCapacity: true)
        for g in contextEnds.indices {
            contextEnds[g].removeAll(keepingCapacity: true)
            contextStarts[g].removeAll(keepingCapacity: true)
        }
        for g in requiredEnds.indices { requiredEnds[g].removeAll(keepingCapacity: true) }
        for g in requiredCursor.indices { requiredCursor[g] = 0 }
        for k in contextCursor.indices { contextCursor[k] = 0 }
        for g in literalWindowStart.indices {
            literalWindowStart[g] = -1
            literalWindowEnd[g] = -1
        }
    }

    mutating func giveBack(to scratch: ScanScratch) {
        scratch.candidates = candidates
        scratch.resolved = resolved
        scratch.cluster = cluster
        scratch.spare = spare
        scratch.wordStarts = wordStarts
        scratch.hits = hits
        scratch.contextEnds = contextEnds
        scratch.contextStarts = contextStarts
        scratch.requiredEnds = requiredEnds
        scratch.requiredCursor = requiredCursor
        scratch.contextCursor = contextCursor
        scratch.runs = runs
        scratch.literalWindowStart = literalWindowStart
        scratch.literalWindowEnd = literalWindowEnd
        scratch.literalWindowLast = literalWindowLast
    }

    mutating func run(_ buffer: UnsafeBufferPointer<UInt8>) {
        let literals = engine.literals
        // Literals: dictionary terms and party names become candidates; literal triggers open windows.
        if !literals.isEmpty { engine.matcher.findAll(buffer, into: &hits, workspace: &wordStarts) }
        // The automaton reports hits in order of end (its contract); brute force does not.
        if engine.mode == .reference { hits.sort { $0.end < $1.end } }
        for h in hits.indices {
            let hit = hits[h]
            let len = engine.literalLengths[Int(hit.pattern)]
            let start = hit.end - len
            for action in engine.literalActions.of(hit.pattern) {
                switch action {
                case .term(let rule):
                    if WordBoundary.termBoundsOK(p, lower: 0, upper: n, start: start, end: hit.end) {
                        add(start, hit.end, rule, -1)
                    }
                case .party(let party):
                    if WordBoundary.nameStartOK(p, lower: 0, start: start), WordBoundary.nameEndOK(p, upper: n, end: hit.end) {
                        add(start, hit.end, table.partyRule, party)
                    }
                case .surname(let party):
                    if WordBoundary.nameStartOK(p, lower: 0, start: start), WordBoundary.nameEndOK(p, upper: n, end: hit.end),
                       WordBoundary.titleBefore(p, lower: 0, start: start, titles: PartyList.titles) {
                        add(start, hit.end, table.partyRule, party)
                    }
                case .trigger(let group):
                    // A literal trigger counts only as a whole word, in the ASCII sense the
                    // automaton reports (the pack format's rule): no further check here.
                    if engine.mode == .fast { literalWindow(group: Int(group), start: start, end: hit.end) }
                case .context(let group):
                    // Only a word-bounded occurrence can count (see `Decide.boundaryOK`).
                    if wordBounded(hit.pattern, start, hit.end) {
                        contextEnds[Int(group)].append(hit.end)
                        contextStarts[Int(group)].append(start)
                    }
                case .required(let group):
                    // Whole words in the ASCII sense of the promise (what the automaton reports;
                    // brute force in reference mode reports more).
                    if WordBoundary.asciiWordBounded(p, count: n, start: start, end: hit.end) {
                        requiredEnds[Int(group)].append(hit.end)
                    }
                }
            }
        }

        switch engine.mode {
        case .fast:
            for g in 0..<engine.literalGroups.count { flushLiteralWindow(group: g) }
            scanByteTriggers()
            for rule in engine.alwaysRules { runRule(rule, from: 0, limit: n, length: n) }
        case .reference:
            for rule in engine.patternRules { runRule(rule, from: 0, limit: n, length: n) }
        }

        Decide.sortAndDedupe(&candidates, buffer: &spare)
        Decide.resolve(&candidates, into: &resolved, cluster: &cluster, spare: &spare)
    }

    /// Whether literal `pattern` at `start..<end` has no letter or digit glued to an edge that
    /// is itself a letter or digit (`Decide.boundaryOK`, for literals).
    @inline(__always)
    func wordBounded(_ pattern: Int32, _ start: Int, _ end: Int) -> Bool {
        let edges = engine.literalWordEdges[Int(pattern)]
        if edges & 1 != 0 && WordBoundary.letterBefore(p, lower: 0, index: start) { return false }
        if edges & 2 != 0 && WordBoundary.letterAt(p, upper: n, index: end) { return false }
        return true
    }

    @inline(__always)
    mutating func add(_ s: Int, _ e: Int, _ rule: Int32, _ tag: Int32) {
        // Borrowed through the engine's pointer: a copy of the rule out of the table's array
        // retained and released its pattern, validator and context lists at every candidate.
        let rules = engine.groupEntries.rules
        var contextKnown = false
        if rules[Int(rule)].requiresContext {
            if let columns, let c = columns.category(p, offset: s, absolute: base + s) {
                contextKnown = c == rules[Int(rule)].category
            }
            // The automaton already found every context word of the rule's group: look them up
            // instead of searching the bytes around the match again (the reference engine
            // searches, so the differential tests compare the two).
            let g = engine.contextGroupOfRule[Int(rule)]
            if !contextKnown && engine.mode == .fast && g >= 0 {
                guard contextWordAround(group: Int(g), start: s, end: e) else { return }
                contextKnown = true
            }
        }
        if let c = Decide.candidate(p, count: n, start: s, end: e, ruleIndex: rule, tag: tag, rule: rules.baseAddress! + Int(rule), contextKnown: contextKnown) {
            candidates.append(c)
        }
    }

    /// Whether a word-bounded word of context group `g` lies wholly in the `before` bytes that
    /// end at `start` or the `after` bytes that begin at `end` (`Decide.contextPresent`, from
    /// the automaton's hits). Ends are in order, so the first that could count is found by
    /// bisection; the few after it are checked in turn.
    func contextWordAround(group g: Int, start: Int, end: Int) -> Bool {
        let (before, after) = engine.contextWindows[g]
        let lo = max(0, start - before), hi = min(n, end + after)
        return contextEnds[g].withUnsafeBufferPointer { ends in
            contextStarts[g].withUnsafeBufferPointer { starts in
                // The first end above `lo` (a word ending at or before `lo` cannot lie inside).
                var a = 0, b = ends.count
                while a < b {
                    let mid = (a + b) >> 1
                    if ends[mid] <= lo { a = mid + 1 } else { b = mid }
                }
                var k = a
                while k < ends.count && ends[k] <= hi {
                    let ws = starts[k], we = ends[k]
                    if (ws >= lo && we <= start) || (ws >= end && we <= hi) { return true }
                    k += 1
                }
                return false
            }
        }
    }

    /// Global PCRE2 iteration of one rule with attempts starting in `p[from..<limit]`,
    /// lookahead up to `length`.
    ///
    /// The offset limit bounds where an *attempt* starts; a match reported after a `\K` may
    /// start later (`person_name.titled` discards its title), so its reported start is only
    /// held to the subject (`length`), as a global iteration over the whole text holds it.
    @inline(__always)
    mutating func runRule(_ rule: Int32, from: Int, limit: Int, length: Int) {
        guard let pattern = engine.groupEntries.patterns[Int(rule)] else { return }
        var start = from
        while start < limit {
            guard let r = pattern._withUnsafeGuaranteedRef({
                $0.firstMatch(in: p, length: length, from: start, lastStart: limit - 1, scratch: matchData)
            }), r.lowerBound < length else { return }
            add(r.lowerBound, r.upperBound, rule, -1)
            start = r.upperBound > r.lowerBound ? r.upperBound : r.upperBound + 1
        }
    }

    /// Runs the rules of group `group` (an index into `GroupEntries.ranges`: byte groups, then
    /// literal groups) over `window`, trying match starts in `starts` only (a prefix of it).
    /// `triggers`, `gaps` and `runLengths` describe the trigger runs inside it (byte groups
    /// only): rules whose `min_triggers`, `letter_digit` or `digit_run` promise the window
    /// cannot keep are skipped, and so are rules whose required context has no word near.
    mutating func runGroup(_ group: Int, window: Range<Int>, starts: Range<Int>,
                           triggers: Int = .max, gaps: LetterDigitGaps = .unknown, runLengths: UInt64 = ByteWindow.anyRunLength) {
        let length = min(n, window.upperBound + ScanEngine.lookaheadMargin)
        let table = engine.groupEntries.entries
        for k in engine.groupEntries.ranges[group] {
            let entry = table[k]
            if entry.minTriggers > triggers { continue }
            if let promise = entry.letterDigit, !gaps.allows(promise) { continue }
            if entry.runLengths != 0 && entry.runLengths & runLengths == 0 { continue }
            if entry.contextGroup >= 0 && columns == nil && !contextNear(entry.contextGroup, of: group, window: window) { continue }
            runRule(entry.rule, from: starts.lowerBound, limit: starts.upperBound, length: length)
        }
    }

    /// Runs byte group `g` over its open window. A match holds a trigger, so it starts at or
    /// before the window's last trigger byte: later starts are never tried.
    mutating func flushByteWindow(_ g: Int, _ w: ByteWindow) {
        runGroup(g, window: w.start..<w.end, starts: w.start..<(w.lastTrigger + 1),
                 triggers: w.count, gaps: w.gaps, runLengths: w.runLengths)
    }

    /// Whether a word of context group `c` ends where it could count for a match in `window`
    /// of group `group`: the context check looks `before` bytes before a match and `after`
    /// bytes after it, and a match lies inside its window.
    ///
    /// A group's windows arrive in order of start, so the lowest end that could count only
    /// moves forward: a cursor per (group, context group) walks the ends once per pass. (A
    /// binary search per window and rule, mispredicting at every step, cost more on dense text.)
    @inline(__always)
    mutating func contextNear(_ c: Int32, of group: Int, window: Range<Int>) -> Bool {
        let (before, after) = engine.contextWindows[Int(c)]
        let lo = window.lowerBound - before, hi = window.upperBound + after
        let slot = group * engine.contextWindows.count + Int(c)
        let (cursor, found) = contextEnds[Int(c)].withUnsafeBufferPointer {
            Self.endWithin($0, from: lo, to: hi, cursor: contextCursor[slot])
        }
        contextCursor[slot] = cursor
        return found
    }

    /// Whether `ends` (ascending) holds an end in `from...to` at or after index `cursor`, and
    /// the cursor moved past the ends below `from`. Callers whose `from` only grows keep the
    /// cursor, so a pass reads each list of ends once (`contextNear`, `requiredWord`).
    @inline(__always)
    static func endWithin(_ ends: UnsafeBufferPointer<Int>, from: Int, to: Int, cursor: Int) -> (cursor: Int, found: Bool) {
        var k = cursor
        while k < ends.count && ends[k] < from { k += 1 }
        return (k, k < ends.count && ends[k] <= to)
    }

    mutating func scanByteTriggers() {
        let groups = engine.byteGroups
        guard !groups.isEmpty else { return }
        for g in groups.indices { windows[g] = ByteWindow() }
        // Groups are read through a pointer: `groups[g]` on the array copies the struct, and
        // retaining its three arrays per run cost more than the window arithmetic.
        groups.withUnsafeBufferPointer { groups in
            // Slice by slice, so that the bytes around each run (letter-and-digit gaps) and the
            // windows PCRE2 searches are still in the first-level cache when they are read; a
            // run that crosses a slice edge stays one run (`collectRuns(open:)`).
            var open = TriggerRun.none
            var from = 0
            while from < n {
                let to = min(n, from + Self.triggerSlice)
                runs.removeAll(keepingCapacity: true)
                engine.triggers.collectRuns(p, from: from, to: to, into: &runs, open: &open)
                for r in runs.indices { addRun(runs[r].first, runs[r].last, runs[r].mask, groups) }
                from = to
            }
            if open.first >= 0 { addRun(open.first, open.last, open.mask, groups) }
            for g in groups.indices where windows[g].isOpen { flushByteWindow(g, windows[g]) }
        }
    }

    /// Bytes of text whose trigger runs are collected, then applied, at a time.
    static let triggerSlice = 16 << 10

    /// Trigger bytes at `first...last` for the groups in `mask`: extend or flush each window.
    @inline(__always)
    mutating func addRun(_ first: Int, _ last: Int, _ mask: UInt64, _ groups: UnsafeBufferPointer<ScanEngine.Group>) {
        var m = mask
        let count = last - first + 1
        let margin = engine.letterDigitMargin
        let digitMask = engine.triggers.digitMask
        let gaps = margin == 0 ? LetterDigitGaps.unknown
            : mask == digitMask ? LetterDigitGaps(p, digits: first, through: last, margin: margin, count: n)
            : LetterDigitGaps(p, from: max(0, first - margin), to: min(n, last + 1 + margin))
        // With a mask of their own, digits form runs of their own, each a whole run of digits
        // (no digit beside it); without one, lengths are unknown and every length counts.
        let runLength = digitMask == 0 ? ByteWindow.anyRunLength : mask == digitMask ? ByteWindow.runLengthBit(count) : 0
        while m != 0 {
            let g = m.trailingZeroBitCount
            m &= m - 1
            let ws = max(0, first - groups[g].before + 1), we = min(n, last + groups[g].reach)
            // Every match holds a required word: none within the run's reach, no match here.
            if groups[g].required >= 0 && !requiredWord(group: g, required: Int(groups[g].required), from: ws, to: we) { continue }
            if windows[g].end > ws {
                windows[g].end = we
                windows[g].lastTrigger = last
                windows[g].count += count
                windows[g].gaps.fold(gaps)
                windows[g].runLengths |= runLength
            } else {
                if windows[g].isOpen { flushByteWindow(g, windows[g]) }
                windows[g] = ByteWindow(start: ws, end: we, lastTrigger: last, count: count, gaps: gaps, runLengths: runLength)
            }
        }
    }

    /// Whether a word of required-word group `r` ends in `from...to`. Trigger runs arrive in
    /// order, so byte group `g` keeps a cursor into the ends: linear over the whole pass.
    @inline(__always)
    mutating func requiredWord(group g: Int, required r: Int, from: Int, to: Int) -> Bool {
        // Read through a buffer pointer: a copy of the array would retain it once per run.
        let (cursor, found) = requiredEnds[r].withUnsafeBufferPointer {
            Self.endWithin($0, from: from, to: to, cursor: requiredCursor[g])
        }
        requiredCursor[g] = cursor
        return found
    }

    /// A literal trigger `p[start..<end]`: matches containing it start in `[end - lead, start]`
    /// and end by `start + reach` (`Group.lead`, `Group.reach`). Hits arrive sorted by end, so
    /// window starts are monotonic and merging is a running max; a match contains its
    /// trigger, so no attempt starts after the window's last trigger start.
    mutating func literalWindow(group g: Int, start: Int, end: Int) {
        // Two fields, not the group: a copy of it would retain its arrays at every hit.
        let ws = max(0, end - engine.literalGroups[g].lead), we = min(n, start + engine.literalGroups[g].reach)
        guard we > ws, start >= ws else { return }  // the literal is longer than any match of the group
        if literalWindowEnd[g] > ws {
            literalWindowEnd[g] = max(literalWindowEnd[g], we)
            literalWindowLast[g] = max(literalWindowLast[g], start)
        } else {
            flushLiteralWindow(group: g)
            literalWindowStart[g] = ws
            literalWindowEnd[g] = we
            literalWindowLast[g] = start
        }
    }

    mutating func flushLiteralWindow(group g: Int) {
        if literalWindowEnd[g] >= 0 {
            let window = literalWindowStart[g]..<literalWindowEnd[g]
            runGroup(engine.byteGroups.count + g, window: window, starts: window.lowerBound..<(literalWindowLast[g] + 1))
        }
        literalWindowStart[g] = -1
        literalWindowEnd[g] = -1
    }
}

/// Literal trigger groups are shared by rules with the same words and the same reach before.
struct LiteralTriggerKey: Hashable {
    var words: [String]
    var before: Int
}

/// Reusable per-worker state for `ScanEngine.scan`. Allocates only while its arrays grow to
/// the working size of the input; after that a scan allocates nothing.
public final class ScanScratch {
    let matchData: PCRE2MatchData
    var candidates: [Candidate] = []
    var resolved: [Candidate] = []
    var cluster: [Candidate] = []
    var spare: [Candidate] = []
    var wordStarts: [Int] = []
    var hits: [LiteralHit] = []
    var contextEnds: [[Int]]
    var contextStarts: [[Int]]
    var requiredEnds: [[Int]]
    var requiredCursor: [Int]
    var contextCursor: [Int]
    var runs: [TriggerRun] = []
    let windows: UnsafeMutablePointer<ByteWindow>
    var literalWindowStart: [Int]
    var literalWindowEnd: [Int]
    var literalWindowLast: [Int]

    init(pairs: Int, groups: Int, allGroups: Int, contextGroups: Int, requiredGroups: Int) {
        matchData = PCRE2MatchData(pairs: pairs)
        contextEnds = Array(repeating: [], count: contextGroups)
        contextStarts = Array(repeating: [], count: contextGroups)
        requiredEnds = Array(repeating: [], count: requiredGroups)
        requiredCursor = Array(repeating: 0, count: max(groups, 1))
        contextCursor = Array(repeating: 0, count: max(allGroups * contextGroups, 1))
        windows = .allocate(capacity: max(groups, 1))
        windows.initialize(repeating: ByteWindow(), count: max(groups, 1))
        literalWindowStart = Array(repeating: -1, count: max(groups, 1))
        literalWindowEnd = Array(repeating: -1, count: max(groups, 1))
        literalWindowLast = Array(repeating: -1, count: max(groups, 1))
        candidates.reserveCapacity(1024)
        resolved.reserveCapacity(1024)
        hits.reserveCapacity(1024)
    }

    deinit { windows.deallocate() }  // ByteWindow is trivial: nothing to deinitialize
}

/// A byte group's open window: trigger runs whose reaches overlap, merged so that no match can
/// straddle two windows.
struct ByteWindow {
    var start = -1
    /// Matches end by here (plus the lookahead margin).
    var end = -1
    /// The last trigger byte inside: no match starts after it.
    var lastTrigger = -1
    /// Trigger bytes inside (every trigger of the group's set in its range).
    var count = 0
    /// Closest letter-and-digit pairs of its trigger runs.
    var gaps = LetterDigitGaps.none
    /// The lengths of its runs of digits: bit L for a run of L digits (bit 63 for 63 or more).
    var runLengths: UInt64 = 0

    static let anyRunLength = UInt64.max

    /// The bit of a run of `length` digits.
    @inline(__always)
    static func runLengthBit(_ length: Int) -> UInt64 { 1 &<< UInt64(Swift.min(length, 63)) }

    /// The bits of every length in `lengths` (`Rule.digitRun`), 0 for none.
    static func runLengthBits(_ lengths: ClosedRange<Int>?) -> UInt64 {
        guard let lengths else { return 0 }
        var bits: UInt64 = 0
        for length in Swift.min(lengths.lowerBound, 63)...Swift.min(lengths.upperBound, 63) { bits |= runLengthBit(length) }
        return bits
    }

    var isOpen: Bool { end >= 0 }
}
