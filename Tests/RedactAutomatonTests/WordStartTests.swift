import Testing
import PropertyBased
import RedactAutomaton

/// Alphabets for word-start searches: letters in both cases, digits, separators, non-ASCII
/// bytes, so word boundaries fall everywhere and patterns shorter and longer than the eight
/// bytes the prefix filter keys on both occur.
let wordAlphabets: [[UInt8]] = [
    Array("ab ".utf8),
    Array("aB1 ".utf8),
    Array("ab/.".utf8),
    Array("Ab -".utf8),
    [0x61, 0x20, 0xC3, 0xA9],
    Array("mgM ".utf8),
]

/// Whether byte `b` is an ASCII letter or digit.
func isWordByte(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) }

/// The reference: naive matches kept when word-bounded (no letter or digit on both sides of
/// either edge), in start, end, id order.
func naiveWordMatches(patterns: [[UInt8]], ids: [Int32], haystack: [UInt8], caseInsensitive: Bool) -> [Match] {
    naiveMatches(patterns: patterns, ids: ids, haystack: haystack, caseInsensitive: caseInsensitive).filter { m in
        let startOK = m.start == 0 || !(isWordByte(haystack[m.start - 1]) && isWordByte(haystack[m.start]))
        let endOK = m.end == haystack.count || !(isWordByte(haystack[m.end - 1]) && isWordByte(haystack[m.end]))
        return startOK && endOK
    }.sorted { ($0.start, $0.end, $0.id) < ($1.start, $1.end, $1.id) }
}

func wordStartMatches(_ automaton: AhoCorasick, _ haystack: [UInt8]) -> [Match] {
    var found: [Match] = []
    haystack.withUnsafeBufferPointer { buffer in
        automaton.scanWordStarts(buffer) { id, end in found.append(Match(id, end - automaton.patternLength(id), end)) }
    }
    return found
}

/// `scanWordStarts` reports exactly the word-bounded occurrences, in start order, for every
/// layout and with or without case folding (so the prefix filter never drops one).
@Test func wordStartsAgreeWithNaiveMatcher() async throws {
    await propertyCheck(count: 400, input: Gen.int(in: 0...3).array(of: 1...11).array(of: 1...8), Gen.int(in: 0...3).array(of: 0...200),
                        Gen.int(in: 0...(wordAlphabets.count - 1)), Gen.int(in: 0...(Layout.all.count - 1)), Gen.bool) {
        rawPatterns, rawHaystack, a, layout, fold in
        let alphabet = wordAlphabets[a]
        let patterns = rawPatterns.map { spell($0, alphabet) }
        let haystack = spell(rawHaystack, alphabet)
        let ids = (0..<patterns.count).map { Int32($0) }
        guard let automaton = try? AhoCorasick(patterns: patterns, ids: ids, options: Layout.all[layout].options(caseInsensitive: fold)) else {
            Issue.record("build failed")
            return
        }
        let want = naiveWordMatches(patterns: patterns, ids: ids, haystack: haystack, caseInsensitive: fold)
        let got = wordStartMatches(automaton, haystack)
        // Same id and same folded bytes is reported once, by either side.
        #expect(Set(got) == Set(want))
        #expect(got == got.sorted { ($0.start, $0.end, $0.id) < ($1.start, $1.end, $1.id) })
    }
}

@Test func wordStartsOnProse() throws {
    let words = ["mg", "s/c", "NI", "he is", "Smith", "Smith, John", "Zoë", "diabetes", "type 2 diabetes"]
    let automaton = try AhoCorasick(patterns: words.map { Array($0.utf8) }, options: AutomatonOptions(asciiCaseInsensitive: true))
    let text = Array("He is on 20mg, mg daily; s/c 12; NInety NI. SMITH, JOHN met Zoë Smith-Jones: Type 2 diabetes.".utf8)
    let found = wordStartMatches(automaton, text).map { String(decoding: text[$0.start..<$0.end], as: UTF8.self) }
    // "20mg" glues mg to a digit; "NInety" glues NI to a letter; "Smith-Jones" is two words.
    #expect(found == ["He is", "mg", "s/c", "NI", "SMITH", "SMITH, JOHN", "Zoë", "Smith", "Type 2 diabetes", "diabetes"])
}

