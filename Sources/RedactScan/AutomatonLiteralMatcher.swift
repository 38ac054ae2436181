import RedactAutomaton

/// The fast literal matcher: our Aho-Corasick automaton (byte classes, premultiplied state ids,
/// SIMD start-state skip), ASCII case-insensitive.
struct AutomatonLiteralMatcher: LiteralMatcher {
    // Temporary: brute force until the automaton target lands.
    let naive: NaiveLiteralMatcher
    init(literals: [[UInt8]]) throws { naive = NaiveLiteralMatcher(literals: literals) }
    func findAll(_ buffer: UnsafeBufferPointer<UInt8>, into hits: inout [LiteralHit]) { naive.findAll(buffer, into: &hits) }
}
