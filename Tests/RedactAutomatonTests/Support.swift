import RedactAutomaton

/// One reported match: pattern id and byte range `start..<end`.
struct Match: Hashable, CustomStringConvertible {
    var id: Int32
    var start: Int
    var end: Int
    init(_ id: Int32, _ start: Int, _ end: Int) { self.id = id; self.start = start; self.end = end }
    var description: String { "(\(id), \(start), \(end))" }
}

/// Runs `automaton` over `haystack` in pieces of the given sizes (cycled), carrying the state
/// from piece to piece, and returns the matches in report order. An empty `pieces` means one
/// call over the whole haystack.
func streamMatches(_ automaton: AhoCorasick, _ haystack: [UInt8], pieces: [Int] = []) -> [Match] {
    var found: [Match] = []
    var state = automaton.startState
    haystack.withUnsafeBufferPointer { whole in
        var at = 0
        var k = 0
        repeat {
            let size = pieces.isEmpty ? whole.count : pieces[k % pieces.count]
            k += 1
            let end = min(whole.count, at + size)
            let piece = UnsafeBufferPointer(rebasing: whole[at..<end])
            automaton.scan(piece, baseOffset: at, state: &state) { id, matchEnd in
                found.append(Match(id, matchEnd - automaton.patternLength(id), matchEnd))
            }
            at = end
        } while at < whole.count
    }
    return found
}

/// The reference: every pattern compared at every offset (ASCII letters folded if asked),
/// sorted into the automaton's documented report order (end, then start, then id).
func naiveMatches(patterns: [[UInt8]], ids: [Int32], haystack: [UInt8], caseInsensitive: Bool) -> [Match] {
    func fold(_ b: UInt8) -> UInt8 { caseInsensitive && b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
    var found = Set<Match>()
    for (pattern, id) in zip(patterns, ids) where pattern.count <= haystack.count {
        for start in 0...(haystack.count - pattern.count) {
            var same = true
            for (k, b) in pattern.enumerated() where fold(b) != fold(haystack[start + k]) {
                same = false
                break
            }
            if same { found.insert(Match(id, start, start + pattern.count)) }
        }
    }
    return found.sorted { ($0.end, $0.start, $0.id) < ($1.end, $1.start, $1.id) }
}

/// A way to build the same automaton: each start-skip policy with the default layout, all
/// rows dense, all sparse (only the start state dense), and a mix (a 600-byte dense budget).
/// Every search test runs with each, since they must find exactly the same matches.
struct Layout: CustomStringConvertible, Sendable {
    var skip: AutomatonOptions.StartSkip
    var denseBytes: Int

    static let all: [Layout] = [
        Layout(skip: .auto, denseBytes: AutomatonOptions().maxDenseTableBytes),
        Layout(skip: .always, denseBytes: AutomatonOptions().maxDenseTableBytes),
        Layout(skip: .never, denseBytes: AutomatonOptions().maxDenseTableBytes),
        Layout(skip: .always, denseBytes: 1 << 30),
        Layout(skip: .always, denseBytes: 0),
        Layout(skip: .never, denseBytes: 0),
        Layout(skip: .always, denseBytes: 600),
    ]

    func options(caseInsensitive: Bool) -> AutomatonOptions {
        AutomatonOptions(asciiCaseInsensitive: caseInsensitive, maxDenseTableBytes: denseBytes, startSkip: skip)
    }

    var description: String { "skip \(skip), dense \(denseBytes) B" }
}

/// Runs `scanLanes` over `haystack` and returns the matches in lane order (lane 0's, then
/// lane 1's, ...), which must be `scan`'s order.
func laneMatches(_ automaton: AhoCorasick, _ haystack: [UInt8], minimumLaneBytes: Int) -> [Match] {
    var lanes = [[Match]](repeating: [], count: AhoCorasick.laneCount)
    haystack.withUnsafeBufferPointer { whole in
        automaton.scanLanes(whole, minimumLaneBytes: minimumLaneBytes) { lane, id, end in
            lanes[lane].append(Match(id, end - automaton.patternLength(id), end))
        }
    }
    return lanes.flatMap { $0 }
}
