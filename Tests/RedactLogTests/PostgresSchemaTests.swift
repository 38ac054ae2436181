import Foundation
import PostgresNIO
import RedactTestSupport
import Testing
@testable import RedactLog

/// What PostgreSQL actually created equals what the chain hashes (``Schema``), as `SchemaTests`
/// checks for SQLite: a column the migrations add but ``Schema`` omits would be stored unhashed.
@Suite(.enabled(if: !PostgresTestDatabase.skipped)) struct PostgresSchemaTests {
    struct Column: Equatable, CustomStringConvertible {
        var name: String
        var type: String
        var nullable: Bool
        var description: String { "\(name) \(type)\(nullable ? "" : " NOT NULL")" }
    }

    static func column(_ name: String, _ kind: Schema.Kind, nullable: Bool) -> Column {
        Column(name: name, type: kind == .integer ? "bigint" : "text", nullable: nullable)
    }

    /// The columns of `table` as information_schema lists them, in ordinal order, and the
    /// collation of each text column.
    static func columns(_ c: PGConnection, _ table: String) throws -> (columns: [Column], collations: Set<String>) {
        let rows = try c.query("""
            SELECT column_name, data_type, is_nullable, collation_name FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position
            """, [.text(table)])
        var collations: Set<String> = []
        let columns = try rows.map { row in
            let (name, type, nullable, collation) = try row.decode((String, String, String, String?).self)
            if type == "text" { collations.insert(collation ?? "(default)") }
            return Column(name: name, type: type, nullable: nullable == "YES")
        }
        return (columns, collations)
    }

    @Test func migrationsCreateExactlyTheColumnsTheChainHashes() throws {
        let db = try PostgresTestDatabase()
        let store = try PostgresLogStore(url: db.url)
        defer { store.close() }
        try store.pool.withConnection { c in
            let entry = try Self.columns(c, "entry")
            let expected = [Self.column("seq", .integer, nullable: false)]
                + Schema.entryContent.columns.map { Self.column($0.name, $0.kind, nullable: $0.nullable) }
                + Schema.entryLink.columns.dropFirst().map { Self.column($0.name, $0.kind, nullable: $0.nullable) }
                + [Self.column("hash", .text, nullable: false)]
            #expect(entry.columns == expected)
            #expect(entry.columns.map(\.name) == SQLiteLogStore.entryColumns)
            // Byte order, as SQLite compares: time windows and sort orders agree between backends.
            #expect(entry.collations == ["C"])
            for t in Schema.children {
                let found = try Self.columns(c, t.name)
                let expected = [Self.column("seq", .integer, nullable: false)]
                    + t.columns.map { Self.column($0.name, $0.kind, nullable: $0.nullable) }
                #expect(found.columns == expected, "\(t.name)")
                #expect(found.collations == ["C"], "\(t.name)")
            }
        }
    }

    /// SQLite's migrations, in order, plus PostgreSQL's own (`pg-...`, indexes only: the column
    /// test above would catch a table or column).
    @Test func theMigrationsAreSQLitesUnderTheSameIdentifiers() throws {
        let sqliteOnes = { (ids: [String]) in ids.filter { !$0.hasPrefix(PostgresMigrations.postgresOnlyPrefix) } }
        #expect(sqliteOnes(PostgresMigrations.log.migrations.map(\.identifier)) == Migrations.migrator.migrations)
        #expect(PostgresMigrations.log.set == "log")
        let db = try PostgresTestDatabase()
        let store = try PostgresLogStore(url: db.url)
        defer { store.close() }
        let applied = try store.pool.withConnection { c in
            try c.query("SELECT identifier FROM redact_migration WHERE set_name = 'log'").map { try $0.decode(String.self) }
        }
        #expect(applied.sorted() == PostgresMigrations.log.migrations.map(\.identifier).sorted())
        #expect(sqliteOnes(applied).sorted() == Migrations.migrator.migrations.sorted())
    }

    /// The append-only triggers refuse TRUNCATE as well as UPDATE and DELETE (`SchemaTests` checks
    /// those on both backends; SQLite has no TRUNCATE), and the access table, outside the chain,
    /// stays writable.
    @Test func theChainedTablesRefuseTruncate() throws {
        let log = try Backend.postgres.makeLog()
        try log.recordEveryKindOfRow()
        try log.createAccessToken(name: "a", role: "national", area: nil, sha256: zeroHash)
        let counts = try SchemaTests.tables.map { try log.count($0) }
        for t in SchemaTests.tables {
            #expect(try log.refusal("TRUNCATE \(t) CASCADE") == "the redact log is append-only", "\(t)")
        }
        #expect(try SchemaTests.tables.map { try log.count($0) } == counts)
        #expect(try log.verify().isValid)
        #expect(try log.refusal("TRUNCATE access_token") == nil)
    }
}
