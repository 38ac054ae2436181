/// A map from each byte value to an equivalence class: bytes the automaton never tells apart
/// share one class, so a table row has one entry per class instead of 256.
///
/// Why: a dictionary of names uses perhaps 40 distinct bytes. With 256-wide rows the table for
/// 5,000 names is 18 MiB and the search is bound by cache misses; with classes it is 3.5 MiB
/// and 2.5x faster with the start skip (pcre2-swift.md section (e)). aho-corasick's
/// `util/alphabet.rs` does the same.
///
/// The classes are exact: every byte that occurs in a (folded) pattern gets its own class, and
/// all other bytes share one class, because from any state they lead where a byte the trie
/// does not know leads. With ASCII case folding, `A`-`Z` take the class of `a`-`z`, which is
/// how case-insensitivity costs nothing per byte. Non-ASCII bytes are never folded.
@usableFromInline
struct ByteClasses: Sendable {
    /// The class of each byte, 256 entries.
    @usableFromInline let map: [UInt8]
    /// How many classes there are (1...256).
    @usableFromInline let count: Int

    /// Builds the classes for patterns whose bytes are already folded.
    ///
    /// - Parameters:
    ///   - used: `used[b]` is true when byte `b` occurs in some folded pattern.
    ///   - fold: the folding applied to the patterns (identity, or ASCII lowercase).
    init(used: [Bool], fold: (UInt8) -> UInt8) {
        precondition(used.count == 256)
        var classOfUsed = [Int](repeating: -1, count: 256)
        var otherClass = -1
        var map = [UInt8](repeating: 0, count: 256)
        var next = 0
        for b in 0..<256 {
            let rep = Int(fold(UInt8(b)))
            if used[rep] {
                if classOfUsed[rep] < 0 { classOfUsed[rep] = next; next += 1 }
                map[b] = UInt8(classOfUsed[rep])
            } else {
                if otherClass < 0 { otherClass = next; next += 1 }
                map[b] = UInt8(otherClass)
            }
        }
        self.map = map
        self.count = next
    }

    /// The class of a byte.
    @inlinable func callAsFunction(_ byte: UInt8) -> Int { Int(map[Int(byte)]) }
}

/// ASCII case folding as the build uses it: `A`-`Z` to `a`-`z`, every other byte unchanged.
@inline(__always)
func asciiLowercase(_ b: UInt8) -> UInt8 {
    b &- 0x41 < 26 ? b | 0x20 : b
}
