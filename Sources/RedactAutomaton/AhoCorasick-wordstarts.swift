extension AhoCorasick {
    /// Reports every *word-bounded* occurrence: one that starts at a word start (its first
    /// byte, or the byte before it, is not an ASCII letter or digit; the first byte of `bytes`
    /// always starts a word) and ends at a word end (its last byte, or the byte after it, is not
    /// one; the end of `bytes` always ends a word).
    ///
    /// Why: the scanner's literals (dictionary terms, party names, context words, titles) only
    /// count on word boundaries, and in prose a case-insensitive dictionary leaves the start
    /// state on almost every letter, so the full search steps every byte through the table.
    /// Here a SIMD pass finds the word starts whose byte can begin a pattern (about one byte in
    /// six in English). They are collected for a batch of blocks and filtered without a
    /// branch by a bitmap of the patterns' first eight bytes (`PrefixFilter`), which rejects
    /// most of them; from the rest the trie is walked along its own edges until it has no
    /// child for the next byte. (A branch per word start, taken or not at random, cost more
    /// than the filter's arithmetic.) No failure links: an occurrence
    /// inside a word is not word-bounded, and one at a later word start is found by the walk
    /// from there.
    ///
    /// Matches are reported in order of start, then end (not in order of end as `scan`). The
    /// whole text is one call (no streaming state).
    ///
    /// - Parameters:
    ///   - workspace: room for the batch of candidate word starts, grown here if it is too
    ///     small; a caller that scans block after block keeps it, so no call allocates.
    ///   - onMatch: called with the pattern id and the exclusive end offset.
    @inlinable
    public func scanWordStarts(_ bytes: UnsafeBufferPointer<UInt8>, workspace: inout [Int],
                               _ onMatch: (_ patternID: Int32, _ end: Int) -> Void) {
        guard let p = bytes.baseAddress, bytes.count > 0 else { return }
        let room = 2 &* (Self.wordStartBatch &+ 32)
        if workspace.count < room { workspace = [Int](repeating: 0, count: room) }
        workspace.withUnsafeMutableBufferPointer { space in
            scanWordStarts(p, bytes.count, candidates: space.baseAddress.unsafelyUnwrapped, onMatch)
        }
    }

    /// `scanWordStarts(_:workspace:_:)` with a workspace of its own (allocated per call).
    @inlinable
    public func scanWordStarts(_ bytes: UnsafeBufferPointer<UInt8>, _ onMatch: (_ patternID: Int32, _ end: Int) -> Void) {
        var workspace: [Int] = []
        scanWordStarts(bytes, workspace: &workspace, onMatch)
    }

    /// The search itself: `candidates` holds `2 × (wordStartBatch + 32)` entries.
    @inlinable
    func scanWordStarts(_ p: UnsafePointer<UInt8>, _ n: Int, candidates: UnsafeMutablePointer<Int>,
                        _ onMatch: (_ patternID: Int32, _ end: Int) -> Void) {
        let meta = stride &- 1
        let firstMatch = firstMatchState
        let sparseBase = self.sparseBase
        let skipper = StartSkipScanner(startSkip)
        table.withUnsafeBufferPointer { tableBuffer in
            gotoRows.withUnsafeBufferPointer { gotoBuffer in
                byteClasses.map.withUnsafeBufferPointer { classBuffer in
                    matchLists.withUnsafeBufferPointer { listBuffer in
                        listLengths.withUnsafeBufferPointer { lengthBuffer in
                            startSkip.exact.withUnsafeBufferPointer { exactBuffer in
                              prefixFilter.bits.withUnsafeBufferPointer { filterBuffer in
                                let filter = PrefixFilter.Probe(bits: filterBuffer.baseAddress.unsafelyUnwrapped, shift: prefixFilter.shift)
                                let t = tableBuffer.baseAddress.unsafelyUnwrapped
                                let rows = gotoBuffer.baseAddress.unsafelyUnwrapped
                                let cls = classBuffer.baseAddress.unsafelyUnwrapped
                                let lists = listBuffer.baseAddress.unsafelyUnwrapped
                                let lengths = lengthBuffer.baseAddress.unsafelyUnwrapped
                                let exact = exactBuffer.baseAddress.unsafelyUnwrapped

                                @inline(__always) func isAlnum(_ b: UInt8) -> Bool {
                                    (b &- 0x30) < 10 || ((b | 0x20) &- 0x61) < 26
                                }

                                /// Walks the trie from `start` along its own edges.
                                @inline(__always) func walk(_ start: Int) {
                                    var s = 0
                                    var i = start
                                    while i < n {
                                        let c = Int(cls[Int(p[i])])
                                        s = s < sparseBase ? Int(rows[s &+ c]) : Self.sparseChild(t, s, c)
                                        if s == 0 { return }
                                        i &+= 1
                                        // A match must also end a word (its last byte and the next
                                        // are not both letters or digits).
                                        if s >= firstMatch && (i == n || !(isAlnum(p[i &- 1]) && isAlnum(p[i]))) {
                                            let at = Int(t[s &+ (s < sparseBase ? meta : 1)])
                                            let count = Int(lists[at])
                                            let depth = Int32(truncatingIfNeeded: i &- start)
                                            var k = 1
                                            // Own patterns (as long as the path) come first.
                                            while k <= count && lengths[at &+ k] == depth {
                                                onMatch(lists[at &+ k], i)
                                                k &+= 1
                                            }
                                        }
                                    }
                                }

                                // Three range tests (`|` on SIMD32<UInt8> compiles to a per-lane
                                // loop through memory; range compares and mask ORs vectorise).
                                let zero = SIMD32<UInt8>(repeating: 0x30), nine = SIMD32<UInt8>(repeating: 9)
                                let upperA = SIMD32<UInt8>(repeating: 0x41), lowerA = SIMD32<UInt8>(repeating: 0x61)
                                let z = SIMD32<UInt8>(repeating: 25)
                                let raw = UnsafeRawPointer(p)
                                @inline(__always) func alnumBits(_ at: Int) -> UInt32 {
                                    let v = raw.loadUnaligned(fromByteOffset: at, as: SIMD32<UInt8>.self)
                                    return Self.bits(((v &- zero) .<= nine) .| ((v &- upperA) .<= z) .| ((v &- lowerA) .<= z))
                                }
                                let foldBits = prefixFilter.foldBits
                                let passing = candidates + (Self.wordStartBatch &+ 32)
                                var i = 0
                                // Bit 0: whether the byte before the current block is a letter or digit.
                                var carry: UInt32 = 0
                                // Letters and digits of the current block (the next block's are
                                // computed one step ahead: a word's first eight bytes may cross).
                                var alnum = n >= 64 ? alnumBits(0) : 0
                                while i &+ 64 <= n {
                                    // 1. Candidate word starts of a batch of blocks, flattened into
                                    // `candidates` with unconditional stores (simdjson's flatten_bits):
                                    // no branch per candidate, so none to mispredict. Each entry is
                                    // `offset << 4 | r`, r the letters and digits it starts with (at most 8).
                                    let batchEnd = Swift.min(n, i &+ Self.wordStartBatch &+ 32)
                                    var count = 0
                                    while i &+ 64 <= batchEnd {
                                        let next = alnumBits(i &+ 32)
                                        let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD32<UInt8>.self)
                                        let starts = Self.bits(skipper.mask(v))
                                        // Inside a word: this byte and the one before are both letters or digits.
                                        let inside = alnum & (alnum << 1 | carry)
                                        var lanes = starts & ~inside
                                        let run = UInt64(alnum) | UInt64(next) &<< 32
                                        carry = alnum >> 31
                                        alnum = next
                                        let found = lanes.nonzeroBitCount
                                        var k = 0
                                        repeat {
                                            // Eight at a time; lanes past the last candidate write
                                            // garbage that the count leaves out.
                                            for _ in 0..<8 {
                                                let lane = UInt64(truncatingIfNeeded: lanes.trailingZeroBitCount)
                                                let r = (~(run &>> lane) | 0x100).trailingZeroBitCount
                                                candidates[count &+ k] = (i &+ Int(lane)) &<< 4 | r
                                                lanes &= lanes &- 1
                                                k &+= 1
                                            }
                                        } while k < found
                                        count &+= found
                                        i &+= 32
                                    }
                                    // 2. The prefix filter, branch-free: the key is the first r bytes,
                                    // folded (`PrefixFilter`); every candidate is stored, and the next
                                    // slot advances only when it passes.
                                    var passed = 0
                                    for k in 0..<count {
                                        let entry = candidates[k]
                                        let j = entry &>> 4
                                        // The first r bytes: all ones shifted right by 64 - 8r (r = 0
                                        // shifts by 64, which `&>>` would wrap to 0, so it is masked out).
                                        let r = UInt64(truncatingIfNeeded: entry & 15)
                                        let cut = (UInt64.max &>> ((64 &- (r &<< 3)) & 63)) & (0 &- (r == 0 ? 0 : 1))
                                        passing[passed] = j
                                        passed &+= filter.has((raw.loadUnaligned(fromByteOffset: j, as: UInt64.self) | foldBits) & cut)
                                    }
                                    // 3. The walks, from the few that pass.
                                    for k in 0..<passed { walk(passing[k]) }
                                }
                                while i < n {
                                    if exact[Int(p[i])] && !(i > 0 && isAlnum(p[i &- 1]) && isAlnum(p[i])) { walk(i) }
                                    i &+= 1
                                }
                              }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Bytes of text whose candidate word starts are collected before they are filtered.
    @usableFromInline static let wordStartBatch = 2048

    /// The child of sparse state `from` on class `c`, or 0 when it has none. Record fields:
    /// [fail, outputs, n, (class, next) × n] (`TableLayout`).
    @inlinable @inline(__always)
    static func sparseChild(_ t: UnsafePointer<Int32>, _ from: Int, _ c: Int) -> Int {
        let n = Int(t[from &+ 2])
        var j = from &+ 3
        let end = j &+ 2 &* n
        while j < end {
            if Int(t[j]) == c { return Int(t[j &+ 1]) }
            j &+= 2
        }
        return 0
    }

    /// One bit per lane of a SIMD comparison (lane 0 in bit 0): SSE's movemask, which Swift's
    /// SIMD types do not expose, eight lanes at a time with one multiply.
    @inlinable @inline(__always)
    static func bits(_ m: SIMDMask<SIMD32<Int8>>) -> UInt32 {
        let w = unsafeBitCast(m, to: SIMD4<UInt64>.self)
        @inline(__always) func pack(_ x: UInt64) -> UInt32 {
            UInt32(truncatingIfNeeded: ((x & 0x8080_8080_8080_8080) &* 0x0002_0408_1020_4081) >> 56)
        }
        return pack(w[0]) | pack(w[1]) << 8 | pack(w[2]) << 16 | pack(w[3]) << 24
    }
}

extension StartSkipScanner {
    /// Lanes of `v` inside the cover of the start bytes (a superset of them).
    @inlinable @inline(__always)
    func mask(_ v: SIMD32<UInt8>) -> SIMDMask<SIMD32<Int8>> {
        ((v &- l0) .<= w0) .| ((v &- l1) .<= w1) .| ((v &- l2) .<= w2) .| ((v &- l3) .<= w3)
    }
}
