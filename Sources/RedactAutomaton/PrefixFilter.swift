/// A bitmap of the patterns' first eight bytes, probed at a word start before the trie is walked.
///
/// Why: walking the trie from every word start costs a hard-to-predict branch per word (where
/// the walk stops) and a few cache misses in the trie's rows, and about one byte in six starts
/// a word in English. Most word starts share no prefix with any pattern ("the ", "was ",
/// "with"), so one probe of a small bitmap rejects them, and `scanWordStarts` probes without a
/// branch. Eight bytes rather than four: words that share four letters with a pattern are
/// common in case material ("hearing" and "heart", "accommodation" and "account"), and each
/// cost a walk of several steps; with eight bytes a third fewer word starts walk the trie
/// (2.92 M to 1.87 M on the 256 MiB sparse benchmark corpus).
///
/// The key of eight bytes (case-folded as the automaton folds) is the *cut* key: the bytes up
/// to the first that is not an ASCII letter or digit, the rest zero ("mg " as "mg", "s/c" as
/// "s", "Roadside" as "roadside"). A pattern sets the bit of the cut key of its first eight
/// bytes (zero after its end). A word-bounded occurrence (`scanWordStarts`) always passes: if
/// the pattern has a byte that is not a letter or digit among its first eight, the text has it
/// at the same place; if not, either both have eight letters or digits, or the pattern is
/// shorter and all letters and digits, and then the text's next byte is not one (a word end).
/// Hash collisions only let extra word starts through to the walk, which then finds nothing.
@usableFromInline
struct PrefixFilter: Sendable {
    @usableFromInline let bits: [UInt64]
    /// `64 - log2(bit count)`: the hash keeps the top bits of a 64-bit product.
    @usableFromInline let shift: UInt64
    /// OR-ed into the text's eight bytes before they are cut to a key: `0x20` in every byte
    /// when the automaton folds ASCII case (it lowers letters and leaves digits alone, and a key
    /// holds nothing else), else 0.
    @usableFromInline let foldBits: UInt64
    /// The second stage (`TwoWordFilter.swift`): cut keys of the patterns whose two-word key is
    /// not fixed by their bytes, and the two-word keys of the others.
    @usableFromInline let oneWordBits: [UInt64]
    @usableFromInline let oneWordShift: UInt64
    @usableFromInline let twoWordBits: [UInt64]
    @usableFromInline let twoWordShift: UInt64
    /// Bytes of a key.
    @usableFromInline static let keyBytes = 8

    init(patterns: FlatPatterns, asciiCaseInsensitive: Bool) {
        var keys = Set<UInt64>(), oneWord = Set<UInt64>(), twoWords = Set<UInt64>()
        for k in 0..<patterns.count {
            let key = Self.key(of: patterns[k], fold: asciiCaseInsensitive)
            keys.insert(key)
            if let two = Self.twoWordKey(of: patterns[k], fold: asciiCaseInsensitive) {
                twoWords.insert(two)
            } else {
                oneWord.insert(key)
            }
        }
        (bits, shift) = Self.bitmap(keys)
        (oneWordBits, oneWordShift) = Self.bitmap(oneWord)
        (twoWordBits, twoWordShift) = Self.bitmap(twoWords)
        self.foldBits = asciiCaseInsensitive ? 0x2020_2020_2020_2020 : 0
    }

    /// A bitmap with the bit of every key set, and its `shift`.
    static func bitmap(_ keys: Set<UInt64>) -> (bits: [UInt64], shift: UInt64) {
        // About 64 bits per key (a 1-in-64 false positive rate: every one costs a walk), from
        // 16 Kibit to 512 Kibit: 2 KiB for the UK pack's dictionaries, 64 KiB (L2) for ten
        // thousand names. (16 bits per key let 10 % of prose word starts through, not 6 %.)
        var log2Bits: UInt64 = 14
        while log2Bits < 19 && (1 << Int(log2Bits)) < keys.count * 64 { log2Bits += 1 }
        let shift = 64 - log2Bits
        var bits = [UInt64](repeating: 0, count: (1 << Int(log2Bits)) / 64)
        for key in keys {
            let h = Int(Probe.hash(key, shift: shift))
            bits[h >> 6] |= 1 << UInt64(h & 63)
        }
        return (bits, shift)
    }

    /// A pattern's key: its first eight bytes up to the first that is not an ASCII letter or
    /// digit, lowered when `fold`, little-endian as a load reads them, the rest zero.
    static func key(of pattern: ArraySlice<UInt8>, fold: Bool) -> UInt64 {
        var key: UInt64 = 0
        // An index loop: `prefix(8).enumerated()` cost more than the rest of the filter's build.
        for k in 0..<min(keyBytes, pattern.count) {
            let b = pattern[pattern.startIndex + k]
            let isDigit = b &- 0x30 < 10, isLetter = (b | 0x20) &- 0x61 < 26
            guard isDigit || isLetter else { break }
            key |= UInt64(fold && isLetter ? b | 0x20 : b) << (8 * UInt64(k))
        }
        return key
    }

    /// The cut key of a candidate from its eight key bytes (letters and digits folded, 0 for
    /// every other byte): the lowest 0 byte and every byte above it cut (a SWAR zero test is
    /// exact for the lowest one); nothing cut when no byte is 0.
    @inlinable @inline(__always)
    static func cutKey(_ keyBytes: UInt64) -> UInt64 {
        let zeros = (keyBytes &- 0x0101_0101_0101_0101) & ~keyBytes & 0x8080_8080_8080_8080
        return keyBytes & (((zeros & (0 &- zeros)) &>> 7) &- 1)
    }

    /// The per-search form: a raw pointer, no reference counting in the loop.
    @usableFromInline @frozen
    struct Probe {
        @usableFromInline let bits: UnsafePointer<UInt64>
        @usableFromInline let shift: UInt64

        @inlinable @inline(__always)
        init(bits: UnsafePointer<UInt64>, shift: UInt64) {
            self.bits = bits
            self.shift = shift
        }

        @inlinable @inline(__always)
        static func hash(_ key: UInt64, shift: UInt64) -> UInt64 { (key &* 0x9E37_79B9_7F4A_7C15) &>> shift }

        /// 1 when `key` (a cut key, folded) is some pattern's; else 0 (or 1 on a collision).
        @inlinable @inline(__always)
        func has(_ key: UInt64) -> Int {
            let h = Self.hash(key, shift: shift)
            return Int(truncatingIfNeeded: (bits[Int(h &>> 6)] &>> (h & 63)) & 1)
        }
    }
}
