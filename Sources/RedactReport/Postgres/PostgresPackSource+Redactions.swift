import Foundation
import PostgresNIO
import RedactLog

/// Redaction rows by (category, justification, style): the pack query over the biggest table.
///
/// ## National scope: count each group's index range, do not hash every row
/// A national year is about 5 million redaction rows. Joining them to their entries and hashing
/// them on three text columns costs several seconds; `redaction_group` on `redaction (category,
/// justification, style, seq)` (migration `pg-pack-indexes`) holds each group's rows together in
/// `seq` order, so a group's count over a range of entries is one index-only range scan. As in
/// ``SQLitePackSource``, the window's eligible disclosures are cut into runs of consecutive
/// `seq`s (entries of other kinds have no redaction rows and never split a run; a disclosure of
/// another period or a corrected one does), and one statement sums, for every group (found by
/// a loose index scan), the counts over the runs. Above ``maxRuns`` pieces (a log assembled from
/// many interleaved imports) the rows are joined and grouped instead: the same answer, slower.
///
/// ## One area: group the area's rows
/// An area's entries are interleaved with every other area's, so runs do not help; its own rows
/// (a few percent of the national ones) are joined to its entries and grouped by the server.
extension PostgresPackSource {
    /// Above this many runs, counting per run costs more than grouping the joined rows.
    static let maxRuns = 64

    public func redactionCounts(in windows: [TimeWindow], scope: PackScope) throws -> [[RedactionGroup]] {
        var cache: [TimeWindow: [RedactionGroup]] = [:]
        return try windows.map { w in
            if let hit = cache[w] { return hit }
            var out: [RedactionGroup] = []
            if let span = try span(w) {
                if scope.area == nil, indexed, let runs = try eligibleRuns(w, span) {
                    out = try rangedGroups(runs)
                } else {
                    out = try joinedGroups(w, span, area: scope.area)
                }
            }
            cache[w] = out
            return out
        }
    }

    static func group(_ row: PostgresRandomAccessRow) throws -> RedactionGroup {
        RedactionGroup(category: try row[0].decode(String.self), justification: try row[1].decode(String.self),
                       style: try row[2].decode(String.self), count: try row[3].decode(Int.self))
    }

    /// `GROUP BY` over the joined rows of the window's eligible entries (of one area, or all).
    func joinedGroups(_ w: TimeWindow, _ span: ClosedRange<Int64>, area: String?) throws -> [RedactionGroup] {
        try rows("counting redactions", """
            SELECT r.category, r.justification, r.style, COUNT(*)
            FROM entry e JOIN redaction r ON r.seq = e.seq AND r.seq BETWEEN $3 AND $4
            WHERE \(Self.eligible) \(area == nil ? "" : "AND e.area = $6")
            GROUP BY r.category, r.justification, r.style
            """, binds(w, span, area.map { [.text($0)] } ?? [])).map(Self.group)
    }

    /// Every group's count over the runs (half-open `seq` ranges), each an index-only range scan.
    func rangedGroups(_ runs: [Range<Int64>]) throws -> [RedactionGroup] {
        if runs.isEmpty { return [] }
        let g = try groups()
        if g.isEmpty { return [] }
        func array<T>(_ values: [T], _ text: (T) -> String) -> LogValue { .text("{" + values.map(text).joined(separator: ",") + "}") }
        return try rows("counting redactions", """
            SELECT g.category, g.justification, g.style, SUM(n.count)::bigint
            FROM unnest($1::text[], $2::text[], $3::text[]) AS g (category, justification, style)
            CROSS JOIN unnest($4::bigint[], $5::bigint[]) AS run (lo, hi)
            CROSS JOIN LATERAL (
                SELECT COUNT(*) AS count FROM redaction r
                WHERE r.category = g.category AND r.justification = g.justification AND r.style = g.style
                  AND r.seq >= run.lo AND r.seq < run.hi
            ) n
            GROUP BY 1, 2, 3 HAVING SUM(n.count) > 0
            """, [array(g, { Self.quoted($0.c) }), array(g, { Self.quoted($0.j) }), array(g, { Self.quoted($0.s) }),
                  array(runs, { String($0.lowerBound) }), array(runs, { String($0.upperBound) })]).map(Self.group)
    }

    /// `text` as an element of an array literal: quoted, with `"` and `\` escaped.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The `seq` ranges (half-open) covering exactly the eligible disclosures of the window, or
    /// nil when there would be more than ``maxRuns``. Disclosures inside the span that do not
    /// count (recorded in another period, or corrected) split it.
    func eligibleRuns(_ w: TimeWindow, _ span: ClosedRange<Int64>) throws -> [Range<Int64>]? {
        let splits = try rows("finding the period's runs of entries", """
            SELECT e.seq FROM entry e
            WHERE e.seq > $3 AND e.seq < $4 AND e.kind = 'disclosure'
              AND (e.recorded_at < $1 OR e.recorded_at >= $2 OR e.seq IN (SELECT unnest($5::bigint[])))
            ORDER BY e.seq LIMIT \(Self.maxRuns)
            """, binds(w, span)).map { try $0[0].decode(Int64.self) }
        if splits.count >= Self.maxRuns { return nil }
        // The span's own ends are disclosures of the window; a corrected one splits it too.
        let ends = [span.lowerBound, span.upperBound].filter { supersededSeqs.contains($0) }
        var runs: [Range<Int64>] = []
        var start = span.lowerBound
        for s in (splits + ends).sorted() + [span.upperBound + 1] {
            if s > start { runs.append(start..<s) }
            start = max(start, s + 1)
        }
        return runs
    }

    struct GroupKey: Hashable, Sendable {
        var c: String, j: String, s: String
    }

    /// The distinct (category, justification, style) groups, by a loose index scan of
    /// `redaction_group`: one descent per group instead of a pass over every row.
    func loadGroups() throws -> [GroupKey] {
        try rows("listing redaction groups", """
            WITH RECURSIVE g AS (
                (SELECT category, justification, style FROM redaction ORDER BY category, justification, style LIMIT 1)
                UNION ALL
                SELECT n.category, n.justification, n.style FROM g CROSS JOIN LATERAL (
                    SELECT r.category, r.justification, r.style FROM redaction r
                    WHERE (r.category, r.justification, r.style) > (g.category, g.justification, g.style)
                    ORDER BY r.category, r.justification, r.style LIMIT 1
                ) n
            )
            SELECT category, justification, style FROM g
            """, []).map { GroupKey(c: try $0[0].decode(String.self), j: try $0[1].decode(String.self), s: try $0[2].decode(String.self)) }
    }
}
