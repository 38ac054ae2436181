import Testing
import RedactAutomaton

@Test func emptyPatternIsRefusedWithItsIndex() {
    #expect(throws: AutomatonBuildError(.emptyPattern(index: 1))) {
        try AhoCorasick(patterns: [Array("a".utf8), [], Array("b".utf8)])
    }
}

@Test func oneIdWithTwoLengthsIsRefused() {
    #expect(throws: AutomatonBuildError(.conflictingLengths(id: 4, first: 3, second: 4))) {
        try AhoCorasick(patterns: [Array("Ann".utf8), Array("Anne".utf8)], ids: [4, 4])
    }
}

@Test func stateLimitIsEnforced() throws {
    #expect(throws: AutomatonBuildError(.tooManyStates(limit: 4))) {
        try AhoCorasick(patterns: [Array("abcd".utf8)], options: AutomatonOptions(maxStates: 4))
    }
    // Five states (start + 4) fit exactly.
    let automaton = try AhoCorasick(patterns: [Array("abcd".utf8)], options: AutomatonOptions(maxStates: 5))
    #expect(automaton.stateCount == 5)
}

/// Errors end up in logs: they must never carry pattern bytes (which are often names).
@Test func errorTextHasNoPatternBytes() {
    do {
        _ = try AhoCorasick(patterns: [Array("Siobhán".utf8), Array("Siobhan".utf8)], ids: [1, 1])
        Issue.record("expected an error")
    } catch {
        #expect(!error.description.contains("Siobh"))
        #expect(error.description.contains("id 1"))
    }
}

@Test func noPatternsNeverMatches() throws {
    let automaton = try AhoCorasick(patterns: [])
    #expect(automaton.findAll(in: Array(repeating: 0x41, count: 100)).isEmpty)
    #expect(automaton.stateCount == 1)
}

@Test func sharedIdsAndLengths() throws {
    // Case variants under one id: each occurrence is reported once with that id.
    let automaton = try AhoCorasick(
        patterns: ["Zoë", "ZOË", "smith", "SMITH"].map { Array($0.utf8) }, ids: [7, 7, 8, 8],
        options: AutomatonOptions(asciiCaseInsensitive: true))
    let found = automaton.findAll(in: Array("ZOË Smith zoë".utf8)).map { Match($0.id, $0.start, $0.end) }
    #expect(found == [Match(7, 0, 4), Match(8, 5, 10), Match(7, 11, 15)])
    #expect(automaton.patternLength(7) == 4)
    #expect(automaton.patternLength(8) == 5)
}

@Test func sparseIdsKeepTheirLengths() throws {
    let automaton = try AhoCorasick(patterns: [Array("ab".utf8), Array("xyz".utf8)], ids: [2_000_000_000, -5])
    #expect(automaton.patternLength(2_000_000_000) == 2)
    #expect(automaton.patternLength(-5) == 3)
    #expect(automaton.findAll(in: Array("abxyz".utf8)).map { Match($0.id, $0.start, $0.end) } == [Match(2_000_000_000, 0, 2), Match(-5, 2, 5)])
}

@Test func byteClassesFoldCase() throws {
    let exact = try AhoCorasick(patterns: [Array("ab".utf8), Array("AB".utf8)])
    let folded = try AhoCorasick(patterns: [Array("ab".utf8), Array("AB".utf8)], options: AutomatonOptions(asciiCaseInsensitive: true))
    #expect(exact.classCount == 5)   // a, b, A, B, everything else
    #expect(folded.classCount == 3)  // a/A, b/B, everything else
    #expect(folded.stateCount == 3)
    #expect(exact.tableBytes == exact.stateCount * (exact.classCount + 1) * 4)
}

