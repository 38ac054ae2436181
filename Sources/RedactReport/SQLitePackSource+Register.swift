import Foundation
import GRDB

/// The breach register's queries: breaches, near misses and incoming failures to redact.
///
/// Each breach has one or more versions; the pack counts a breach once, in the month where the
/// log recorded its earliest version, with the attributes of its latest version (the
/// ``PackDataSource`` contract), both among the entries up to the pack's head. The register is
/// small next to the redaction rows (thousands of records a year, not millions): the versions
/// recorded in the window come from the pack's time index, and the first and latest version of
/// each are single seeks in the log's `UNIQUE (breach_id, version)` index.
extension SQLitePackSource {
    /// One row per breach first recorded in the window (`:start`, `:end`): its latest version's
    /// columns, the latest entry's `area` and `seq`, and `first_at`.
    static let breachesInWindow = """
        WITH f AS (
            SELECT bv.breach_id, e.recorded_at AS first_at
            FROM entry e JOIN breach_version bv ON bv.seq = e.seq
            WHERE e.kind = 'breach' AND e.recorded_at >= :start AND e.recorded_at < :end AND e.seq <= :head
              AND bv.version = (SELECT MIN(y.version) FROM breach_version y WHERE y.breach_id = bv.breach_id AND y.seq <= :head)
        ), b AS (
            SELECT l.*, le.area AS area, f.first_at
            FROM f
            JOIN breach_version l ON l.breach_id = f.breach_id
                AND l.version = (SELECT MAX(x.version) FROM breach_version x WHERE x.breach_id = f.breach_id AND x.seq <= :head)
            JOIN entry le ON le.seq = l.seq
        )
        """

    public func registerCells(in window: TimeWindow) throws -> [RegisterGroup] {
        try read("counting breach register records") { db in
            try Row.fetchAll(db, sql: """
                \(Self.breachesInWindow)
                SELECT area, substr(first_at, 1, 7), stage, breach_type, severity, source_org, ico_reportable,
                       ico_reported_at IS NOT NULL, deadline_met, COUNT(*)
                FROM b GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
                """, arguments: arguments(window)).compactMap { row in
                guard let month = Month(code: row[1]) else { return nil }
                let reportable: Int? = row[6]
                let met: Int? = row[8]
                return RegisterGroup(area: row[0], month: month, stage: row[2], type: row[3], severity: row[4],
                                     sourceOrganisation: row[5], icoReportable: reportable.map { $0 != 0 }, icoReported: row[7],
                                     deadlineMet: met.map { $0 != 0 }, count: row[9])
            }
        }
    }

    public func reportingMinutes(in window: TimeWindow) throws -> [AreaMonthValue] {
        try read("reading ICO reporting times") { db in
            try Row.fetchAll(db, sql: """
                \(Self.breachesInWindow)
                SELECT area, substr(first_at, 1, 7), minutes_to_report FROM b
                WHERE stage = 'breach' AND ico_reported_at IS NOT NULL AND minutes_to_report IS NOT NULL
                """, arguments: arguments(window)).compactMap { row in
                Month(code: row[1]).map { AreaMonthValue(area: row[0], month: $0, value: row[2]) }
            }
        }
    }

    public func repeatBreaches(in window: TimeWindow, minimum: Int) throws -> [RepeatCount] {
        try read("counting repeated breaches") { db in
            // One statement, so the breaches of the window are found once for both lists. The
            // operator is the person who made the disclosure the breach is linked to.
            try Row.fetchAll(db, sql: """
                \(Self.breachesInWindow)
                SELECT 'unit', area, unit, COUNT(*) FROM b WHERE stage = 'breach' AND unit IS NOT NULL
                GROUP BY area, unit HAVING COUNT(*) >= :minimum
                UNION ALL
                SELECT 'operator', b.area, d.operator, COUNT(DISTINCT b.breach_id)
                FROM b
                JOIN breach_link k ON k.seq = b.seq
                JOIN entry le ON le.entry_id = k.entry_id AND le.seq <= :head
                JOIN disclosure d ON d.seq = le.seq
                WHERE b.stage = 'breach'
                GROUP BY b.area, d.operator HAVING COUNT(DISTINCT b.breach_id) >= :minimum
                """, arguments: arguments(window, ["minimum": max(1, minimum)])).map {
                RepeatCount(kind: ($0[0] as String) == "unit" ? .unit : .operator, area: $0[1], id: $0[2], breaches: $0[3])
            }
        }
    }
}
