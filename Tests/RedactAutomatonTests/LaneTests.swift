import PropertyBased
import RedactAutomaton
import Testing

/// Four interleaved lanes report exactly what one search reports, in the same order, for every
/// layout (the start-state skip hands the search to one lane), case folding, and lane size
/// down to one byte, where matches and warm-ups straddle every lane boundary.
@Test func lanesAgreeWithOneSearch() async throws {
    await propertyCheck(count: 400, input: patternsGen, haystackGen, alphabetGen, layoutGen, Gen.int(in: 1...12)) {
        rawPatterns, rawHaystack, a, layout, minimumLane in
        let alphabet = alphabets[a]
        let patterns = rawPatterns.map { spell($0, alphabet) }
        let haystack = spell(rawHaystack, alphabet)
        let options = Layout.all[layout].options(caseInsensitive: a % 2 == 1)
        guard let automaton = try? AhoCorasick(patterns: patterns, options: options) else {
            Issue.record("build failed")
            return
        }
        #expect(laneMatches(automaton, haystack, minimumLaneBytes: minimumLane) == streamMatches(automaton, haystack))
    }
}

/// The same on a text long enough for the default lane size, with the skip off (as for the
/// scanner's case-insensitive dictionaries) and patterns planted across the lane boundaries.
@Test func lanesAgreeOnLongText() throws {
    let words = ["passport", "born", "dob", "asian", "mr", "road", "st", "a"].map { Array($0.utf8) }
    let automaton = try AhoCorasick(patterns: words, options: AutomatonOptions(asciiCaseInsensitive: true, startSkip: .never))
    var text: [UInt8] = []
    var seed: UInt64 = 42
    while text.count < 100_000 {
        seed = seed &* 6364136223846793005 &+ 1442695040888963407
        let pick = Int(seed >> 33) % (words.count + 3)
        text += pick < words.count ? words[pick] : Array(["the ", "Passp", "ORT "][pick - words.count].utf8)
        text.append(UInt8(ascii: " "))
    }
    let one = streamMatches(automaton, text)
    #expect(one.count > 10_000)
    #expect(laneMatches(automaton, text, minimumLaneBytes: 4096) == one)
}
