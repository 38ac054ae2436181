/// The second stage of the word-start filter: the first *two* words of a candidate.
///
/// Why: the cut key of `PrefixFilter` stops at the first byte that is not a letter or digit,
/// so every "a" in prose passes for "a learning disability" and "a/c", every "case" for "case
/// reference", every "police" for "police national computer". Those walks were most of the
/// trie walks on the sparse corpus (word counts on 32 MB: 140 k of 208 k passing word starts),
/// and a walk, a hard-to-predict loop, costs far more than a probe.
///
/// The two-word key of eight bytes keeps the letters and digits (folded as the automaton folds)
/// *and* the bytes between them, up to the end of the second word (the first byte that is not
/// a letter or digit after one that is, after one that is not), the rest zero: "a big" and "a
/// learni" differ. A pattern whose bytes fix that key (it has eight bytes; or its second word
/// ends inside it; or it ends with the second word, where a word-bounded occurrence is followed
/// by a byte that is not a letter or digit) puts its two-word key in one bitmap; every other
/// pattern ("court", "etc.") puts its cut key in another. A candidate that passed the first
/// stage walks only when its cut key is in the second or its two-word key in the first: a
/// word-bounded occurrence of a pattern has the pattern's bytes, so it always does.
extension PrefixFilter {
    /// The text's two-word key at a word start, from its key bytes `keyBytes` (letters and digits
    /// folded, 0 for every other byte) and the raw bytes `raw` at the same place.
    @inlinable @inline(__always)
    static func twoWordKey(keyBytes kb: UInt64, raw: UInt64) -> UInt64 {
        let lows = 0x7F7F_7F7F_7F7F_7F7F as UInt64, highs = 0x8080_8080_8080_8080 as UInt64
        // Bit 7 of each byte: exactly the letters and digits (no borrow between bytes).
        let word = (((kb & lows) &+ lows) | kb) & highs
        let other = ~word & highs
        let full = kb | (raw & ((other &>> 7) &* 0xFF))
        // The first other byte, the first word byte above it, the first other byte above that.
        let z0 = other & (0 &- other)
        let afterZ0 = word & ~((z0 &<< 1) &- 1)
        let s1 = afterZ0 & (0 &- afterZ0)
        let afterS1 = other & ~((s1 &<< 1) &- 1)
        let e2 = afterS1 & (0 &- afterS1)
        // No end of a second word in the eight bytes: all of them (as the first stage's cut).
        return full & ((e2 &>> 7) &- 1)
    }

    /// A pattern's two-word key, or nil when the bytes after the pattern would decide it (one
    /// word shorter than eight bytes, or a pattern that ends between its first and second word).
    static func twoWordKey(of pattern: ArraySlice<UInt8>, fold: Bool) -> UInt64? {
        let length = pattern.count
        let known = min(length, keyBytes)
        var bytes = [UInt8](repeating: 0, count: known)
        for k in 0..<known {
            let b = pattern[pattern.startIndex + k]
            bytes[k] = fold && (b | 0x20) &- 0x61 < 26 ? b | 0x20 : b
        }
        func isWord(_ b: UInt8) -> Bool { b &- 0x30 < 10 || (b | 0x20) &- 0x61 < 26 }
        func pack(_ count: Int) -> UInt64 {
            var key: UInt64 = 0
            for k in 0..<count { key |= UInt64(bytes[k]) << (8 * UInt64(k)) }
            return key
        }
        var k = 0
        while k < known && isWord(bytes[k]) { k += 1 }
        while k < known && !isWord(bytes[k]) { k += 1 }
        let secondWord = k < known
        while k < known && isWord(bytes[k]) { k += 1 }
        // The second word ends inside the known bytes: the key ends there.
        if secondWord && k < known { return pack(k) }
        // Eight known bytes, with no end of a second word among them: all of them.
        if length >= keyBytes { return pack(keyBytes) }
        // A shorter pattern that ends with its second word: a byte that is not a letter or
        // digit follows it in the text.
        if secondWord { return pack(length) }
        return nil
    }
}
