import Foundation
import PostgresNIO
import RedactLog

/// The breach register's and the QA checks' queries over PostgreSQL.
///
/// A breach counts once, in the window where the log recorded its earliest version, with the
/// attributes of its latest version, both among the entries up to the head (the
/// ``PackDataSource`` contract, as ``SQLitePackSource`` reads it). "Earliest" is an anti-join
/// (no lower version up to the head); "latest" is one backward step down the log's
/// `UNIQUE (breach_id, version)` index per breach, reading only the columns the pack counts by
/// (a breach version also holds free text, which sorting whole rows would drag along).
extension PostgresPackSource {
    /// One row per breach first recorded in the window (`$1`, `$2`, head `$3`): its latest
    /// version's counted columns and `seq`, the latest entry's `area`, and `first_at`.
    static let breachesInWindow = """
        WITH f AS (
            SELECT bv.breach_id, e.recorded_at AS first_at
            FROM entry e JOIN breach_version bv ON bv.seq = e.seq
            WHERE e.kind = 'breach' AND e.recorded_at >= $1 AND e.recorded_at < $2 AND e.seq <= $3
              AND NOT EXISTS (SELECT 1 FROM breach_version y
                              WHERE y.breach_id = bv.breach_id AND y.version < bv.version AND y.seq <= $3)
        ), b AS (
            SELECT l.*, le.area AS area, f.first_at
            FROM f CROSS JOIN LATERAL (
                SELECT x.seq, x.breach_id, x.stage, x.breach_type, x.severity, x.source_org, x.unit, x.ico_reportable,
                       x.ico_reported_at, x.minutes_to_report, x.deadline_met
                FROM breach_version x WHERE x.breach_id = f.breach_id AND x.seq <= $3
                ORDER BY x.version DESC LIMIT 1
            ) l
            JOIN entry le ON le.seq = l.seq
        )
        """

    /// Each group also carries the reporting times of its reported breaches, so the builder's
    /// next question, ``reportingMinutes(in:)`` for the same window, costs no second pass over
    /// the register.
    public func registerCells(in window: TimeWindow) throws -> [RegisterGroup] {
        var minutes: [AreaMonthValue] = []
        let groups = try rows("counting breach register records", """
            \(Self.breachesInWindow)
            SELECT area, substr(first_at, 1, 7), stage, breach_type, severity, source_org, ico_reportable,
                   ico_reported_at IS NOT NULL, deadline_met, COUNT(*),
                   array_agg(minutes_to_report) FILTER (WHERE \(Self.reported))
            FROM b GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
            """, headBinds(window)).compactMap { row -> RegisterGroup? in
            guard let month = Month(code: try row[1].decode(String.self)) else { return nil }
            let area = try row[0].decode(String.self)
            for m in try row[10].decode([Int64]?.self) ?? [] { minutes.append(AreaMonthValue(area: area, month: month, value: Int(m))) }
            return RegisterGroup(
                area: area, month: month, stage: try row[2].decode(String.self),
                type: try row[3].decode(String.self), severity: try row[4].decode(String?.self),
                sourceOrganisation: try row[5].decode(String?.self),
                icoReportable: try row[6].decode(Int64?.self).map { $0 != 0 }, icoReported: try row[7].decode(Bool.self),
                deadlineMet: try row[8].decode(Int64?.self).map { $0 != 0 }, count: try row[9].decode(Int.self))
        }
        remember(minutes: minutes, for: window)
        return groups
    }

    /// The breaches whose reporting time counts: reported to the ICO, with the time recorded.
    static let reported = "stage = 'breach' AND ico_reported_at IS NOT NULL AND minutes_to_report IS NOT NULL"

    /// The values themselves, not a percentile: the builder takes the median of any set of
    /// months and areas from them (and the longest time), as it does for SQLite.
    public func reportingMinutes(in window: TimeWindow) throws -> [AreaMonthValue] {
        if let known = rememberedMinutes(for: window) { return known }
        return try rows("reading ICO reporting times", """
            \(Self.breachesInWindow)
            SELECT area, substr(first_at, 1, 7), minutes_to_report FROM b WHERE \(Self.reported)
            """, headBinds(window)).compactMap { row in
            try Month(code: row[1].decode(String.self)).map {
                AreaMonthValue(area: try row[0].decode(String.self), month: $0, value: try row[2].decode(Int.self))
            }
        }
    }

    public func repeatBreaches(in window: TimeWindow, minimum: Int) throws -> [RepeatCount] {
        // One statement, so the breaches of the window are found once for both lists. The
        // operator is the person who made the disclosure the breach is linked to.
        try rows("counting repeated breaches", """
            \(Self.breachesInWindow)
            SELECT 'unit', area, unit, COUNT(*) FROM b WHERE stage = 'breach' AND unit IS NOT NULL
            GROUP BY area, unit HAVING COUNT(*) >= $4
            UNION ALL
            SELECT 'operator', b.area, d.operator, COUNT(DISTINCT b.breach_id)
            FROM b
            JOIN breach_link k ON k.seq = b.seq
            JOIN entry le ON le.entry_id = k.entry_id AND le.seq <= $3
            JOIN disclosure d ON d.seq = le.seq
            WHERE b.stage = 'breach'
            GROUP BY b.area, d.operator HAVING COUNT(DISTINCT b.breach_id) >= $4
            """, headBinds(window, [.int(Int64(max(1, minimum)))])).map {
            RepeatCount(kind: try $0[0].decode(String.self) == "unit" ? .unit : .operator, area: try $0[1].decode(String.self),
                        id: try $0[2].decode(String.self), breaches: try $0[3].decode(Int.self))
        }
    }

    /// QA checks (entry kind `qa-check`) recorded in the window, up to the head, by area and month.
    /// Every check counts, a re-check of the same copy too: the measure is of checks made.
    public func qaCells(in window: TimeWindow) throws -> [QACell] {
        try rows("counting QA checks", """
            SELECT e.area, substr(e.recorded_at, 1, 7), COUNT(*), COUNT(*) FILTER (WHERE q.result = 'pass')
            FROM entry e JOIN qa_check q ON q.seq = e.seq
            WHERE e.kind = 'qa-check' AND e.recorded_at >= $1 AND e.recorded_at < $2 AND e.seq <= $3
            GROUP BY 1, 2
            """, headBinds(window)).compactMap { row in
            guard let month = Month(code: try row[1].decode(String.self)) else { return nil }
            return QACell(area: try row[0].decode(String.self), month: month, checks: try row[2].decode(Int.self),
                          passed: try row[3].decode(Int.self))
        }
    }
}
