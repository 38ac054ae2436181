/// Which bytes of a truth item must be covered for it to count as found: those of its letters and
/// digits. Spaces, hyphens, slashes, brackets and line breaks need not be (a finder that reports
/// `401 023 2137` as one span or as three has still found it).
enum Coverage {
    /// Offsets (relative to the item's start) of the bytes belonging to letters or digits.
    /// Without the item's text, or when it does not fit the span, every byte is required.
    static func requiredOffsets(text: String?, length: Int) -> [Int] {
        guard let text, text.utf8.count == length else { return Array(0..<length) }
        var out: [Int] = []
        var offset = 0
        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                for k in 0..<width { out.append(offset + k) }
            }
            offset += width
        }
        return out
    }

    /// True when every absolute offset in `required` (sorted) lies in one of `intervals`.
    static func covers(_ intervals: [(Int, Int)], _ required: [Int]) -> Bool {
        if required.isEmpty { return true }
        let merged = merge(intervals)
        var j = 0
        for r in required {
            while j < merged.count && merged[j].1 <= r { j += 1 }
            if j == merged.count || merged[j].0 > r { return false }
        }
        return true
    }

    static func merge(_ intervals: [(Int, Int)]) -> [(Int, Int)] {
        let sorted = intervals.sorted { $0.0 < $1.0 }
        var out: [(Int, Int)] = []
        for iv in sorted {
            if let last = out.last, iv.0 <= last.1 {
                out[out.count - 1].1 = max(last.1, iv.1)
            } else {
                out.append(iv)
            }
        }
        return out
    }
}

/// Spans of one file sorted by start, with the longest length, for overlap queries.
struct SpanIndex {
    let starts: [Int]
    let ends: [Int]
    let ids: [Int]
    let maxLength: Int

    init(_ spans: [(start: Int, end: Int, id: Int)]) {
        let s = spans.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        starts = s.map(\.start)
        ends = s.map(\.end)
        ids = s.map(\.id)
        maxLength = s.map { $0.end - $0.start }.max() ?? 0
    }

    /// Ids of spans overlapping `[start, end)` (sharing at least one byte).
    func overlapping(_ start: Int, _ end: Int) -> [Int] {
        // First index whose start is >= end: nothing from there on can overlap.
        var lo = 0, hi = starts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if starts[mid] < end { lo = mid + 1 } else { hi = mid }
        }
        var out: [Int] = []
        var i = lo - 1
        while i >= 0 && starts[i] > start - maxLength - 1 {
            if ends[i] > start { out.append(ids[i]) }
            i -= 1
        }
        return out
    }
}
