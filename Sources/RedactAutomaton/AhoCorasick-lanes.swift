extension AhoCorasick {
    /// How many independent searches `scanLanes` interleaves.
    public static let laneCount = 4

    /// Every match in `bytes` (a whole text, searched from the start state), like `scan`, but
    /// split into `laneCount` lanes searched side by side.
    ///
    /// Why: one DFA step is a chain of dependent loads (`class = map[byte]`, `next =
    /// table[state + class]`), so a single search is bound by load latency, not by the work.
    /// Four searches over four quarters of the text have four independent chains the CPU runs
    /// in parallel. Each lane after the first starts `maxPatternLength` bytes before its quarter
    /// with the start state and reports nothing there: a state depends on at most that many
    /// bytes of history, so the lane enters its quarter in exactly the state a single search
    /// would have.
    ///
    /// Lane `k` reports the matches that end in its quarter, in order of end (longer first for
    /// one end), so lane 0's matches, then lane 1's, and so on, are exactly `scan`'s matches in
    /// `scan`'s order. When the start-state skip is on, or the text is short, one lane (lane 0)
    /// runs `scan` itself: the skip already makes that search fast.
    ///
    /// - Parameter minimumLaneBytes: below this many bytes per lane, one lane runs (the warm-ups
    ///   would cost more than they save). Tests lower it to exercise the lanes on short texts.
    @inlinable
    public func scanLanes(
        _ bytes: UnsafeBufferPointer<UInt8>, minimumLaneBytes: Int = 4096,
        _ onMatch: (_ lane: Int, _ patternID: Int32, _ end: Int) -> Void
    ) {
        guard let p = bytes.baseAddress, bytes.count > 0 else { return }
        let n = bytes.count
        let quarter = n / Self.laneCount
        if startSkip.enabled || quarter < max(minimumLaneBytes, maxPatternLength, 1) {
            var state = startState
            scan(bytes, baseOffset: 0, state: &state) { id, end in onMatch(0, id, end) }
            return
        }
        let meta = stride &- 1
        let firstMatch = firstMatchState
        let sparseBase = self.sparseBase
        let warmUp = maxPatternLength
        table.withUnsafeBufferPointer { tableBuffer in
            byteClasses.map.withUnsafeBufferPointer { classBuffer in
                matchLists.withUnsafeBufferPointer { listBuffer in
                    let t = tableBuffer.baseAddress.unsafelyUnwrapped
                    let cls = classBuffer.baseAddress.unsafelyUnwrapped
                    let lists = listBuffer.baseAddress.unsafelyUnwrapped

                    @inline(__always) func next(_ s: Int, _ i: Int) -> Int {
                        let c = Int(cls[Int(p[i])])
                        return s < sparseBase ? Int(t[s &+ c]) : Self.sparseNext(t, s, c, sparseBase: sparseBase)
                    }

                    @inline(__always) func report(_ lane: Int, _ s: Int, _ i: Int) {
                        let at = Int(t[s &+ (s < sparseBase ? meta : 1)])
                        let count = Int(lists[at])
                        var k = 1
                        while k <= count {
                            onMatch(lane, lists[at &+ k], i &+ 1)
                            k &+= 1
                        }
                    }

                    // Lane k owns positions [k * quarter, (k + 1) * quarter); the last lane
                    // also owns the few bytes after 4 * quarter.
                    let b1 = quarter, b2 = 2 &* quarter, b3 = 3 &* quarter
                    var s0 = 0, s1 = 0, s2 = 0, s3 = 0
                    var i = b1 &- warmUp
                    while i < b1 { s1 = next(s1, i); i &+= 1 }
                    i = b2 &- warmUp
                    while i < b2 { s2 = next(s2, i); i &+= 1 }
                    i = b3 &- warmUp
                    while i < b3 { s3 = next(s3, i); i &+= 1 }

                    var j = 0
                    while j < quarter {
                        s0 = next(s0, j)
                        s1 = next(s1, b1 &+ j)
                        s2 = next(s2, b2 &+ j)
                        s3 = next(s3, b3 &+ j)
                        // One predictable branch for the common case: no lane in a match state.
                        if max(max(s0, s1), max(s2, s3)) >= firstMatch {
                            if s0 >= firstMatch { report(0, s0, j) }
                            if s1 >= firstMatch { report(1, s1, b1 &+ j) }
                            if s2 >= firstMatch { report(2, s2, b2 &+ j) }
                            if s3 >= firstMatch { report(3, s3, b3 &+ j) }
                        }
                        j &+= 1
                    }
                    i = b3 &+ quarter
                    while i < n {
                        s3 = next(s3, i)
                        if s3 >= firstMatch { report(3, s3, i) }
                        i &+= 1
                    }
                }
            }
        }
    }
}
