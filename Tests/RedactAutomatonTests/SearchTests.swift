import Testing
import RedactAutomaton

/// A table-driven search case, after aho-corasick's `SearchTest`: the patterns get ids 0, 1,
/// ... in order, and `matches` lists `(id, start, end)` in report order (end, then longer first).
struct SearchTest: CustomStringConvertible, Sendable {
    var name: String
    var patterns: [[UInt8]]
    var haystack: [UInt8]
    var matches: [(id: Int32, start: Int, end: Int)]
    var caseInsensitive = false

    init(_ name: String, _ patterns: [String], _ haystack: String, _ matches: [(Int32, Int, Int)], caseInsensitive: Bool = false) {
        self.init(name, patterns.map { Array($0.utf8) }, Array(haystack.utf8), matches, caseInsensitive: caseInsensitive)
    }

    init(_ name: String, _ patterns: [[UInt8]], _ haystack: [UInt8], _ matches: [(Int32, Int, Int)], caseInsensitive: Bool = false) {
        self.name = name
        self.patterns = patterns
        self.haystack = haystack
        self.matches = matches.map { (id: $0.0, start: $0.1, end: $0.2) }
        self.caseInsensitive = caseInsensitive
    }

    var description: String { name }
}

// MARK: - Collections

let basics: [SearchTest] = [
    SearchTest("empty haystack", ["a"], "", []),
    SearchTest("one byte", ["a"], "a", [(0, 0, 1)]),
    SearchTest("repeated byte", ["a"], "aa", [(0, 0, 1), (0, 1, 2)]),
    SearchTest("no match", ["xyz"], "abcabc", []),
    SearchTest("pattern longer than haystack", ["abcdef"], "abc", []),
    SearchTest("two patterns", ["foo", "bar"], "foo bar foo", [(0, 0, 3), (1, 4, 7), (0, 8, 11)]),
    SearchTest("whole haystack", ["Smith"], "Smith", [(0, 0, 5)]),
    SearchTest("near miss then match", ["abcd"], "abcabcd", [(0, 3, 7)]),
    SearchTest("NUL and 0xFF bytes", [[0x00, 0xFF]], [0xFF, 0x00, 0xFF, 0x00], [(0, 1, 3)]),
]

let overlapping: [SearchTest] = [
    SearchTest("he she his hers", ["he", "she", "his", "hers"], "ushers", [(1, 1, 4), (0, 2, 4), (3, 2, 6)]),
    SearchTest("he she his hers again", ["he", "she", "his", "hers"], "hishers", [(2, 0, 3), (1, 2, 5), (0, 3, 5), (3, 3, 7)]),
    SearchTest("runs of one byte", ["a", "aa", "aaa"], "aaaa", [
        (0, 0, 1), (1, 0, 2), (0, 1, 2), (2, 0, 3), (1, 1, 3), (0, 2, 3), (2, 1, 4), (1, 2, 4), (0, 3, 4),
    ]),
    SearchTest("inner patterns", ["abcd", "bc", "b", "cd"], "abcd", [(2, 1, 2), (1, 1, 3), (0, 0, 4), (3, 2, 4)]),
    SearchTest("suffix through failure link", ["Jones", "Smith-Jones"], "Smith-Jones", [(1, 0, 11), (0, 6, 11)]),
]

let prefixes: [SearchTest] = [
    SearchTest("prefixes of each other", ["Smith", "Smithson", "Smit"], "Smithson", [(2, 0, 4), (0, 0, 5), (1, 0, 8)]),
    SearchTest("prefix in a longer word", ["Ann", "Anne", "Annette"], "Annette Anne", [
        (0, 0, 3), (1, 0, 4), (2, 0, 7), (0, 8, 11), (1, 8, 12),
    ]),
    SearchTest("identical patterns, distinct ids", ["Ann", "Ann"], "Ann", [(0, 0, 3), (1, 0, 3)]),
]

let caseInsensitive: [SearchTest] = [
    SearchTest("any ASCII case", ["smith"], "SMITH Smith smith sMiTh", [(0, 0, 5), (0, 6, 11), (0, 12, 17), (0, 18, 23)], caseInsensitive: true),
    SearchTest("exact when asked", ["smith"], "SMITH Smith smith", [(0, 12, 17)]),
    SearchTest("apostrophe", ["O'Neill"], "o'neill O'NEILL", [(0, 0, 7), (0, 8, 15)], caseInsensitive: true),
    SearchTest("mixed-case patterns", ["McDonald", "MACDONALD"], "mcdonald MacDonald", [(0, 0, 8), (1, 9, 18)], caseInsensitive: true),
    // '[' and '{', '@' and '`' differ by 0x20 like letters do; only A-Z/a-z fold.
    SearchTest("only letters fold", ["[x", "@y"], "{X [X `Y @Y", [(0, 3, 5), (1, 9, 11)], caseInsensitive: true),
    SearchTest("non-ASCII is exact", ["zoë"], "ZOË Zoë zoë", [(0, 5, 9), (0, 10, 14)], caseInsensitive: true),
]

