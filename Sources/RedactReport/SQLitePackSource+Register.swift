import Foundation
import GRDB

/// The breach register's queries: breaches, near misses and incoming failures to redact.
///
/// Each breach has one or more versions; the pack counts a breach once, in the month where the
/// log recorded its earliest version, with the attributes of its latest version (the
/// ``PackDataSource`` contract), both among the entries up to the pack's head. The register is
/// small next to the redaction rows (thousands of records a year, not millions); the first and
/// last version of every breach come from one walk of the log's `UNIQUE (breach_id, version)`
/// index, already grouped (no sort), and each is then one lookup.
extension SQLitePackSource {
    /// One row per breach first recorded in the window (`:start`, `:end`): its latest version's
    /// columns, the latest entry's `area` and `seq`, and `first_at`.
    static let breachesInWindow = """
        WITH v AS (
            SELECT breach_id, MIN(version) AS first_version, MAX(version) AS last_version
            FROM breach_version WHERE seq <= :head GROUP BY breach_id
        ), b AS (
            SELECT l.*, le.area AS area, fe.recorded_at AS first_at
            FROM v
            JOIN breach_version f ON f.breach_id = v.breach_id AND f.version = v.first_version
            JOIN entry fe ON fe.seq = f.seq
            JOIN breach_version l ON l.breach_id = v.breach_id AND l.version = v.last_version
            JOIN entry le ON le.seq = l.seq
            WHERE fe.recorded_at >= :start AND fe.recorded_at < :end
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
            let args = arguments(window, ["minimum": max(1, minimum)])
            let units = try Row.fetchAll(db, sql: """
                \(Self.breachesInWindow)
                SELECT area, unit, COUNT(*) FROM b WHERE stage = 'breach' AND unit IS NOT NULL
                GROUP BY area, unit HAVING COUNT(*) >= :minimum
                """, arguments: args).map { RepeatCount(kind: .unit, area: $0[0], id: $0[1], breaches: $0[2]) }
            // The operator is the person who made the disclosure the breach is linked to.
            let operators = try Row.fetchAll(db, sql: """
                \(Self.breachesInWindow)
                SELECT b.area, d.operator, COUNT(DISTINCT b.breach_id)
                FROM b
                JOIN breach_link k ON k.seq = b.seq
                JOIN entry le ON le.entry_id = k.entry_id AND le.seq <= :head
                JOIN disclosure d ON d.seq = le.seq
                WHERE b.stage = 'breach'
                GROUP BY b.area, d.operator HAVING COUNT(DISTINCT b.breach_id) >= :minimum
                """, arguments: args).map { RepeatCount(kind: .operator, area: $0[0], id: $0[1], breaches: $0[2]) }
            return units + operators
        }
    }
}
