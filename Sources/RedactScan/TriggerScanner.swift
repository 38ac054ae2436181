import RedactAutomaton
import RedactPatterns

/// Finds trigger bytes (digits, `@`, ...) 32 bytes at a time.
///
/// The union of every byte-trigger set is covered by at most four byte ranges (a superset is
/// fine: a 256-entry table gives the exact answer inside a block that hits). Text with no
/// trigger byte is skipped at SIMD speed, which is what makes sparse text fast.
struct TriggerScanner: Sendable {
    /// For each byte, a bitmask of the byte groups it triggers (bit g = group g); 0 for none.
    let table: [UInt64]
    let lows: SIMD4<UInt8>
    let widths: SIMD4<UInt8>
    /// The group mask every digit has, when all ten share it and no other byte does: a run
    /// with this mask is all digits. 0 otherwise (no run has mask 0).
    let digitMask: UInt64

    init(groups: [ByteSet]) {
        precondition(groups.count <= 64, "at most 64 byte-trigger groups")
        var table = [UInt64](repeating: 0, count: 256)
        for (g, set) in groups.enumerated() {
            for b in set.members { table[Int(b)] |= 1 << UInt64(g) }
        }
        self.table = table
        let digits = table[0x30...0x39]
        let onlyDigits = table.indices.allSatisfy { b in (0x30...0x39).contains(b) || table[b] != table[0x30] }
        digitMask = Set(digits).count == 1 && onlyDigits ? table[0x30] : 0
        // Runs of consecutive trigger bytes, then merge the closest runs until four remain.
        var runs: [(lo: Int, hi: Int)] = []
        for b in 0..<256 where table[b] != 0 {
            if let last = runs.last, last.hi == b - 1 { runs[runs.count - 1].hi = b } else { runs.append((b, b)) }
        }
        while runs.count > 4 {
            var best = 0
            for i in 0..<(runs.count - 1) where runs[i + 1].lo - runs[i].hi < runs[best + 1].lo - runs[best].hi { best = i }
            runs[best].hi = runs[best + 1].hi
            runs.remove(at: best + 1)
        }
        if runs.isEmpty { runs = [(0, 0)] }  // never reached by callers with no groups
        while runs.count < 4 { runs.append(runs[0]) }
        lows = SIMD4(runs.map { UInt8($0.lo) })
        widths = SIMD4(runs.map { UInt8($0.hi - $0.lo) })
    }

    /// Appends to `runs` every run of consecutive trigger bytes in `p[from..<to]` that trigger
    /// the same groups, in order. A run updates each group's window once: a ten-digit number
    /// is one update, not ten.
    func collectRuns(_ p: UnsafePointer<UInt8>, from: Int, to: Int, into runs: inout [TriggerRun]) {
        var current = TriggerRun.none
        collectRuns(p, from: from, to: to, into: &runs, open: &current)
        if current.first >= 0 { runs.append(current) }
    }

    /// `collectRuns` over one slice of a longer range, slice after slice: `open` is the run
    /// still growing at the end of the previous slice (`TriggerRun.none` at first). It is
    /// appended once a later trigger byte cannot extend it; after the last slice the caller
    /// appends it if it is not `none`. So a run that crosses a slice edge is one run.
    func collectRuns(_ p: UnsafePointer<UInt8>, from: Int, to: Int, into runs: inout [TriggerRun], open current: inout TriggerRun) {
        var run = current
        forEachTrigger(p, from: from, to: to) { t, mask in
            if t == run.last + 1 && mask == run.mask {
                run.last = t
            } else {
                if run.first >= 0 { runs.append(run) }
                run = TriggerRun(first: t, last: t, mask: mask)
            }
        }
        current = run
    }

    /// Calls `body(index, groupMask)` for every trigger byte in `p[from..<to]`, in order.
    @inline(__always)
    func forEachTrigger(_ p: UnsafePointer<UInt8>, from: Int, to: Int, _ body: (Int, UInt64) -> Void) {
        table.withUnsafeBufferPointer { t in
            let l0 = SIMD32<UInt8>(repeating: lows[0]), w0 = SIMD32<UInt8>(repeating: widths[0])
            let l1 = SIMD32<UInt8>(repeating: lows[1]), w1 = SIMD32<UInt8>(repeating: widths[1])
            let l2 = SIMD32<UInt8>(repeating: lows[2]), w2 = SIMD32<UInt8>(repeating: widths[2])
            let l3 = SIMD32<UInt8>(repeating: lows[3]), w3 = SIMD32<UInt8>(repeating: widths[3])
            let raw = UnsafeRawPointer(p)
            var i = from
            while i + 32 <= to {
                let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD32<UInt8>.self)
                let m = ((v &- l0) .<= w0) .| ((v &- l1) .<= w1) .| ((v &- l2) .<= w2) .| ((v &- l3) .<= w3)
                // Visit only the candidate lanes (dense text has a digit in almost every
                // block, and a scalar pass over all 32 bytes cost more than the SIMD test).
                var lanes = LaneBits.of(m)
                while lanes != 0 {
                    let j = i &+ lanes.trailingZeroBitCount
                    lanes &= lanes &- 1
                    let g = t[Int(p[j])]
                    if g != 0 { body(j, g) }
                }
                i += 32
            }
            while i < to {
                let g = t[Int(p[i])]
                if g != 0 { body(i, g) }
                i += 1
            }
        }
    }
}

/// Trigger bytes `first...last`, each triggering the byte groups in `mask` (bit g = group g).
struct TriggerRun {
    var first: Int
    var last: Int
    var mask: UInt64

    /// No run yet.
    static let none = TriggerRun(first: -1, last: -2, mask: 0)
}