/// Long text with many word starts in every 32-byte block, across block edges and across the
/// edges of the batches that candidates are collected in (2,048 bytes), and at the scalar tail.
@Test(arguments: [700, 4_500, 6_177])
func wordStartsAcrossBlocks(length: Int) throws {
    let patterns = ["abc", "b", "ab c", "c1"].map { Array($0.utf8) }
    let automaton = try AhoCorasick(patterns: patterns, options: AutomatonOptions(asciiCaseInsensitive: true))
    var rng = SystemRandomNumberGenerator()
    let alphabet = Array("abc1 .".utf8)
    for _ in 0..<20 {
        let text = (0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
        let ids = (0..<patterns.count).map { Int32($0) }
        #expect(Set(wordStartMatches(automaton, text)) == Set(naiveWordMatches(patterns: patterns, ids: ids, haystack: text, caseInsensitive: true)))
    }
}

/// Words that share four to eight letters with a pattern, or all of it and then more: the
/// prefix filter keys on eight bytes cut at the first byte that is not a letter or digit, so
/// each of these is on one side of that edge or the other.
@Test func wordStartsWithLongSharedPrefixes() throws {
    let patterns = ["account", "account number", "heart", "hearing aid", "abcdefgh", "abcdefghi", "abcdefg", "a/c", "court"]
        .map { Array($0.utf8) }
    let automaton = try AhoCorasick(patterns: patterns, options: AutomatonOptions(asciiCaseInsensitive: true))
    let words = ["account", "ACCOUNT", "accounts", "accommodation", "account number", "account numbers", "heart", "hearts",
                 "hearing", "Hearing aid", "hearing aids", "abcdefgh", "abcdefghi", "abcdefghij", "abcdefg", "abcdef", "a/c",
                 "a", "a/b", "court", "courts", "Court-room", "the", "12", "accountant"]
    let separators = [" ", " ", ", ", ".", "\n", "-", "/"]
    var rng = SystemRandomNumberGenerator()
    let ids = (0..<patterns.count).map { Int32($0) }
    for _ in 0..<30 {
        var text: [UInt8] = []
        while text.count < 3_000 {
            text += Array(words[Int(rng.next() % UInt64(words.count))].utf8)
            text += Array(separators[Int(rng.next() % UInt64(separators.count))].utf8)
        }
        let want = naiveWordMatches(patterns: patterns, ids: ids, haystack: text, caseInsensitive: true)
        #expect(!want.isEmpty)
        #expect(Set(wordStartMatches(automaton, text)) == Set(want))
    }
}

/// Patterns that share a first word with common prose words ("a", "case", "police") and
/// patterns the second stage cannot key on two words ("court", "etc.", "a/"): every
/// word-bounded occurrence is still found, next to near misses, in and across batches.
@Test(arguments: [1, 40, 300])
func secondWordStageKeepsEveryOccurrence(repeats: Int) throws {
    let patterns = ["a learning disability", "a/c", "case reference", "case ref", "police national computer",
                    "court", "etc.", "a/", "down's syndrome", "Mr", "s/c no", "date of birth", "communityhealth"]
        .map { Array($0.utf8) }
    let ids = (0..<patterns.count).map { Int32($0) }
    let prose = "A big case was heard; a learning disability, a/c 123 and A/C. Police officers, police national " +
        "computer. Court, court-room, Courts. etc. etcetera a/b s/c no s/c No. Down's syndrome down the road. " +
        "Date of birth: date of arrest. Mr. Mrs. communityhealth communityhealthy a/ a/c, "
    let haystack = Array(String(repeating: prose, count: repeats).utf8)
    for layout in Layout.all {
        let automaton = try AhoCorasick(patterns: patterns, ids: ids, options: layout.options(caseInsensitive: true))
        let want = naiveWordMatches(patterns: patterns, ids: ids, haystack: haystack, caseInsensitive: true)
        let got = wordStartMatches(automaton, haystack)
        // Compared as a whole, reported by what differs (the lists run to thousands).
        let same = got == want
        #expect(same, "missing \(Set(want).subtracting(got).count), extra \(Set(got).subtracting(want).count)")
        #expect(want.count == 19 * repeats)
    }
}
