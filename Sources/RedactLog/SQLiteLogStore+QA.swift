import Foundation
import GRDB

extension SQLiteLogStore {
    /// Appends a QA second check (entry kind `qa-check`) to the chain.
    ///
    /// Without ``QACheckRecord/disclosureEntry`` the check is linked to the latest disclosure of
    /// the same area whose redacted copy has the checked SHA-256 (not replaced by a correction),
    /// looked up under the write lock; it stays unlinked when the log has none. A given
    /// `disclosureEntry` must be a disclosure in this log.
    @discardableResult
    public func recordQACheck(_ record: QACheckRecord) throws -> EntryReceipt {
        let b = builder
        return try append(action: "recording the QA check") { db in
            var link = record.disclosureEntry
            if let given = link {
                try Self.requireEntry(db, given, kind: .disclosure, field: "disclosure entry")
            } else {
                link = try Self.disclosure(db, redactedSHA256: record.redactedSHA256.lowercased(), area: record.area)
            }
            return try b.qaCheck(record, disclosure: link)
        }
    }

    /// The latest uncorrected disclosure of `area` whose redacted copy has this digest.
    static func disclosure(_ db: Database, redactedSHA256: String, area: String) throws -> UUID? {
        // No index on redacted_sha256: QA checks are rare next to disclosures, and an index would
        // cost every disclosure append a page write. One scan of the area's disclosures is fine.
        let id = try String.fetchOne(db, sql: """
            SELECT e.entry_id FROM entry e JOIN disclosure d ON d.seq = e.seq
            WHERE e.kind = 'disclosure' AND e.area = ? AND d.redacted_sha256 = ?
              AND e.entry_id NOT IN (SELECT corrects FROM entry WHERE corrects IS NOT NULL)
            ORDER BY e.seq DESC LIMIT 1
            """, arguments: [area, redactedSHA256])
        return id.flatMap(UUID.init(uuidString:))
    }

    /// The QA checks of an area (or all), oldest first, recorded within `[since, until)`.
    public func qaChecks(area: String? = nil, since: Date? = nil, until: Date? = nil) throws -> [QACheckRecord] {
        var clause = ["kind = '\(Schema.EntryKind.qaCheck.rawValue)'"]
        var args: [any DatabaseValueConvertible] = []
        if let area { clause.append("area = ?"); args.append(area) }
        if let since { clause.append("recorded_at >= ?"); args.append(LogTime.format(since)) }
        if let until { clause.append("recorded_at < ?"); args.append(LogTime.format(until)) }
        return try read(action: "listing QA checks") { db in
            var out: [QACheckRecord] = []
            try forEachEntry(db, where: clause.joined(separator: " AND "), arguments: StatementArguments(args)) {
                out.append(try EntryBuilder.qaCheckRecord($0.content))
            }
            return out
        }
    }

    /// The disclosures of `area` recorded within `[since, until)`, in chain order, leaving out
    /// any that a later entry corrects (the correction stands in its place): what
    /// `redact qa sample` draws from.
    public func disclosures(area: String, since: Date, until: Date) throws -> [DisclosureSummary] {
        _ = try reference.validate(area, .areas)
        return try read(action: "listing disclosures") { db in
            try Row.fetchAll(db, sql: """
                SELECT e.entry_id, e.recorded_at, e.area, d.case_ref, d.document_name, d.redacted_sha256, d.recipient
                FROM entry e JOIN disclosure d ON d.seq = e.seq
                WHERE e.kind = 'disclosure' AND e.area = ? AND e.recorded_at >= ? AND e.recorded_at < ?
                  AND e.entry_id NOT IN (SELECT corrects FROM entry WHERE corrects IS NOT NULL)
                ORDER BY e.seq
                """, arguments: [area, LogTime.format(since), LogTime.format(until)]).map { row in
                DisclosureSummary(entryID: row[0], recordedAt: LogTime.parse(row[1] as String) ?? Date(timeIntervalSince1970: 0),
                                  area: row[2], caseReference: row[3], documentName: row[4], redactedSHA256: row[5],
                                  recipient: row[6])
            }
        }
    }
}
