import Foundation
import GRDB
import GRDBSQLite

/// Binding and stepping GRDB's cached statements through SQLite's C API, for the append path.
///
/// Why: building GRDB `StatementArguments` for 20+ rows per event cost a fifth of the append
/// time (key paths, generic metadata, boxing each value) in a profile of the 5,000 events/s
/// target. The statements stay GRDB's (prepared, cached and finalized by GRDB); only binding
/// and stepping are done here. Errors become `DatabaseError`s, so ``LogError/storage(_:doing:)``
/// maps them like any other.
enum SQLiteRaw {
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    private static let empty: [CChar] = [0]

    static func bind(_ h: OpaquePointer, _ index: Int32, _ value: LogValue) {
        switch value {
        case .null:
            sqlite3_bind_null(h, index)
        case .int(let x):
            sqlite3_bind_int64(h, index, x)
        case .text(var s):
            _ = s.withUTF8 { buf in
                if buf.isEmpty {
                    // A nil pointer would bind NULL, not the empty string.
                    empty.withUnsafeBufferPointer { sqlite3_bind_text(h, index, $0.baseAddress, 0, transient) }
                } else {
                    buf.withMemoryRebound(to: CChar.self) { sqlite3_bind_text(h, index, $0.baseAddress, Int32(buf.count), transient) }
                }
            }
        }
    }

    /// Steps a bound statement to completion and resets it.
    static func run(_ db: Database, _ statement: Statement) throws {
        let h = statement.sqliteStatement
        let rc = sqlite3_step(h)
        guard rc == SQLITE_DONE else {
            let code = sqlite3_extended_errcode(db.sqliteConnection)
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            sqlite3_reset(h)
            throw DatabaseError(resultCode: ResultCode(rawValue: code == 0 ? rc : code), message: message, sql: statement.sql)
        }
        sqlite3_reset(h)
    }
}

extension UUID {
    /// A version 7 UUID (RFC 9562): 48 bits of Unix milliseconds, then random bits.
    ///
    /// Entry ids are made this way so that new ids sort after old ones: the `entry_id` index then
    /// grows at its right edge, and an append touches one index page instead of a random one
    /// (which, in a log of millions of entries, is a page read and a page write per append).
    public static func timeOrdered(_ date: Date = Date()) -> UUID {
        var rng = SystemRandomNumberGenerator()
        let ms = UInt64(max(0, date.timeIntervalSince1970 * 1000))
        let r1 = rng.next() as UInt64, r2 = rng.next() as UInt64
        var b = [UInt8](repeating: 0, count: 16)
        for i in 0..<6 { b[i] = UInt8(ms >> UInt64(8 * (5 - i)) & 0xFF) }
        b[6] = 0x70 | UInt8(r1 & 0x0F)
        b[7] = UInt8(r1 >> 8 & 0xFF)
        b[8] = 0x80 | UInt8(r2 & 0x3F)
        for i in 9..<16 { b[i] = UInt8(r2 >> UInt64(8 * (i - 8)) & 0xFF) }
        return UUID(uuid: (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]))
    }
}
