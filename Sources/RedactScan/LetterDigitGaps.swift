import RedactPatterns

/// The closest letter-and-digit pairs in a window: what `letter_digit` promises are checked
/// against (`Rule.letterDigit`).
///
/// Computed per run of trigger digits, from the run and `margin` bytes either side, then folded
/// into each window the run joins (the smallest gap wins). That sees every pair a match could
/// hold: the pair closest together has no digit between its letter and its digit, so the digit
/// ends or starts its run and the letter lies within the margin (or inside the run). Cost: a
/// few bytes per run, not a pass per window.
struct LetterDigitGaps {
    /// Gaps that keep every promise: for windows nothing was computed for.
    static let unknown = LetterDigitGaps(upper: 0, any: 0)
    /// Gaps that keep none: the start of a fold.
    static let none = LetterDigitGaps(upper: .max, any: .max)

    init(upper: Int, any: Int) {
        self.upper = upper
        self.any = any
    }

    mutating func fold(_ other: LetterDigitGaps) {
        upper = min(upper, other.upper)
        any = min(any, other.any)
    }

    /// Fewest bytes between an upper-case ASCII letter and a digit; between any ASCII letter
    /// and a digit. `Int.max` when the window has no such pair.
    var upper = Int.max
    var any = Int.max

    init(_ p: UnsafePointer<UInt8>, from: Int, to: Int) {
        var last = Last()
        var i = from
        while i < to {
            step(p[i], at: i, &last)
            i &+= 1
        }
        finish(span: to &- from)
    }

    /// The same gaps as `init(p, from: first - margin, to: last + 1 + margin)` (clamped to
    /// `0..<count`) when `p[first...last]` are all digits, without reading the run: inside it
    /// only the first digit can be closest to a letter before it, and only the last closest
    /// to a letter after it.
    init(_ p: UnsafePointer<UInt8>, digits first: Int, through lastDigit: Int, margin: Int, count: Int) {
        let from = max(0, first - margin), to = min(count, lastDigit + 1 + margin)
        var last = Last()
        var i = from
        while i < first {
            step(p[i], at: i, &last)
            i &+= 1
        }
        step(p[first], at: first, &last)
        last.digit = lastDigit
        i = lastDigit &+ 1
        while i < to {
            step(p[i], at: i, &last)
            i &+= 1
        }
        finish(span: to &- from)
    }

    /// The last positions seen of each kind; far enough back that a first gap is never small.
    private struct Last {
        var upper = Int.min / 2, letter = Int.min / 2, digit = Int.min / 2
    }

    @inline(__always)
    private mutating func step(_ b: UInt8, at i: Int, _ last: inout Last) {
        if b &- 0x30 < 10 {
            upper = min(upper, i &- last.upper &- 1)
            any = min(any, i &- last.letter &- 1)
            last.digit = i
        } else if b &- 0x41 < 26 {
            upper = min(upper, i &- last.digit &- 1)
            any = min(any, i &- last.digit &- 1)
            last.upper = i
            last.letter = i
        } else if b &- 0x61 < 26 {
            any = min(any, i &- last.digit &- 1)
            last.letter = i
        }
    }

    /// A gap measured from a sentinel is no pair at all.
    @inline(__always)
    private mutating func finish(span: Int) {
        if upper >= span { upper = .max }
        if any >= span { any = .max }
    }

    func allows(_ promise: LetterDigit) -> Bool {
        (promise.upperOnly ? upper : any) <= promise.maxGap
    }
}
