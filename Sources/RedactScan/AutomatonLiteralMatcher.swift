import RedactAutomaton

/// The fast literal matcher: our Aho-Corasick automaton (byte classes, premultiplied state ids,
/// SIMD start search), ASCII case-insensitive, walked from word starts only
/// (`AhoCorasick.scanWordStarts`). Literal `i` has pattern id `i`.
///
/// Every action on a literal hit requires a word boundary before it where the literal begins
/// with a letter or digit (`WordBoundary` checks; literal triggers by the pack format), so the
/// hits it leaves out are exactly ones the scanner would discard.
struct AutomatonLiteralMatcher: LiteralMatcher {
    let automaton: AhoCorasick?

    init(literals: [[UInt8]]) throws {
        automaton = literals.isEmpty ? nil : try AhoCorasick(
            patterns: literals, ids: literals.indices.map(Int32.init),
            options: AutomatonOptions(asciiCaseInsensitive: true))
    }

    func findAll(_ buffer: UnsafeBufferPointer<UInt8>, into hits: inout [LiteralHit], workspace: inout [Int]) {
        guard let automaton else { return }
        let first = hits.count
        automaton.scanWordStarts(buffer, workspace: &workspace) { id, end in hits.append(LiteralHit(pattern: id, end: end)) }
        // Walks report by start; the scanner wants hits by end. They are nearly in that order
        // already (only a hit nested in a longer one is out of place), so an insertion sort
        // is linear in practice and allocates nothing.
        var i = first + 1
        while i < hits.count {
            let h = hits[i]
            var j = i
            while j > first && hits[j - 1].end > h.end {
                hits[j] = hits[j - 1]
                j -= 1
            }
            hits[j] = h
            i += 1
        }
    }
}
