import Foundation

/// QA second checks and the disclosure listing `redact qa sample` draws from: the same rules as
/// ``SQLiteLogStore``'s (see there), in PostgreSQL's dialect.
extension PostgresLogStore {
    @discardableResult
    public func recordQACheck(_ record: QACheckRecord) throws -> EntryReceipt {
        let b = builder
        return try append(action: "recording the QA check", entryID: record.id.uuidString.lowercased()) { c in
            var link = record.disclosureEntry
            if let given = link {
                try Self.requireEntry(c, given, kind: .disclosure, field: "disclosure entry")
            } else {
                link = try Self.disclosure(c, redactedSHA256: record.redactedSHA256.lowercased(), area: record.area)
            }
            return try b.qaCheck(record, disclosure: link)
        }
    }

    /// The latest uncorrected disclosure of `area` whose redacted copy has this digest.
    static func disclosure(_ c: PGConnection, redactedSHA256: String, area: String) throws -> UUID? {
        let id = try c.query("""
            SELECT e.entry_id FROM entry e JOIN disclosure d ON d.seq = e.seq
            WHERE e.kind = 'disclosure' AND e.area = $1 AND d.redacted_sha256 = $2
              AND NOT EXISTS (SELECT 1 FROM entry x WHERE x.corrects = e.entry_id)
            ORDER BY e.seq DESC LIMIT 1
            """, [.text(area), .text(redactedSHA256)]).first?.decode(String.self)
        return id.flatMap(UUID.init(uuidString:))
    }

    public func qaChecks(area: String? = nil, since: Date? = nil, until: Date? = nil) throws -> [QACheckRecord] {
        var args: [LogValue] = [.text(Schema.EntryKind.qaCheck.rawValue)]
        var clause = ["kind = $1"]
        if let area { args.append(.text(area)); clause.append("area = $\(args.count)") }
        if let since { args.append(.text(LogTime.format(since))); clause.append("recorded_at >= $\(args.count)") }
        if let until { args.append(.text(LogTime.format(until))); clause.append("recorded_at < $\(args.count)") }
        return try read(action: "listing QA checks") { c in
            var out: [QACheckRecord] = []
            try forEachEntry(c, where: clause.joined(separator: " AND "), arguments: args) {
                out.append(try EntryBuilder.qaCheckRecord($0.content))
            }
            return out
        }
    }

    public func disclosures(area: String, since: Date, until: Date) throws -> [DisclosureSummary] {
        _ = try reference.validate(area, .areas)
        return try read(action: "listing disclosures") { c in
            try c.query("""
                SELECT e.entry_id, e.recorded_at, e.area, d.case_ref, d.document_name, d.redacted_sha256, d.recipient
                FROM entry e JOIN disclosure d ON d.seq = e.seq
                WHERE e.kind = 'disclosure' AND e.area = $1 AND e.recorded_at >= $2 AND e.recorded_at < $3
                  AND NOT EXISTS (SELECT 1 FROM entry x WHERE x.corrects = e.entry_id)
                ORDER BY e.seq
                """, [.text(area), .text(LogTime.format(since)), .text(LogTime.format(until))]).map { row in
                let (id, at, area, caseRef, name, sha, recipient) =
                    try row.decode((String, String, String, String, String, String, String).self)
                return DisclosureSummary(entryID: id, recordedAt: LogTime.parse(at) ?? Date(timeIntervalSince1970: 0), area: area,
                                         caseReference: caseRef, documentName: name, redactedSHA256: sha, recipient: recipient)
            }
        }
    }
}