let utf8: [SearchTest] = [
    SearchTest("names with accents", ["Zoë", "Siobhán", "Łukasz"], "Zoë met Siobhán and Łukasz.", [(0, 0, 4), (1, 9, 17), (2, 22, 29)]),
    SearchTest("other case is another pattern", ["Zoë", "Łukasz"], "ZOË ŁUKASZ łukasz Zoe", []),
    SearchTest("shared lead byte", ["é", "ê"], "éêe", [(0, 0, 2), (1, 2, 4)]),
    SearchTest("invalid UTF-8 haystack", [[0xC3]], [0x41, 0xC3, 0xC3, 0xFF], [(0, 1, 2), (0, 2, 3)]),
]

/// Haystacks longer than the 32-byte SIMD block, with matches at the buffer edges and across
/// block boundaries.
let edges: [SearchTest] = {
    func dots(_ n: Int) -> String { String(repeating: ".", count: n) }
    return [
        SearchTest("at both ends", ["ab"], "ab" + dots(60) + "ab", [(0, 0, 2), (0, 62, 64)]),
        SearchTest("across a block boundary", ["Smith"], dots(30) + "Smith" + dots(25) + "Smith", [(0, 30, 35), (0, 60, 65)]),
        SearchTest("last lane of a block", ["Q"], dots(31) + "Q" + dots(31) + "Q", [(0, 31, 32), (0, 63, 64)]),
        SearchTest("first lane of a block", ["Q"], dots(32) + "Q" + dots(31) + "Qx", [(0, 32, 33), (0, 64, 65)]),
        SearchTest("in the partial tail", ["xyz"], dots(67) + "xyz", [(0, 67, 70)]),
        SearchTest("start bytes that fail", ["Smith"], "S" + dots(40) + "Sm" + dots(40) + "Smit", []),
        SearchTest("high start byte in a long text", ["Łukasz"], dots(40) + "Łukasz" + dots(40), [(0, 40, 47)]),
        SearchTest("dense start bytes", ["ab"], String(repeating: "a", count: 70) + "b", [(0, 69, 71)]),
    ]
}()

let allSearchTests = basics + overlapping + prefixes + caseInsensitive + utf8 + edges

// MARK: - Runners

/// Each table case, with each layout, in one call and in pieces of several sizes.
@Test(arguments: allSearchTests, Layout.all)
func searchTable(_ test: SearchTest, layout: Layout) throws {
    let options = layout.options(caseInsensitive: test.caseInsensitive)
    let automaton = try AhoCorasick(patterns: test.patterns, options: options)
    let expected = test.matches.map { Match($0.id, $0.start, $0.end) }
    #expect(automaton.findAll(in: test.haystack).map { Match($0.id, $0.start, $0.end) } == expected, "\(test.name)")
    for pieces in [[1], [2], [3], [7], [31], [32], [33], [1, 5, 2, 40]] {
        #expect(streamMatches(automaton, test.haystack, pieces: pieces) == expected, "\(test.name), pieces \(pieces)")
    }
}

/// The table agrees with the naive matcher, so the expected values themselves are checked.
@Test(arguments: allSearchTests)
func tableAgreesWithNaive(_ test: SearchTest) {
    let ids = (0..<test.patterns.count).map { Int32($0) }
    let naive = naiveMatches(patterns: test.patterns, ids: ids, haystack: test.haystack, caseInsensitive: test.caseInsensitive)
    #expect(naive == test.matches.map { Match($0.id, $0.start, $0.end) })
}

@Test func baseOffsetIsAddedToEnds() throws {
    let automaton = try AhoCorasick(patterns: [Array("ab".utf8)], ids: [9])
    var state = automaton.startState
    var ends: [Int] = []
    Array("xab".utf8).withUnsafeBufferPointer { buffer in
        automaton.scan(buffer, baseOffset: 1_000, state: &state) { _, end in ends.append(end) }
    }
    #expect(ends == [1_003])
    #expect(state.isStart == false)  // "b" leaves the automaton inside the pattern's final state
}

@Test func stateCarriesAcrossEmptyBuffers() throws {
    let automaton = try AhoCorasick(patterns: [Array("abc".utf8)])
    var state = automaton.startState
    var ends: [Int] = []
    let pieces: [[UInt8]] = [Array("a".utf8), [], Array("b".utf8), [], Array("c".utf8)]
    var offset = 0
    for piece in pieces {
        piece.withUnsafeBufferPointer { buffer in
            automaton.scan(buffer, baseOffset: offset, state: &state) { _, end in ends.append(end) }
        }
        offset += piece.count
    }
    #expect(ends == [3])
}