@Test func denseBudgetChoosesTheLayout() throws {
    let patterns = ["Smith", "Smithson", "Jones", "Łukasz"].map { Array($0.utf8) }
    let dense = try AhoCorasick(patterns: patterns)
    #expect(dense.denseStateCount == dense.stateCount)
    #expect(dense.tableBytes == dense.stateCount * (dense.classCount + 1) * 4)
    let sparse = try AhoCorasick(patterns: patterns, options: AutomatonOptions(maxDenseTableBytes: 0))
    #expect(sparse.denseStateCount == 1)
    #expect(sparse.stateCount == dense.stateCount)
    // Start row, then per sparse state 3 fields plus (class, next) for each of its children:
    // every edge of the trie except the start's own three (S, J, and Ł's lead byte 0xC5).
    let children = dense.stateCount - 1 - 3
    #expect(sparse.tableBytes == (sparse.classCount + 1) * 4 + (dense.stateCount - 1) * 12 + children * 8)
    let hay = Array("Smithson, Jones and Łukasz Smith".utf8)
    #expect(sparse.findAll(in: hay).map { Match($0.id, $0.start, $0.end) } == dense.findAll(in: hay).map { Match($0.id, $0.start, $0.end) })
}

@Test func startSkipPlan() throws {
    let names = try AhoCorasick(patterns: ["Alice", "Bob", "Zed", "Łukasz"].map { Array($0.utf8) })
    #expect(names.usesStartSkip)
    #expect(names.startSkipRanges == [0x41...0x42, 0x5A...0x5A, 0xC5...0xC5])
    // Case-insensitive names start with lowercase letters too. Two rare ones still pay...
    let rare = try AhoCorasick(patterns: ["Bob", "Kim"].map { Array($0.utf8) }, options: AutomatonOptions(asciiCaseInsensitive: true))
    #expect(rare.usesStartSkip)
    // ...but common ones make up too much of prose, so .auto turns the skip off.
    let folded = try AhoCorasick(patterns: ["Alice", "Tom", "Sam", "Eve", "Nora"].map { Array($0.utf8) }, options: AutomatonOptions(asciiCaseInsensitive: true))
    #expect(!folded.usesStartSkip)
    // Six separate start bytes are covered by at most four ranges, a superset of them.
    let many = try AhoCorasick(patterns: ["a", "c", "e", "g", "i", "k"].map { Array($0.utf8) }, options: AutomatonOptions(startSkip: .always))
    #expect(many.startSkipRanges.count <= 4)
    for b in Array("acegik".utf8) { #expect(many.startSkipRanges.contains { $0.contains(b) }) }
    let never = try AhoCorasick(patterns: [Array("Q".utf8)], options: AutomatonOptions(startSkip: .never))
    #expect(!never.usesStartSkip)
}

/// One automaton searched from several tasks at once (it is `Sendable` and read-only).
@Test func concurrentSearches() async throws {
    let automaton = try AhoCorasick(patterns: ["Smith", "Jones"].map { Array($0.utf8) })
    let text = Array(String(repeating: "Mr Smith met Ms Jones. ", count: 200).utf8)
    let counts = await withTaskGroup(of: Int.self) { group in
        for _ in 0..<4 { group.addTask { automaton.findAll(in: text).count } }
        return await group.reduce(into: []) { $0.append($1) }
    }
    #expect(counts == [400, 400, 400, 400])
}

/// A dictionary of 10,000 generated names builds quickly and stays within a modest table.
@Test func tenThousandNamesBuild() throws {
    var rng = SplitMix(seed: 7)
    let syllables = ["ash", "ford", "thorn", "ley", "ton", "wick", "ham", "bury", "dale", "mere", "brook", "field", "hurst", "worth", "stow", "by"]
    var patterns: [[UInt8]] = []
    for _ in 0..<10_000 {
        let count = 2 + Int(rng.next() % 2)
        var name = (0..<count).map { _ in syllables[Int(rng.next() % UInt64(syllables.count))] }.joined()
        name = name.prefix(1).uppercased() + name.dropFirst()
        patterns.append(Array(name.utf8))
    }
    let automaton = try AhoCorasick(patterns: patterns)
    #expect(automaton.patternCount == 10_000)
    #expect(automaton.tableBytes < 16 << 20)
    let hay = Array("Mr Ashford met Thornleyton at the Brookfieldby office.".utf8)
    let naive = naiveMatches(patterns: patterns, ids: (0..<10_000).map { Int32($0) }, haystack: hay, caseInsensitive: false)
    #expect(streamMatches(automaton, hay) == naive)
}

/// A tiny deterministic generator for test data.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
