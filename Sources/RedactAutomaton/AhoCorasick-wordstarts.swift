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
    /// six in English); a bitmap of the patterns' first four bytes (`PrefixFilter`) rejects
    /// most of them with a predictable branch, and from the rest the trie is walked along its
    /// own edges until it has no child for the next byte. No failure links: an occurrence
    /// inside a word is not word-bounded, and one at a later word start is found by the walk
    /// from there.
    ///
    /// Matches are reported in order of start, then end (not in order of end as `scan`). The
    /// whole text is one call (no streaming state); nothing is allocated.
    ///
    /// - Parameter onMatch: called with the pattern id and the exclusive end offset.
    @inlinable
    public func scanWordStarts(_ bytes: UnsafeBufferPointer<UInt8>, _ onMatch: (_ patternID: Int32, _ end: Int) -> Void) {
        guard let p = bytes.baseAddress, bytes.count > 0 else { return }
        let n = bytes.count
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
                                let filter = PrefixFilter.Probe(bits: filterBuffer.baseAddress.unsafelyUnwrapped, shift: prefixFilter.shift,
                                                                fold: prefixFilter.fold)
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
                                var i = 0
                                // Bit 0: whether the byte before the current block is a letter or digit.
                                var carry: UInt32 = 0
                                while i &+ 32 <= n {
                                    let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD32<UInt8>.self)
                                    let alnum = Self.bits(((v &- zero) .<= nine) .| ((v &- upperA) .<= z) .| ((v &- lowerA) .<= z))
                                    let starts = Self.bits(skipper.mask(v))
                                    // Inside a word: this byte and the one before are both letters or digits.
                                    let inside = alnum & (alnum << 1 | carry)
                                    var candidates = starts & ~inside
                                    carry = alnum >> 31
                                    while candidates != 0 {
                                        let j = i &+ candidates.trailingZeroBitCount
                                        candidates &= candidates &- 1
                                        // (A byte outside the start set dies at the walk's first step.)
                                        if j &+ 4 > n || filter.mayStart(raw.loadUnaligned(fromByteOffset: j, as: UInt32.self)) {
                                            walk(j)
                                        }
                                    }
                                    i &+= 32
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
