import RedactAutomaton

/// The fast literal matcher: our Aho-Corasick automaton (byte classes, premultiplied state ids,
/// SIMD start-state skip), ASCII case-insensitive. Literal `i` has pattern id `i`.
struct AutomatonLiteralMatcher: LiteralMatcher {
    let automaton: AhoCorasick?

    init(literals: [[UInt8]]) throws {
        automaton = literals.isEmpty ? nil : try AhoCorasick(
            patterns: literals, ids: literals.indices.map(Int32.init),
            options: AutomatonOptions(asciiCaseInsensitive: true))
    }

    func findAll(_ buffer: UnsafeBufferPointer<UInt8>, into hits: inout [LiteralHit]) {
        guard let automaton else { return }
        var state = automaton.startState
        automaton.scan(buffer, baseOffset: 0, state: &state) { id, end in
            hits.append(LiteralHit(pattern: id, end: end))
        }
    }
}
