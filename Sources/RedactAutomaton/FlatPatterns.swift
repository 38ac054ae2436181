/// The patterns of a build in one byte array, one after another.
///
/// Why: a build reads its patterns in several passes (lengths, byte classes, insertion order,
/// trie, prefix filter). Over tens of thousands of separate `[UInt8]`s each read retained and
/// released an array whose header was seldom in cache; with ten thousand names that was a
/// fifth of the build. One copy up front, then every pass walks contiguous memory.
struct FlatPatterns {
    let bytes: [UInt8]
    /// Pattern `k` is `bytes[starts[k]..<starts[k + 1]]`.
    let starts: [Int]

    init(_ patterns: [[UInt8]]) {
        var starts = [Int]()
        starts.reserveCapacity(patterns.count + 1)
        var total = 0
        for p in patterns { starts.append(total); total += p.count }
        starts.append(total)
        var bytes = [UInt8]()
        bytes.reserveCapacity(total)
        for p in patterns { bytes.append(contentsOf: p) }
        self.bytes = bytes
        self.starts = starts
    }

    var count: Int { starts.count - 1 }

    func length(_ k: Int) -> Int { starts[k + 1] - starts[k] }

    /// Pattern `k`.
    subscript(_ k: Int) -> ArraySlice<UInt8> { bytes[starts[k]..<starts[k + 1]] }

    /// Pattern `k` inside `all`, a buffer of `bytes`.
    func pattern(_ k: Int, in all: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: all[starts[k]..<starts[k + 1]])
    }

    /// The pattern indices ordered by their first eight byte classes, ties by index.
    ///
    /// Why: inserted in this order, patterns that share a prefix follow each other, so an
    /// insert walks states that the previous one just touched. In the given order, with ten
    /// thousand names, each insert walked from the root through states made long before,
    /// missing the cache at nearly every step. Eight classes packed in an integer sort fast,
    /// and the first eight bytes hold most shared prefixes. Equal keys keep their order, so
    /// patterns with the same folded bytes keep theirs in output lists.
    func insertionOrder(_ classes: ByteClasses) -> [Int] {
        var keyed: [(key: UInt64, index: Int)] = []
        keyed.reserveCapacity(count)
        for k in 0..<count {
            var key: UInt64 = 0
            for j in 0..<8 {
                let at = starts[k] + j
                // Class + 1, so that the end of a short pattern (0) sorts first.
                key = key << 8 | (at < starts[k + 1] ? UInt64(min(classes(bytes[at]) + 1, 255)) : 0)
            }
            keyed.append((key, k))
        }
        keyed.sort { $0.key != $1.key ? $0.key < $1.key : $0.index < $1.index }
        return keyed.map { $0.index }
    }
}
