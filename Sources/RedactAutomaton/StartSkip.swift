/// The SIMD start-state skip: while no pattern is partly matched, jump over every byte that
/// cannot start one, 32 bytes per step.
///
/// Why: in prose more than 90 % of bytes leave the automaton in its start state. Stepping them
/// through the table costs a dependent load each; testing 32 at a time against a few byte
/// ranges runs at memchr speed (pcre2-swift.md: 955 MB/s against 236 MB/s for the same DFA
/// without the skip). aho-corasick runs its prefilter "whenever a search enters an automaton's
/// start state" for the same reason.
///
/// The set of start bytes is arbitrary, but a SIMD test is cheap only for a few ranges
/// (`(v &- lo) .<= width`). So the set is covered by at most four ranges, merging the runs
/// whose gaps hold the rarest bytes. The cover may include bytes that do not start a pattern
/// (false positives), never the reverse; a hit in the SIMD mask is confirmed against the exact
/// 256-entry table, so the skip itself is exact: it returns the first byte that leaves the
/// start state.
@usableFromInline
struct StartSkip: Sendable {
    /// `exact[b]` is true when byte `b` leaves the start state.
    @usableFromInline let exact: [Bool]
    /// Four `(low, width)` ranges covering `exact`; unused slots repeat the first range.
    @usableFromInline let lows: SIMD4<UInt8>
    @usableFromInline let widths: SIMD4<UInt8>
    /// Whether the search uses the skip at all.
    @usableFromInline let enabled: Bool
    /// The distinct ranges, for reports.
    let ranges: [ClosedRange<UInt8>]

    /// Plans the skip for the given start bytes.
    init(exact: [Bool], mode: AutomatonOptions.StartSkip) {
        precondition(exact.count == 256)
        self.exact = exact
        let ranges = StartSkip.cover(exact, maxRanges: 4)
        self.ranges = ranges
        var lows = SIMD4<UInt8>(repeating: 0), widths = SIMD4<UInt8>(repeating: 0)
        for k in 0..<4 {
            // No start byte at all: a range that is never hit cannot be written as
            // (low, width), so point every slot at byte 0 and let the exact table reject it.
            let r = ranges.isEmpty ? 0...0 : ranges[min(k, ranges.count - 1)]
            lows[k] = r.lowerBound
            widths[k] = r.upperBound - r.lowerBound
        }
        self.lows = lows
        self.widths = widths
        let coveredWeight = ranges.reduce(0) { sum, r in sum + r.reduce(0) { $0 + proseWeight[Int($1)] } }
        let coveredCount = ranges.reduce(0) { $0 + $1.count }
        switch mode {
        case .never: enabled = false
        case .always: enabled = coveredCount < 256
        case .auto: enabled = coveredCount < 256 && coveredWeight <= StartSkip.autoWeightLimit
        }
    }

    /// `.auto` turns the skip off when the covered bytes make up more than about 15 % of prose.
    static let autoWeightLimit = 150

    /// Covers the set bytes with at most `maxRanges` ranges, merging across the gaps that
    /// would add the least prose weight (each gap byte counts at least 1).
    static func cover(_ set: [Bool], maxRanges: Int) -> [ClosedRange<UInt8>] {
        var runs: [(lo: Int, hi: Int)] = []
        var b = 0
        while b < 256 {
            if set[b] {
                let lo = b
                while b + 1 < 256 && set[b + 1] { b += 1 }
                runs.append((lo, b))
            }
            b += 1
        }
        while runs.count > maxRanges {
            var best = 0, bestCost = Int.max
            for k in 0..<(runs.count - 1) {
                var cost = 0
                for g in (runs[k].hi + 1)..<runs[k + 1].lo { cost += max(1, proseWeight[g]) }
                if cost < bestCost { bestCost = cost; best = k }
            }
            runs[best].hi = runs[best + 1].hi
            runs.remove(at: best + 1)
        }
        return runs.map { UInt8($0.lo)...UInt8($0.hi) }
    }
}

/// The per-search form of `StartSkip`: the ranges splatted into vectors once per `scan` call.
@usableFromInline
@frozen
struct StartSkipScanner {
    @usableFromInline let l0, l1, l2, l3, w0, w1, w2, w3: SIMD32<UInt8>

    @inlinable @inline(__always)
    init(_ skip: StartSkip) {
        l0 = SIMD32(repeating: skip.lows[0]); w0 = SIMD32(repeating: skip.widths[0])
        l1 = SIMD32(repeating: skip.lows[1]); w1 = SIMD32(repeating: skip.widths[1])
        l2 = SIMD32(repeating: skip.lows[2]); w2 = SIMD32(repeating: skip.widths[2])
        l3 = SIMD32(repeating: skip.lows[3]); w3 = SIMD32(repeating: skip.widths[3])
    }

    /// The first index in `start..<end` whose byte leaves the start state, or `end`.
    ///
    /// Full 32-byte blocks are tested with SIMD range compares, and each candidate lane is
    /// confirmed in `exact`. The last partial block is scanned with `exact` alone.
    @inlinable @inline(__always)
    func firstStart(_ p: UnsafePointer<UInt8>, from start: Int, end: Int, exact: UnsafePointer<Bool>) -> Int {
        var i = start
        let raw = UnsafeRawPointer(p)
        while i &+ 32 <= end {
            var lanes = LaneBits.of(mask(raw.loadUnaligned(fromByteOffset: i, as: SIMD32<UInt8>.self)))
            while lanes != 0 {
                let j = i &+ lanes.trailingZeroBitCount
                if exact[Int(p[j])] { return j }
                lanes &= lanes &- 1
            }
            i &+= 32
        }
        while i < end && !exact[Int(p[i])] { i &+= 1 }
        return i
    }
}

/// Rough frequency of each byte in English prose, per mille (space 180, `e` 100, `t` 75, ...;
/// capitals, digits and punctuation a few each, control and non-ASCII bytes 0).
///
/// Used only to plan the skip: which gaps to cover when merging ranges, and whether the covered
/// bytes are so common that skipping cannot pay (aho-corasick's `byte_frequencies.rs` plays the
/// same role for its rare-byte prefilter).
let proseWeight: [Int] = {
    var w = [Int](repeating: 0, count: 256)
    let lower: [(Character, Int)] = [
        ("e", 100), ("t", 75), ("a", 65), ("o", 62), ("i", 57), ("n", 57), ("s", 53), ("h", 49),
        ("r", 49), ("d", 35), ("l", 33), ("c", 23), ("u", 23), ("m", 20), ("w", 19), ("f", 18),
        ("g", 16), ("y", 16), ("p", 15), ("b", 12), ("v", 8), ("k", 6), ("j", 1), ("x", 1),
        ("q", 1), ("z", 1),
    ]
    for (c, f) in lower { w[Int(c.asciiValue!)] = f }
    for b in 0x41...0x5A { w[b] = 3 }
    for b in 0x30...0x39 { w[b] = 2 }
    for b in 0x21...0x2F { w[b] = 1 }
    for b in 0x3A...0x40 { w[b] = 1 }
    w[0x20] = 180
    w[0x0A] = 15
    w[0x2C] = 10
    w[0x2E] = 10
    return w
}()
