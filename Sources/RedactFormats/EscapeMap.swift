/// Maps offsets in a field's decoded text back to its bytes as stored, when escapes (a CSV
/// `""`, a JSON `\u00e9`) make them differ. Escapes are kept sparsely (one entry per escape),
/// so a field without escapes costs nothing, and an escape is atomic: a finding that starts or
/// ends inside the decoded form of an escape covers the whole escape as stored.
struct EscapeMap {
    /// One escape: decoded bytes `d0..<d1` are stored as `r0..<r1` (offsets from the start of
    /// the field's content). Entries are in order.
    struct Escape {
        var d0: Int32, d1: Int32, r0: Int32, r1: Int32
    }
    private(set) var escapes: [Escape] = []

    var isEmpty: Bool { escapes.isEmpty }

    mutating func removeAll() { escapes.removeAll(keepingCapacity: true) }

    mutating func add(decoded: Range<Int>, raw: Range<Int>) {
        escapes.append(Escape(d0: Int32(decoded.lowerBound), d1: Int32(decoded.upperBound),
                              r0: Int32(raw.lowerBound), r1: Int32(raw.upperBound)))
    }

    /// Stored offset of the first byte of decoded offset `d` (a start).
    func rawStart(_ d: Int) -> Int {
        guard let k = lastEscape(startingAtOrBefore: d) else { return d }
        let e = escapes[k]
        if d < Int(e.d1) { return Int(e.r0) }
        return Int(e.r1) + (d - Int(e.d1))
    }

    /// Stored offset just after decoded offset `d - 1` (an exclusive end).
    func rawEnd(_ d: Int) -> Int {
        guard let k = lastEscape(startingAtOrBefore: d - 1) else { return d }
        let e = escapes[k]
        if d <= Int(e.d1) { return Int(e.r1) }
        return Int(e.r1) + (d - Int(e.d1))
    }

    /// Index of the last escape whose decoded start is <= `d`.
    private func lastEscape(startingAtOrBefore d: Int) -> Int? {
        var lo = 0, hi = escapes.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(escapes[mid].d0) <= d { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? nil : lo - 1
    }
}
