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
        let room = 2 &* (Self.wordStartBatch &+ 32) &+ (Self.wordStartBatch &+ 128) / 8
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

    /// The search itself: `candidates` holds `2 × (wordStartBatch + 32)` entries, and after them
    /// room for `wordStartBatch + 128` key bytes.
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
                              prefixFilter.oneWordBits.withUnsafeBufferPointer { oneWordBuffer in
                              prefixFilter.twoWordBits.withUnsafeBufferPointer { twoWordBuffer in
                                let filter = PrefixFilter.Probe(bits: filterBuffer.baseAddress.unsafelyUnwrapped, shift: prefixFilter.shift)
                                let oneWord = PrefixFilter.Probe(bits: oneWordBuffer.baseAddress.unsafelyUnwrapped, shift: prefixFilter.oneWordShift)
                                let twoWords = PrefixFilter.Probe(bits: twoWordBuffer.baseAddress.unsafelyUnwrapped, shift: prefixFilter.twoWordShift)
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

                                // Three range tests. (Byte-wise `|` and `&` on SIMD32<UInt8> compile to
                                // per-lane loops through memory; range compares, mask ORs and the
                                // same operations on SIMD4<UInt64> vectorise.)
                                let zero = SIMD32<UInt8>(repeating: 0x30), nine = SIMD32<UInt8>(repeating: 9)
                                let upperA = SIMD32<UInt8>(repeating: 0x41), lowerA = SIMD32<UInt8>(repeating: 0x61)
                                let z = SIMD32<UInt8>(repeating: 25)
                                let foldBits = SIMD4<UInt64>(repeating: prefixFilter.foldBits)
                                let raw = UnsafeRawPointer(p)
                                // The key bytes of a batch (`PrefixFilter`): each letter or digit
                                // of the text, lowered when the automaton folds case (`| 0x20`
                                // leaves digits alone), every other byte 0. A candidate's key is
                                // then the eight bytes at its offset up to the first 0, read
                                // without knowing the word's length.
                                let keyBytes = UnsafeMutableRawPointer(candidates + 2 &* (Self.wordStartBatch &+ 32))
                                /// The letters and digits of the 32 bytes at `at`, one bit each, and
                                /// their key bytes stored at `keyBytes + (at - base)`.
                                @inline(__always) func alnumBits(_ at: Int, base: Int) -> UInt32 {
                                    let v = raw.loadUnaligned(fromByteOffset: at, as: SIMD32<UInt8>.self)
                                    let alnum = ((v &- zero) .<= nine) .| ((v &- upperA) .<= z) .| ((v &- lowerA) .<= z)
                                    let key = (unsafeBitCast(v, to: SIMD4<UInt64>.self) | foldBits) & unsafeBitCast(alnum, to: SIMD4<UInt64>.self)
                                    keyBytes.storeBytes(of: key, toByteOffset: at &- base, as: SIMD4<UInt64>.self)
                                    return LaneBits.of(alnum)
                                }
                                let passing = candidates + (Self.wordStartBatch &+ 32)
                                var i = 0
                                // Bit 0: whether the byte before the current block is a letter or digit.
                                var carry: UInt32 = 0
                                while i &+ 64 <= n {
                                    // 1. Candidate word starts of a batch of blocks, flattened into
                                    // `candidates` with unconditional stores (simdjson's flatten_bits):
                                    // no branch per candidate, so none to mispredict.
                                    let batchStart = i
                                    let batchEnd = Swift.min(n, i &+ Self.wordStartBatch &+ 32)
                                    // Letters and digits of the current block (the next block's are
                                    // computed one step ahead: a word's first eight bytes may cross).
                                    var alnum = alnumBits(i, base: batchStart)
                                    var count = 0
                                    while i &+ 64 <= batchEnd {
                                        let next = alnumBits(i &+ 32, base: batchStart)
                                        let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD32<UInt8>.self)
                                        let starts = LaneBits.of(skipper.mask(v))
                                        // Inside a word: this byte and the one before are both letters or digits.
                                        let inside = alnum & (alnum << 1 | carry)
                                        var lanes = starts & ~inside
                                        carry = alnum >> 31
                                        alnum = next
                                        let found = lanes.nonzeroBitCount
                                        var k = 0
                                        repeat {
                                            // Eight at a time; lanes past the last candidate write
                                            // garbage that the count leaves out.
                                            for _ in 0..<8 {
                                                candidates[count &+ k] = i &+ lanes.trailingZeroBitCount
                                                lanes &= lanes &- 1
                                                k &+= 1
                                            }
                                        } while k < found
                                        count &+= found
                                        i &+= 32
                                    }
                                    // 2. The prefix filter, branch-free: every candidate is stored, and
                                    // the next slot advances only when its key passes.
                                    var passed = 0
                                    for k in 0..<count {
                                        let j = candidates[k]
                                        let bytes = keyBytes.loadUnaligned(fromByteOffset: j &- batchStart, as: UInt64.self)
                                        passing[passed] = j
                                        passed &+= filter.has(PrefixFilter.cutKey(bytes))
                                    }
                                    // 3. The second stage (`TwoWordFilter.swift`) for the few that
                                    // pass, branch-free as well: the cut key of a one-word pattern, or
                                    // the two-word key of any other. (A raw load at a candidate stays
                                    // inside the text: candidates lie 32 bytes before the batch's end.)
                                    var walking = 0
                                    for k in 0..<passed {
                                        let j = passing[k]
                                        let bytes = keyBytes.loadUnaligned(fromByteOffset: j &- batchStart, as: UInt64.self)
                                        let two = PrefixFilter.twoWordKey(keyBytes: bytes, raw: raw.loadUnaligned(fromByteOffset: j, as: UInt64.self))
                                        passing[walking] = j
                                        walking &+= oneWord.has(PrefixFilter.cutKey(bytes)) | twoWords.has(two)
                                    }
                                    // 4. The walks, from the fewer still.
                                    for k in 0..<walking { walk(passing[k]) }
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
}

extension StartSkipScanner {
    /// Lanes of `v` inside the cover of the start bytes (a superset of them).
    @inlinable @inline(__always)
    func mask(_ v: SIMD32<UInt8>) -> SIMDMask<SIMD32<Int8>> {
        ((v &- l0) .<= w0) .| ((v &- l1) .<= w1) .| ((v &- l2) .<= w2) .| ((v &- l3) .<= w3)
    }
}
