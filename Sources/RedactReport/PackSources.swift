import Foundation
import RedactLog

/// Chooses the pack source for a log: ``PostgresPackSource`` for a `postgres://` URL or a
/// PostgreSQL store, ``SQLitePackSource`` for a file. `redact pack` and `redact serve` call this
/// rather than naming a backend.
///
/// ```swift
/// let source = try PackSources.open("postgres://reports@db.internal/redact") { note in print(note) }
/// let pack = try PackBuilder(reference: .builtIn).build(request, from: source)
/// ```
public enum PackSources {
    /// Opens the log `location` names (a `--log` value) for packs. `createIndexes` lets a
    /// SQLite source add its pack indexes to a writable file (a PostgreSQL log has them from its
    /// migrations). `note` receives a line for the person running the command when opening did
    /// something worth saying (created the SQLite indexes).
    public static func open(_ location: String, createIndexes: Bool = true,
                            note: ((String) -> Void)? = nil) throws -> any PackDataSource {
        if PostgresURL.isPostgres(location) {
            guard let url = PostgresURL(location) else {
                throw ReportError(.storage, "the log URL is not a valid postgres:// URL (postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE)")
            }
            return try PostgresPackSource(url: url)
        }
        let source = try SQLitePackSource(path: location, options: .init(createIndexes: createIndexes))
        if let line = source.indexNote { note?(line) }
        return source
    }

    /// The pack source over an open store (`redact serve`): a PostgreSQL store's connections are
    /// shared, a SQLite store's file is opened for reading.
    public static func open(store: any LogStore, createIndexes: Bool = true) throws -> any PackDataSource {
        if let pg = store as? PostgresLogStore { return try PostgresPackSource(store: pg) }
        if let file = store as? SQLiteLogStore {
            return try SQLitePackSource(path: file.path, options: .init(createIndexes: createIndexes))
        }
        throw ReportError(.storage, "packs are made from a SQLite or PostgreSQL log")
    }
}
