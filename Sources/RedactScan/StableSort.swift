/// A stable sort for the scanner's scratch arrays that allocates nothing once its buffer has
/// grown to the working size.
///
/// Why: Swift's `sort` allocates a buffer of its own at each call on more than a handful of
/// elements, and the scanner sorts its candidates, and the larger overlap clusters, in every
/// 1 MiB block: that was most of the allocations left in the scan loop (package-benchmark
/// counted 4.5 per MB on sparse text, 9.7 on dense).
///
/// A natural merge sort: runs already in order are found and merged pairwise, back and forth
/// between the array and the buffer. Candidates arrive as a few sorted runs one after another
/// (the literal hits, then each trigger group's matches), so a sort costs `O(n log runs)`.
/// Short ranges are sorted by insertion.
enum StableSort {
    /// Sorts `a[range]` by `before` (a strict weak order), keeping equal elements in their
    /// order. `buffer` is scratch space: its contents are replaced, its capacity kept.
    static func sort<T>(_ a: inout [T], range: Range<Int>? = nil, buffer: inout [T], by before: (T, T) -> Bool) {
        let range = range ?? a.indices
        let n = range.count
        if n < 2 { return }
        if n <= 16 {
            insertionSort(&a, range: range, by: before)
            return
        }
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: a[range])
        // The sorted result ends in whichever of the two the last pass wrote.
        let inBuffer: Bool = buffer.withUnsafeMutableBufferPointer { b in
            a.withUnsafeMutableBufferPointer { whole in
                let s = UnsafeMutableBufferPointer(rebasing: whole[range])
                var src = b, dst = s
                var wroteBuffer: Bool
                while true {
                    // One pass: merge each pair of neighbouring runs of `src` into `dst`.
                    var i = 0
                    var runs = 0
                    while i < n {
                        runs += 1
                        let mid = runEnd(src, from: i, n: n, by: before)
                        if mid == n {
                            for k in i..<n { dst[k] = src[k] }
                            break
                        }
                        let end = runEnd(src, from: mid, n: n, by: before)
                        merge(src, i, mid, end, into: dst, by: before)
                        i = end
                    }
                    wroteBuffer = dst.baseAddress == b.baseAddress
                    // One run out: sorted.
                    if runs == 1 { return wroteBuffer }
                    swap(&src, &dst)
                }
            }
        }
        if inBuffer {
            for k in 0..<n { a[range.lowerBound + k] = buffer[k] }
        }
    }

    /// The end of the sorted run of `x` that starts at `i`.
    @inline(__always)
    private static func runEnd<T>(_ x: UnsafeMutableBufferPointer<T>, from i: Int, n: Int, by before: (T, T) -> Bool) -> Int {
        var j = i + 1
        while j < n && !before(x[j], x[j - 1]) { j += 1 }
        return j
    }

    /// Merges the runs `x[lo..<mid]` and `x[mid..<hi]` into `out[lo..<hi]`; on a tie the left
    /// run's element comes first, which keeps the sort stable.
    @inline(__always)
    private static func merge<T>(_ x: UnsafeMutableBufferPointer<T>, _ lo: Int, _ mid: Int, _ hi: Int,
                                 into out: UnsafeMutableBufferPointer<T>, by before: (T, T) -> Bool) {
        var l = lo, r = mid, o = lo
        while l < mid && r < hi {
            if before(x[r], x[l]) { out[o] = x[r]; r += 1 } else { out[o] = x[l]; l += 1 }
            o += 1
        }
        while l < mid { out[o] = x[l]; l += 1; o += 1 }
        while r < hi { out[o] = x[r]; r += 1; o += 1 }
    }

    private static func insertionSort<T>(_ a: inout [T], range: Range<Int>, by before: (T, T) -> Bool) {
        var i = range.lowerBound + 1
        while i < range.upperBound {
            let x = a[i]
            var j = i
            while j > range.lowerBound && before(x, a[j - 1]) {
                a[j] = a[j - 1]
                j -= 1
            }
            a[j] = x
            i += 1
        }
    }
}
