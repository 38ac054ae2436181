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
        // Last positions seen; far enough back that a first gap is never small.
        var lastUpper = Int.min / 2, lastLetter = Int.min / 2, lastDigit = Int.min / 2
        var i = from
        while i < to {
            let b = p[i]
            if b &- 0x30 < 10 {
                upper = min(upper, i &- lastUpper &- 1)
                any = min(any, i &- lastLetter &- 1)
                lastDigit = i
            } else if b &- 0x41 < 26 {
                upper = min(upper, i &- lastDigit &- 1)
                any = min(any, i &- lastDigit &- 1)
                lastUpper = i
                lastLetter = i
            } else if b &- 0x61 < 26 {
                any = min(any, i &- lastDigit &- 1)
                lastLetter = i
            }
            i &+= 1
        }
        // A gap measured from a sentinel is no pair at all.
        if upper >= to &- from { upper = .max }
        if any >= to &- from { any = .max }
    }

    func allows(_ promise: LetterDigit) -> Bool {
        (promise.upperOnly ? upper : any) <= promise.maxGap
    }
}
