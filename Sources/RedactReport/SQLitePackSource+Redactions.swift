import Foundation
import GRDB

/// Redaction rows by (category, justification, style): the one pack query that touches the
/// biggest table, so it is the one shaped for speed.
///
/// ## National scope: seek, do not sort
/// SQLite groups by sorting, and sorting 10 million rows on three text columns takes far longer
/// than the whole pack may. With `pack_redaction_group` (``PackIndexes``) the rows of each
/// group lie together, ordered by `seq` (the index ends with the table's key). Entries are
/// appended in time order, so the disclosures of a period are nearly always one run of
/// consecutive `seq`s, and a group's rows in a run are one seek plus a short scan:
///
/// ```
/// groups (loose index scan, ~10 ms)   runs of eligible seqs for the window
/// nhs_number|medical|label   ──┐      [lo ........................ hi]
/// person_name|third-party|…  ──┼──►   COUNT(*) WHERE category=? AND justification=? AND style=?
/// …                          ──┘                 AND seq >= run.lo AND seq < run.hi
/// ```
///
/// Runs are found from the entry table: the smallest and largest eligible disclosure `seq` in
/// the window, then every *ineligible* disclosure between them (an entry imported from another
/// log, recorded in another period; a corrected entry) splits the range. Entries of other kinds
/// have no redaction rows, so they never split a run. If there are more than
/// ``maxRuns`` pieces (a log assembled from many interleaved imports), a probe of each row
/// against the window's entry set is used instead: the same answer, a few seconds per
/// 10 million rows.
///
/// ## One area: sort the area's rows
/// An area's entries are interleaved with every other area's, so runs do not help; its own rows
/// (a few percent of the national ones) are grouped by SQLite's sort.
extension SQLitePackSource {
    /// Above this many runs, counting per run costs more than probing every row.
    static let maxRuns = 64

    public func redactionCounts(in windows: [TimeWindow], scope: PackScope) throws -> [[RedactionGroup]] {
        var cache: [TimeWindow: [RedactionGroup]] = [:]
        return try windows.map { w in
            if let hit = cache[w] { return hit }
            let out = try read("counting redactions") { db -> [RedactionGroup] in
                if let area = scope.area { return try sortedGroups(db, w, area: area) }
                return indexes.redaction ? try rangedGroups(db, w) : try sortedGroups(db, w, area: nil)
            }
            cache[w] = out
            return out
        }
    }

    static func group(_ row: Row) -> RedactionGroup {
        RedactionGroup(category: row[0], justification: row[1], style: row[2], count: row[3])
    }

    /// `GROUP BY` over the rows of one area (or, without the index, all rows) in the window.
    func sortedGroups(_ db: Database, _ w: TimeWindow, area: String?) throws -> [RedactionGroup] {
        try Row.fetchAll(db, sql: """
            SELECT r.category, r.justification, r.style, COUNT(*)
            FROM entry e JOIN redaction r ON r.seq = e.seq
            WHERE \(Self.eligible) \(area == nil ? "" : "AND e.area = :area")
            GROUP BY r.category, r.justification, r.style
            """, arguments: arguments(w, area.map { ["area": $0] } ?? [:])).map(Self.group)
    }

    /// Counts per group and run of eligible entries, through the index (national scope).
    func rangedGroups(_ db: Database, _ w: TimeWindow) throws -> [RedactionGroup] {
        guard let runs = try eligibleRuns(db, w) else { return try probedGroups(db, w) }
        if runs.isEmpty { return [] }
        let statement = try db.cachedStatement(sql: """
            SELECT COUNT(*) FROM redaction r INDEXED BY \(PackIndexes.redactionIndex)
            WHERE r.category = ? AND r.justification = ? AND r.style = ? AND r.seq >= ? AND r.seq < ?
            """)
        var out: [RedactionGroup] = []
        for g in try groups(db) {
            var n = 0
            for run in runs {
                n += try Int.fetchOne(statement, arguments: [g.c, g.j, g.s, run.lowerBound, run.upperBound]) ?? 0
            }
            if n > 0 { out.append(RedactionGroup(category: g.c, justification: g.j, style: g.s, count: n)) }
        }
        return out
    }

    struct GroupKey: Hashable, Sendable {
        var c: String, j: String, s: String
    }

    /// Every row checked against the window's entry set; used when runs would be too many.
    func probedGroups(_ db: Database, _ w: TimeWindow) throws -> [RedactionGroup] {
        try Row.fetchAll(db, sql: """
            SELECT r.category, r.justification, r.style, COUNT(*)
            FROM redaction r INDEXED BY \(PackIndexes.redactionIndex)
            WHERE r.seq IN (SELECT e.seq FROM entry e WHERE \(Self.eligible))
            GROUP BY r.category, r.justification, r.style
            """, arguments: arguments(w)).map(Self.group)
    }

    /// The `seq` ranges (half-open) covering exactly the eligible disclosures of the window,
    /// or nil when there would be more than ``maxRuns``.
    func eligibleRuns(_ db: Database, _ w: TimeWindow) throws -> [Range<Int64>]? {
        let lo = try Int64.fetchOne(db, sql: "SELECT MIN(e.seq) FROM entry e WHERE \(Self.eligible)", arguments: arguments(w))
        let hi = try Int64.fetchOne(db, sql: "SELECT MAX(e.seq) FROM entry e WHERE \(Self.eligible)", arguments: arguments(w))
        guard let lo, let hi else { return [] }
        // Disclosures inside [lo, hi] that do not count split the range.
        let splits = try Int64.fetchAll(db, sql: """
            SELECT e.seq FROM entry e
            WHERE e.seq > :lo AND e.seq < :hi AND e.kind = 'disclosure'
              AND (e.recorded_at < :start OR e.recorded_at >= :end OR e.seq IN (SELECT value FROM json_each(:superseded)))
            ORDER BY e.seq LIMIT :limit
            """, arguments: arguments(w, ["lo": lo, "hi": hi, "limit": Self.maxRuns]))
        if splits.count >= Self.maxRuns { return nil }
        var runs: [Range<Int64>] = []
        var start = lo
        for s in splits {
            if s > start { runs.append(start..<s) }
            start = s + 1
        }
        if hi + 1 > start { runs.append(start..<(hi + 1)) }
        return runs
    }

    /// The distinct (category, justification, style) groups, by a loose index scan: one seek
    /// per group instead of a scan of every row (`SELECT DISTINCT` would read all 10 million).
    func loadGroups(_ db: Database) throws -> [GroupKey] {
        let select = "SELECT category, justification, style FROM redaction INDEXED BY \(PackIndexes.redactionIndex)"
        let order = "ORDER BY category, justification, style LIMIT 1"
        let first = try db.cachedStatement(sql: "\(select) \(order)")
        let nextStyle = try db.cachedStatement(sql: "\(select) WHERE category = ? AND justification = ? AND style > ? \(order)")
        let nextJustification = try db.cachedStatement(sql: "\(select) WHERE category = ? AND justification > ? \(order)")
        let nextCategory = try db.cachedStatement(sql: "\(select) WHERE category > ? \(order)")
        var out: [GroupKey] = []
        var current = try Row.fetchOne(first)
        while let row = current {
            let key = GroupKey(c: row[0], j: row[1], s: row[2])
            out.append(key)
            current = try Row.fetchOne(nextStyle, arguments: [key.c, key.j, key.s])
                ?? Row.fetchOne(nextJustification, arguments: [key.c, key.j])
                ?? Row.fetchOne(nextCategory, arguments: [key.c])
        }
        return out
    }
}
