import Testing
import PropertyBased
import RedactAutomaton

/// Small alphabets, so random patterns overlap and repeat a lot. They include ASCII case
/// pairs, bytes that differ by 0x20 but are not letters, UTF-8 lead and continuation bytes,
/// NUL, 0xFF and space.
let alphabets: [[UInt8]] = [
    Array("ab".utf8),
    Array("abc".utf8),
    Array("aAbB".utf8),
    Array("[{@`".utf8),
    [0x00, 0xFF, 0xC3, 0x20],
    [0xC3, 0xA9, 0x65, 0x45],
    Array("Sm i".utf8),
]


/// Random patterns and haystack as indexes into one alphabet.
let patternsGen = Gen.int(in: 0...3).array(of: 1...5).array(of: 1...8)
let haystackGen = Gen.int(in: 0...3).array(of: 0...300)
let alphabetGen = Gen.int(in: 0...(alphabets.count - 1))
let layoutGen = Gen.int(in: 0...(Layout.all.count - 1))

func spell(_ indexes: [Int], _ alphabet: [UInt8]) -> [UInt8] {
    indexes.map { alphabet[$0 % alphabet.count] }
}

/// The automaton reports exactly what comparing every pattern at every offset finds, in the
/// documented order, for every skip policy and with or without case folding.
@Test func agreesWithNaiveMatcher() async throws {
    await propertyCheck(count: 400, input: patternsGen, haystackGen, alphabetGen, layoutGen, Gen.bool) {
        rawPatterns, rawHaystack, a, layout, fold in
        let alphabet = alphabets[a]
        let patterns = rawPatterns.map { spell($0, alphabet) }
        let haystack = spell(rawHaystack, alphabet)
        let ids = (0..<patterns.count).map { Int32($0) }
        let options = Layout.all[layout].options(caseInsensitive: fold)
        guard let automaton = try? AhoCorasick(patterns: patterns, ids: ids, options: options) else {
            Issue.record("build failed")
            return
        }
        let expected = naiveMatches(patterns: patterns, ids: ids, haystack: haystack, caseInsensitive: fold)
        #expect(streamMatches(automaton, haystack) == expected)
    }
}

/// Feeding the haystack in random pieces, with the state carried across, reports the same
/// matches as one call over the whole haystack; so does feeding it one byte at a time.
@Test func splittingDoesNotChangeMatches() async throws {
    let piecesGen = Gen.int(in: 1...40).array(of: 1...20)
    await propertyCheck(count: 300, input: patternsGen, haystackGen, alphabetGen, layoutGen, piecesGen) {
        rawPatterns, rawHaystack, a, layout, pieces in
        let alphabet = alphabets[a]
        let patterns = rawPatterns.map { spell($0, alphabet) }
        let haystack = spell(rawHaystack, alphabet)
        let options = Layout.all[layout].options(caseInsensitive: a % 2 == 0)
        guard let automaton = try? AhoCorasick(patterns: patterns, options: options) else {
            Issue.record("build failed")
            return
        }
        let whole = streamMatches(automaton, haystack)
        #expect(streamMatches(automaton, haystack, pieces: pieces) == whole, "pieces \(pieces)")
        #expect(streamMatches(automaton, haystack, pieces: [1]) == whole, "pieces of 1 byte")
    }
}

/// Longer texts with rare start bytes, so that the SIMD skip covers whole blocks and stops at
/// candidates in every lane position.
@Test func sparseTextsAgreeWithNaiveMatcher() async throws {
    let positionsGen = Gen.int(in: 0...500).array(of: 0...12)
    await propertyCheck(count: 200, input: patternsGen, positionsGen, layoutGen) { rawPatterns, positions, layout in
        let alphabet = Array("SmiÅ".utf8)  // includes a two-byte letter: its bytes are start bytes too
        let patterns = rawPatterns.map { spell($0, alphabet) }
        var haystack = [UInt8](repeating: UInt8(ascii: "."), count: 520)
        for (k, at) in positions.enumerated() {
            let pattern = patterns[k % patterns.count]
            for (j, b) in pattern.enumerated() where at + j < haystack.count { haystack[at + j] = b }
        }
        let ids = (0..<patterns.count).map { Int32($0) }
        let automaton = try? AhoCorasick(patterns: patterns, ids: ids, options: Layout.all[layout].options(caseInsensitive: false))
        let expected = naiveMatches(patterns: patterns, ids: ids, haystack: haystack, caseInsensitive: false)
        #expect(automaton.map { streamMatches($0, haystack) } == expected)
    }
}

/// Long texts that alternate between stretches where every byte can start a pattern and
/// stretches where none can, so the skip keeps backing off (64 bytes, doubling) and coming
/// back; checked against the naive matcher, whole and in random pieces.
@Test(arguments: Layout.all)
func skipBackOffAgreesWithNaiveMatcher(_ layout: Layout) throws {
    var rng = SplitMix(seed: 11)
    let patterns = ["ab", "ba", "aab", "b.a", "Ab"].map { Array($0.utf8) }
    let ids = (0..<patterns.count).map { Int32($0) }
    var haystack: [UInt8] = []
    while haystack.count < 20_000 {
        let dense = rng.next() % 2 == 0
        let run = Int(rng.next() % 3_000)
        for _ in 0..<run {
            let r = Int(rng.next() % 8)
            haystack.append(dense ? Array("aabbAB.a".utf8)[r] : (r == 0 ? UInt8(ascii: "a") : UInt8(ascii: ".")))
        }
    }
    for fold in [false, true] {
        let automaton = try AhoCorasick(patterns: patterns, ids: ids, options: layout.options(caseInsensitive: fold))
        let expected = naiveMatches(patterns: patterns, ids: ids, haystack: haystack, caseInsensitive: fold)
        #expect(streamMatches(automaton, haystack) == expected)
        #expect(streamMatches(automaton, haystack, pieces: [1, 700, 33, 4_096]) == expected)
    }
}

/// Patterns longer than the eight bytes the build sorts its insertions by, sharing long
/// prefixes and repeating under other ids: found exactly as the naive matcher finds them.
@Test func longSharedPrefixesAgreeWithNaiveMatcher() async throws {
    let longPatterns = Gen.int(in: 0...1).array(of: 6...14).array(of: 1...12)
    await propertyCheck(count: 300, input: longPatterns, Gen.int(in: 0...1).array(of: 0...400), Gen.bool) {
        rawPatterns, rawHaystack, fold in
        let alphabet = Array("aB".utf8)
        let patterns = rawPatterns.map { spell($0, alphabet) }
        let haystack = spell(rawHaystack, alphabet)
        let ids = (0..<patterns.count).map { Int32($0) }
        guard let automaton = try? AhoCorasick(
            patterns: patterns, ids: ids, options: AutomatonOptions(asciiCaseInsensitive: fold)) else {
            Issue.record("build failed")
            return
        }
        let expected = naiveMatches(patterns: patterns, ids: ids, haystack: haystack, caseInsensitive: fold)
        #expect(streamMatches(automaton, haystack) == expected)
    }
}
