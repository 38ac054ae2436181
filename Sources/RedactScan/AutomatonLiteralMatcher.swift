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

    /// Runs the automaton's interleaved lanes (see `AhoCorasick.scanLanes`): lane 0 appends to
    /// `hits` directly, the others to `lanes`, which are then appended in lane order.
    func findAll(_ buffer: UnsafeBufferPointer<UInt8>, into hits: inout [LiteralHit], lanes: inout [[LiteralHit]]) {
        guard let automaton else { return }
        if lanes.count < AhoCorasick.laneCount - 1 {
            lanes = [[LiteralHit]](repeating: [], count: AhoCorasick.laneCount - 1)
        }
        automaton.scanLanes(buffer) { lane, id, end in
            if lane == 0 {
                hits.append(LiteralHit(pattern: id, end: end))
            } else {
                lanes[lane &- 1].append(LiteralHit(pattern: id, end: end))
            }
        }
        for k in lanes.indices where !lanes[k].isEmpty {
            hits.append(contentsOf: lanes[k])
            lanes[k].removeAll(keepingCapacity: true)
        }
    }
}
