import Foundation
import GRDB
import PropertyBased
import RedactLog
import RedactTestSupport
import Testing
@testable import RedactReport

/// Issue 9: a pack over the national log in PostgreSQL is the pack over SQLite (differential).
///
/// A random log (``RandomLog``: corrections, out-of-order entries, entries on month boundaries,
/// breach updates into other stages and areas, late ICO reports, plus QA checks) is written into
/// SQLite, exported, and the export imported into a fresh PostgreSQL log (imported entries keep
/// their `recorded_at`, so every window selects the same entries). Then the same packs are built
/// from both sources and must render identically in every format. Only the provenance differs,
/// and only where it must: the kind (`postgresql`, checked), and the log id and head hash (the
/// import re-chains the entries under the PostgreSQL log's own id), set aside; the entry count
/// and the span of the log are compared.
@Suite(.enabled(if: !PostgresTestDatabase.skipped)) struct PostgresPackSourceTests {
    static let generatedAt = date("2026-11-21T12:00:00Z")

    /// A SQLite log with the given events and QA checks.
    static func sqliteLog(_ dir: TempDir, codes: [[Int]]) throws -> (path: String, store: SQLiteLogStore, built: RandomLog.Built) {
        let path = dir.path("log.sqlite")
        let clock = TestClock(date("2027-01-01T00:00:00Z"))
        let store = try makeStore(path, clock: clock)
        let built = RandomLog.build(store, clock: clock, codes: codes)
        RandomLog.addQAChecks(store, clock: clock, codes: codes)
        return (path, store, built)
    }

    /// The SQLite log's export imported into a new PostgreSQL log.
    static func postgresCopy(of store: SQLiteLogStore, clock: TestClock? = nil) throws -> (PostgresTestDatabase, PostgresLogStore) {
        let out = MemoryOutput()
        try store.export(format: .jsonl, filter: ExportFilter(), to: out)
        let db = try PostgresTestDatabase()
        let pg = try PostgresLogStore(url: db.url, redactor: plainRedactor,
                                      options: .init(clock: { clock?.now ?? date("2027-01-01T00:00:00Z") }))
        let summary = try pg.importExport(StringInput(out.text))
        #expect(summary.added == (try store.checkpoint().count))
        return (db, pg)
    }

    static func build(_ source: any PackDataSource, _ scope: PackScope, _ period: String,
                      settings: PackSettings = PackSettings()) throws -> Pack {
        try PackBuilder(reference: .builtIn).build(
            PackRequest(scope: scope, period: try PackPeriod(parsing: period), settings: settings, generatedAt: generatedAt),
            from: source)
    }

    /// The PostgreSQL pack equals the SQLite pack: every figure, and every rendering once the
    /// provenance that must differ is set aside.
    static func expectSame(_ expected: Pack, _ got: Pack, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(expected.source.kind == "sqlite" && got.source.kind == "postgresql", "\(label)", sourceLocation: sourceLocation)
        #expect(got.source.entries == expected.source.entries, "\(label): entries", sourceLocation: sourceLocation)
        #expect(got.source.firstRecordedAt == expected.source.firstRecordedAt && got.source.lastRecordedAt == expected.source.lastRecordedAt,
                "\(label): span of the log", sourceLocation: sourceLocation)
        #expect(got.source.notes == expected.source.notes, "\(label): source notes", sourceLocation: sourceLocation)
        #expect(got.current == expected.current, "\(label): current", sourceLocation: sourceLocation)
        #expect(got.previous == expected.previous, "\(label): previous", sourceLocation: sourceLocation)
        #expect(got.yearBefore == expected.yearBefore, "\(label): year before", sourceLocation: sourceLocation)
        #expect(got.national == expected.national, "\(label): national", sourceLocation: sourceLocation)
        #expect(got.areas == expected.areas, "\(label): areas", sourceLocation: sourceLocation)
        #expect(got.trend == expected.trend, "\(label): trend", sourceLocation: sourceLocation)
        #expect(got.repeats == expected.repeats, "\(label): repeats", sourceLocation: sourceLocation)
        #expect(got.notes == expected.notes, "\(label): notes", sourceLocation: sourceLocation)
        var same = got
        same.source = expected.source
        for format in PackFormat.allCases {
            #expect(PackRenderer.render(same, as: format, reference: .builtIn) == PackRenderer.render(expected, as: format, reference: .builtIn),
                    "\(label): \(format.rawValue) rendering", sourceLocation: sourceLocation)
        }
    }

    @Test func randomLogsGiveTheSamePacksFromBothBackends() async throws {
        await propertyCheck(count: 12, input: codesGen, periodGen) { codes, p in
            do {
                let dir = TempDir()
                let (path, store, _) = try Self.sqliteLog(dir, codes: codes)
                let (db, pg) = try Self.postgresCopy(of: store)
                let source = try PostgresPackSource(url: db.url)
                let sqlite = try SQLitePackSource(path: path)
                for scope in [PackScope.national] + RandomLog.areas.map(PackScope.area) {
                    Self.expectSame(try Self.build(sqlite, scope, periods[p]), try Self.build(source, scope, periods[p]),
                                    "\(scope) \(periods[p]), \(codes.count) events")
                }
                withExtendedLifetime((db, pg)) {}
            } catch {
                Issue.record("pack failed: \(error)")
            }
        }
    }

    /// One larger fixed log (400 events) through every period kind, periods with nothing in them
    /// and periods the log only partly covers, with repeat lists and suppression switched on.
    @Test func fixedLogGivesTheSamePacksForEveryPeriod() throws {
        var state: UInt64 = 9
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % 10_001
        }
        let codes = (0..<400).map { _ in (0..<8).map { _ in next() } }
        let dir = TempDir()
        let (path, store, built) = try Self.sqliteLog(dir, codes: codes)
        #expect(built.disclosures > 200 && built.breaches > 30)
        // The log has what the comparison must cover: corrections, breach updates, QA checks.
        let counts = try DatabaseQueue(path: path).read { db in
            try ["corrects IS NOT NULL", "kind = 'qa-check'", "seq IN (SELECT seq FROM breach_version WHERE version > 1)"].map {
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entry WHERE \($0)")!
            }
        }
        #expect(counts.allSatisfy { $0 > 5 }, "corrections, QA checks, breach updates: \(counts)")

        let (db, pg) = try Self.postgresCopy(of: store)
        let source = try PostgresPackSource(url: db.url)
        let sqlite = try SQLitePackSource(path: path)
        let everyPeriod = periods + ["2024-03", "2027-05", "2025-06", "2025-Q2", "FY2024-25"]
        for period in everyPeriod {
            for scope in [PackScope.national, .area("cps-wessex"), .area("cps-mersey-cheshire")] {
                Self.expectSame(try Self.build(sqlite, scope, period), try Self.build(source, scope, period), "\(scope) \(period)")
            }
        }
        let open = PackSettings(suppressBelow: 3, repeatThreshold: 1, showOperators: true)
        for scope in [PackScope.national, .area("hmpps-pg-wales")] {
            let expected = try Self.build(sqlite, scope, "FY2025-26", settings: open)
            #expect(!expected.repeats.isEmpty && expected.current.qaChecks > 0 && expected.current.icoReported > 0)
            Self.expectSame(expected, try Self.build(source, scope, "FY2025-26", settings: open), "\(scope) FY2025-26, repeats")
        }
        // Reporting times asked for alone (the builder asks after the register, whose pass
        // brings them along) are the same too.
        let window = try PackPeriod(parsing: "FY2025-26").window
        func sorted(_ v: [AreaMonthValue]) -> [AreaMonthValue] { v.sorted { ($0.area, $0.month, $0.value) < ($1.area, $1.month, $1.value) } }
        let alone = sorted(try PostgresPackSource(url: db.url).reportingMinutes(in: window))
        let fromFile = sorted(try sqlite.reportingMinutes(in: window))
        #expect(!alone.isEmpty && alone == fromFile)
        _ = try source.registerCells(in: window)
        #expect(sorted(try source.reportingMinutes(in: window)) == alone)
        // An empty period is still a pack that says so, from both.
        let empty = try Self.build(source, .national, "2024-03")
        #expect(empty.isEmpty && empty.notes.contains { $0.hasPrefix("Nothing was recorded") })
        withExtendedLifetime((db, pg)) {}
    }

    /// A log not yet migrated to the pack indexes (`pg-pack-indexes`) gives the same figures by
    /// the slower queries, and the pack says so.
    @Test func withoutThePackIndexesTheFiguresAreTheSame() throws {
        let dir = TempDir()
        let codes = (0..<60).map { i in [i * 7, i, i % 19, i * 5, i, i * 3, i * 11, i * 37 + 1] }
        let (_, store, _) = try Self.sqliteLog(dir, codes: codes)
        let (db, pg) = try Self.postgresCopy(of: store)
        let indexed = try PostgresPackSource(url: db.url)
        let before = try ["2026-Q1", "FY2025-26"].map { try Self.build(indexed, .national, $0) }
        let c = try PGConnection(url: db.url)
        try c.query("DROP INDEX redaction_group")
        try c.query("DROP INDEX entry_corrects")
        c.close()
        let plain = try PostgresPackSource(url: db.url)
        for (period, expected) in zip(["2026-Q1", "FY2025-26"], before) {
            var got = try Self.build(plain, .national, period)
            #expect(got.source.notes.count == 1 && got.notes.last == got.source.notes.first)
            #expect(got.notes.last?.contains("not been migrated to its pack indexes") == true)
            #expect(expected.current.redactions > 0 && got.current == expected.current && got.previous == expected.previous)
            got.notes.removeLast()
            got.source.notes = []
            #expect(PackRenderer.render(got, as: .json, reference: .builtIn) == PackRenderer.render(expected, as: .json, reference: .builtIn))
        }
        withExtendedLifetime((db, pg)) {}
    }

    /// The pack describes the log as it was when the source was opened, however much is
    /// appended while it runs: new disclosures, a correction, a breach update, a QA check.
    @Test func entriesAppendedAfterOpeningAreNotCounted() throws {
        let dir = TempDir()
        let codes = (0..<120).map { i in [i * 7, i, 15 + i % 3, i * 5, i, i * 3, i * 11, i * 37 + 1] }
        let (_, store, _) = try Self.sqliteLog(dir, codes: codes)
        let clock = TestClock(date("2027-01-01T00:00:00Z"))
        let (db, pg) = try Self.postgresCopy(of: store, clock: clock)
        clock.now = date("2026-09-10T10:00:00Z")
        // A breach in the period, so that updating it after opening would move figures.
        let breach = BreachRecord(stage: .nearMiss, type: "failure-to-redact", area: "cps-wessex", unit: "team-1",
                                  becameAwareAt: date("2026-09-09T10:00:00Z"), recordedBy: "op-1")
        try pg.recordBreach(breach)

        let source = try PostgresPackSource(url: db.url)
        let before = try Self.build(source, .national, "2026-09")
        let shared = try #require(pg.disclosures(area: "cps-wessex", since: date("2026-09-01T00:00:00Z"), until: date("2026-10-01T00:00:00Z")).first)

        clock.now = date("2026-09-20T10:00:00Z")
        try pg.recordDisclosure(DisclosureEvent(disclosedAt: clock.now, context: context(area: "cps-wessex"), documentName: "d.pdf",
                                                originalSHA256: hex(90), redactedSHA256: hex(91),
                                                redactions: [RedactionRecord(category: "postcode", rule: "r", start: 0, end: 4, style: "label")]))
        try pg.recordDisclosure(DisclosureEvent(disclosedAt: clock.now, context: context(area: "cps-wessex"), documentName: "d.pdf",
                                                originalSHA256: hex(92), redactedSHA256: hex(93), redactions: [],
                                                corrects: UUID(uuidString: shared.entryID)))
        try pg.updateBreach(id: breach.id, recordedBy: "op-2") { $0.stage = .breach; $0.area = "cps-london-north" }
        try pg.recordQACheck(QACheckRecord(checkedAt: clock.now, area: "cps-wessex", checker: "op-3", documentName: "d.pdf",
                                           originalSHA256: hex(90), redactedSHA256: hex(91), result: .pass, spans: 1,
                                           packVersion: "t1", toolVersion: "t1"))

        let again = try Self.build(source, .national, "2026-09")
        for format in PackFormat.allCases {
            #expect(PackRenderer.render(again, as: format, reference: .builtIn) == PackRenderer.render(before, as: format, reference: .builtIn))
        }
        // A source opened now sees all four entries: the check above could have failed.
        let now = try Self.build(try PostgresPackSource(url: db.url), .national, "2026-09")
        #expect(now.source.entries == before.source.entries + 4)
        #expect(now.current.documentsShared == before.current.documentsShared + 1)
        #expect(now.current.qaChecks == before.current.qaChecks + 1)
        #expect(now.current.nearMisses == before.current.nearMisses - 1 && now.current.breaches == before.current.breaches + 1)
        withExtendedLifetime(db) {}
    }

    @Test func sourcesAreChosenByLocation() throws {
        let dir = TempDir()
        let (path, store, _) = try Self.sqliteLog(dir, codes: [[1, 0, 15, 3, 0, 2, 0, 5]])
        let (db, pg) = try Self.postgresCopy(of: store)
        let fromURL = try PackSources.open(db.url.secretURL)
        let described = try fromURL.describe()
        #expect(fromURL is PostgresPackSource && described.kind == "postgresql" && described.entries == 1)
        let fromStore = try PackSources.open(store: pg)
        #expect(try fromStore.describe() == described)
        let fromPath = try PackSources.open(path)
        let describedFile = try fromPath.describe()
        #expect(fromPath is SQLitePackSource && describedFile.kind == "sqlite")
        let fromFileStore = try PackSources.open(store: store)
        #expect(fromFileStore is SQLitePackSource)

        #expect(throws: ReportError.self) { try PackSources.open("postgres://") }
        #expect(throws: ReportError.self) { try PackSources.open(dir.path("missing.sqlite")) }
        withExtendedLifetime(db) {}
    }

    /// A database with no log is a clear storage error; an empty log gives the empty pack.
    @Test func emptyDatabasesAndEmptyLogs() throws {
        let db = try PostgresTestDatabase()
        do {
            _ = try PostgresPackSource(url: db.url)
            Issue.record("a database without a log opened as a pack source")
        } catch let e as ReportError {
            #expect(e.kind == .storage && e.message.contains("no redact log"))
        }
        // Migrated, nothing appended: the same empty pack as an empty SQLite log.
        let pg = try PostgresLogStore(url: db.url, redactor: plainRedactor)
        let dir = TempDir()
        _ = try makeStore(dir.path("empty.sqlite"), clock: TestClock(date("2026-01-01T00:00:00Z")))
        let expected = try Self.build(try SQLitePackSource(path: dir.path("empty.sqlite")), .national, "2026-Q3")
        let got = try Self.build(try PostgresPackSource(url: db.url), .national, "2026-Q3")
        #expect(got.notes.contains("The log is empty: nothing has been recorded in it yet."))
        Self.expectSame(expected, got, "empty log")
        withExtendedLifetime((db, pg)) {}
    }

    /// A server that cannot be reached is a storage error naming the server, not the password.
    @Test func unreachableServerIsAStorageError() throws {
        let url = try #require(PostgresURL("postgres://redact:s3cret@127.0.0.1:1/none"))
        do {
            _ = try PostgresPackSource(url: url, options: .init(retryDeadline: 0))
            Issue.record("opened a source on a closed port")
        } catch let e as ReportError {
            #expect(e.kind == .storage && e.message.contains("127.0.0.1:1") && !e.description.contains("s3cret"))
        }
    }
}
