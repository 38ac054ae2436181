import GRDB
import RedactLog

extension SQLitePackSource {
    /// QA checks (entry kind `qa-check`) recorded in the window, up to the head, by area and month.
    /// Every check counts, a re-check of the same copy too: the measure is of checks made.
    public func qaCells(in window: TimeWindow) throws -> [QACell] {
        try read("counting QA checks") { db in
            // A log written before schema v2 and opened read-only has no QA table: no checks.
            guard try db.tableExists("qa_check") else { return [] }
            return try Row.fetchAll(db, sql: """
                SELECT e.area, substr(e.recorded_at, 1, 7), COUNT(*), SUM(q.result = 'pass')
                FROM entry e JOIN qa_check q ON q.seq = e.seq
                WHERE e.kind = 'qa-check' AND e.recorded_at >= :start AND e.recorded_at < :end AND e.seq <= :head
                GROUP BY 1, 2
                """, arguments: ["start": window.startText, "end": window.endText, "head": head]).compactMap { row in
                guard let month = Month(code: row[1]) else { return nil }
                return QACell(area: row[0], month: month, checks: row[2], passed: row[3] ?? 0)
            }
        }
    }
}
