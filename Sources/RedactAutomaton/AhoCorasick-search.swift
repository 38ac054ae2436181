extension AhoCorasick {
    /// Reports every occurrence of every pattern that ends in `bytes`, continuing from `state`.
    ///
    /// Streaming contract: calling this on consecutive pieces of a text, passing the same
    /// `state` along and each piece's absolute `baseOffset`, reports exactly what one call over
    /// the whole text reports, for any piece sizes. Matches that began in an earlier piece are
    /// reported here, with absolute offsets.
    ///
    /// The loop is one table load per byte in dense states (`next = table[state + class]`),
    /// a single compare to detect a match state, and, whenever the automaton is back in its
    /// start state, a SIMD skip over bytes that cannot start a pattern. After four skips in a
    /// row that each advanced fewer than 4 bytes, the skip rests for 64 bytes (doubling up to
    /// 4 KiB while it keeps failing), so text where start bytes are everywhere (say, a
    /// document in capitals) costs little more than no skip at all. Nothing is allocated;
    /// the function is `@inlinable` so the callback is inlined into the caller's loop.
    ///
    /// - Parameters:
    ///   - bytes: the next piece of text; may be empty.
    ///   - baseOffset: the absolute offset of `bytes[0]` in the whole text.
    ///   - state: in: where the previous piece left the search (`startState` for a new text);
    ///     out: where this piece leaves it.
    ///   - onMatch: called once per match, in order of `end`, with the pattern id and the
    ///     absolute exclusive end offset (`baseOffset + index + 1`). The start is
    ///     `end - patternLength(patternID)`, which can be before `baseOffset`.
    @inlinable
    public func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, baseOffset: Int, state: inout AutomatonState,
        _ onMatch: (_ patternID: Int32, _ end: Int) -> Void
    ) {
        guard let p = bytes.baseAddress, bytes.count > 0 else { return }
        let n = bytes.count
        let meta = stride &- 1
        let firstMatch = firstMatchState
        let sparseBase = self.sparseBase
        let skipEnabled = startSkip.enabled
        let skipper = StartSkipScanner(startSkip)
        var s = Int(state.id)
        table.withUnsafeBufferPointer { tableBuffer in
            byteClasses.map.withUnsafeBufferPointer { classBuffer in
                matchLists.withUnsafeBufferPointer { listBuffer in
                    startSkip.exact.withUnsafeBufferPointer { exactBuffer in
                        let t = tableBuffer.baseAddress.unsafelyUnwrapped
                        let cls = classBuffer.baseAddress.unsafelyUnwrapped
                        let lists = listBuffer.baseAddress.unsafelyUnwrapped
                        let exact = exactBuffer.baseAddress.unsafelyUnwrapped
                        var i = 0

                        /// One step on byte `i`, reporting the outputs of a match state.
                        @inline(__always) func step() {
                            let c = Int(cls[Int(p[i])])
                            s = s < sparseBase ? Int(t[s &+ c]) : Self.sparseNext(t, s, c, sparseBase: sparseBase)
                            if s >= firstMatch {
                                let at = Int(t[s &+ (s < sparseBase ? meta : 1)])
                                let count = Int(lists[at])
                                let end = baseOffset &+ i &+ 1
                                var k = 1
                                while k <= count {
                                    onMatch(lists[at &+ k], end)
                                    k &+= 1
                                }
                            }
                            i &+= 1
                        }

                        // Two loops, so that the "is this the start state?" branch exists only
                        // where the skip is active. A rest from the skip runs in a loop that
                        // never tests the state: on text where the state flips in and out of
                        // the start state unpredictably, that branch alone mispredicts often
                        // enough to cost more than half the throughput (measured on text in
                        // capitals: 175 MB/s with the test in the loop, 460 without).
                        var resumeSkipAt = skipEnabled ? 0 : n
                        var rest = 64
                        var shortSkips = 0
                        while true {
                            let stop = min(resumeSkipAt, n)
                            while i < stop { step() }
                            if i >= n { break }
                            while i < n {
                                if s == 0 {
                                    let j = skipper.firstStart(p, from: i, end: n, exact: exact)
                                    if j &- i < 4 {
                                        shortSkips &+= 1
                                        if shortSkips == 4 {
                                            // Four short skips in a row: rest, longer each time.
                                            shortSkips = 0
                                            resumeSkipAt = j &+ rest
                                            rest = min(rest &<< 1, 4096)
                                            i = j
                                            break
                                        }
                                    } else {
                                        shortSkips = 0
                                        rest = 64
                                    }
                                    i = j
                                    if i == n { break }
                                }
                                step()
                            }
                        }
                    }
                }
            }
        }
        state.id = Int32(truncatingIfNeeded: s)
    }

    /// Every match in `haystack`, as `(id, start, end)` with `end` exclusive, in report order
    /// (by end, longer first). A convenience for tests and tools; the scanner uses `scan`.
    public func findAll(in haystack: [UInt8]) -> [(id: Int32, start: Int, end: Int)] {
        var found: [(id: Int32, start: Int, end: Int)] = []
        var state = startState
        haystack.withUnsafeBufferPointer { buffer in
            scan(buffer, baseOffset: 0, state: &state) { id, end in
                found.append((id, end - patternLength(id), end))
            }
        }
        return found
    }
}

extension AhoCorasick {
    /// The next state from sparse state `from` on class `c`: a child of the state or of one on
    /// its failure chain, else the dense row the chain ends in. Record fields: [fail, outputs,
    /// n, (class, next) × n] (`TableLayout`). Out of line: inlining it measured 15 % slower on
    /// case-insensitive names. Shared by `scan` and `scanLanes`.
    @inlinable @inline(never)
    static func sparseNext(_ t: UnsafePointer<Int32>, _ from: Int, _ c: Int, sparseBase: Int) -> Int {
        var x = from
        repeat {
            // A child is never the start state, so 0 means none.
            let child = sparseChild(t, x, c)
            if child != 0 { return child }
            x = Int(t[x])
        } while x >= sparseBase
        return Int(t[x &+ c])
    }
}
