/// Word-boundary tests on raw UTF-8 bytes that know non-ASCII letters, apostrophes and hyphens.
///
/// ASCII-cheap on purpose: a Unicode-aware `\b` is what makes ripgrep's default mode 200x
/// slower on text with curly quotes and accented names. Any non-ASCII code point counts as a
/// letter except the punctuation people actually type around names (curly quotes, dashes,
/// no-break space), which is decoded explicitly.
enum WordBoundary {
    @inline(__always) static func isASCIIAlnum(_ b: UInt8) -> Bool {
        (b &- 0x30) < 10 || ((b | 0x20) &- 0x61) < 26
    }

    /// Whether `p[start..<end]` is a whole word in the ASCII sense of `AhoCorasick.scanWordStarts`:
    /// no ASCII letter or digit on both sides of either edge.
    @inline(__always)
    static func asciiWordBounded(_ p: UnsafePointer<UInt8>, count n: Int, start: Int, end: Int) -> Bool {
        !(start > 0 && isASCIIAlnum(p[start - 1]) && isASCIIAlnum(p[start]))
            && !(end < n && isASCIIAlnum(p[end - 1]) && isASCIIAlnum(p[end]))
    }

    /// Whether the code point ending just before `index` is a letter or digit.
    @inline(__always)
    static func letterBefore(_ p: UnsafePointer<UInt8>, lower: Int, index: Int) -> Bool {
        guard index > lower else { return false }
        let b = p[index - 1]
        if b < 0x80 { return isASCIIAlnum(b) }
        // Walk back to the lead byte of this code point (at most 3 continuation bytes).
        var s = index - 1
        while s > lower && s > index - 4 && p[s] & 0xC0 == 0x80 { s -= 1 }
        return !isNonLetterPunctuation(p, at: s, end: index)
    }

    /// Whether the code point starting at `index` is a letter or digit.
    @inline(__always)
    static func letterAt(_ p: UnsafePointer<UInt8>, upper: Int, index: Int) -> Bool {
        guard index < upper else { return false }
        let b = p[index]
        if b < 0x80 { return isASCIIAlnum(b) }
        if b & 0xC0 == 0x80 { return true }  // stray continuation byte: treat as part of a word
        var e = index + 1
        while e < upper && e < index + 4 && p[e] & 0xC0 == 0x80 { e += 1 }
        return !isNonLetterPunctuation(p, at: index, end: e)
    }

    /// Non-ASCII code points that are not letters: U+00A0, U+00AB/BB, U+00B7, U+2010-2015,
    /// U+2018-201F, U+2026, U+2032/33, U+2039/3A.
    static func isNonLetterPunctuation(_ p: UnsafePointer<UInt8>, at s: Int, end e: Int) -> Bool {
        let n = e - s
        if n == 2 {
            let b0 = p[s], b1 = p[s + 1]
            if b0 == 0xC2 { return true }  // U+0080-U+00BF: Latin-1 punctuation and symbols
            if b0 == 0xC3 && (b1 == 0x97 || b1 == 0xB7) { return true }  // × ÷
            return false
        }
        if n == 3 && p[s] == 0xE2 && p[s + 1] == 0x80 {
            let b2 = p[s + 2]
            return (0x90...0x9F).contains(b2) || b2 == 0xA6 || b2 == 0xB2 || b2 == 0xB3 || b2 == 0xB9 || b2 == 0xBA
        }
        return false
    }

    /// An apostrophe (ASCII or U+2019) or hyphen at `index`; returns its byte length, or 0.
    @inline(__always)
    static func joinerLength(_ p: UnsafePointer<UInt8>, upper: Int, at index: Int) -> Int {
        guard index < upper else { return 0 }
        let b = p[index]
        if b == 0x27 || b == 0x2D { return 1 }
        if b == 0xE2 && index + 2 < upper && p[index + 1] == 0x80 && (p[index + 2] == 0x99 || p[index + 2] == 0x90 || p[index + 2] == 0x91) {
            return 3
        }
        return 0
    }

    /// The joiner (apostrophe or hyphen) that ends exactly at `index`, returning its start, or nil.
    @inline(__always)
    static func joinerStart(_ p: UnsafePointer<UInt8>, lower: Int, endingAt index: Int) -> Int? {
        if index - 1 >= lower && (p[index - 1] == 0x27 || p[index - 1] == 0x2D) { return index - 1 }
        if index - 3 >= lower && p[index - 3] == 0xE2 && p[index - 2] == 0x80
            && (p[index - 1] == 0x99 || p[index - 1] == 0x90 || p[index - 1] == 0x91) {
            return index - 3
        }
        return nil
    }

    /// Name-style boundary before `start`: no letter, and no apostrophe/hyphen glued to a letter
    /// (so `Neill` is not found inside `O'Neill`, nor `Jones` inside `Smith-Jones`).
    static func nameStartOK(_ p: UnsafePointer<UInt8>, lower: Int, start: Int) -> Bool {
        if letterBefore(p, lower: lower, index: start) { return false }
        if let j = joinerStart(p, lower: lower, endingAt: start), letterBefore(p, lower: lower, index: j) { return false }
        return true
    }

    /// Name-style boundary after `end`: no letter, and no apostrophe/hyphen followed by a letter,
    /// except a possessive `'s` (which stays outside the span).
    static func nameEndOK(_ p: UnsafePointer<UInt8>, upper: Int, end: Int) -> Bool {
        if letterAt(p, upper: upper, index: end) { return false }
        let j = joinerLength(p, upper: upper, at: end)
        if j > 0 && letterAt(p, upper: upper, index: end + j) {
            // Possessive: apostrophe + s + non-letter.
            let isApostrophe = p[end] != 0x2D && !(j == 3 && p[end + 2] != 0x99)
            let s = end + j
            if isApostrophe && (p[s] | 0x20) == 0x73 && !letterAt(p, upper: upper, index: s + 1) { return true }
            return false
        }
        return true
    }

    /// Plain word boundary for dictionary terms and context words: no letter or digit either side.
    @inline(__always)
    static func termBoundsOK(_ p: UnsafePointer<UInt8>, lower: Int, upper: Int, start: Int, end: Int) -> Bool {
        !letterBefore(p, lower: lower, index: start) && !letterAt(p, upper: upper, index: end)
    }

    /// Whether a title (`Mr`, `Mrs.`, `DR`, ...) ends just before `start`, separated by one to
    /// three spaces or tabs, and itself starts on a word boundary.
    static func titleBefore(_ p: UnsafePointer<UInt8>, lower: Int, start: Int, titles: Set<UInt64>) -> Bool {
        var i = start
        var gap = 0
        while i > lower && (p[i - 1] == 0x20 || p[i - 1] == 0x09) && gap < 3 { i -= 1; gap += 1 }
        guard gap > 0 else { return false }
        if i > lower && p[i - 1] == UInt8(ascii: ".") { i -= 1 }
        let end = i
        while i > lower && end - i < 6 && ((p[i - 1] | 0x20) &- 0x61) < 26 { i -= 1 }
        guard end - i >= 2, !letterBefore(p, lower: lower, index: i) else { return false }
        // Up to six lower-case letters packed into an integer: no allocation per check.
        var key: UInt64 = 0
        for k in i..<end { key = key << 8 | UInt64(p[k] | 0x20) }
        return titles.contains(key)
    }
}
