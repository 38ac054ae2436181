import Foundation
import RedactLog

/// A throwaway PostgreSQL database for one test, dropped when the value is released.
///
/// The server comes from `REDACT_TEST_PG_URL` (scripts/test.sh starts one with
/// scripts/pg-server.sh and sets it). Without it the PostgreSQL tests fail with a message that
/// says how to start one, rather than pass without having run: set `REDACT_TEST_PG=skip` to
/// leave them out deliberately on a machine with no server.
public final class PostgresTestDatabase: @unchecked Sendable {
    public let url: PostgresURL
    let server: PostgresURL

    public enum Unavailable: Error, CustomStringConvertible {
        case noServer
        public var description: String {
            "no PostgreSQL server for the tests: run scripts/pg-server.sh start and set REDACT_TEST_PG_URL to the URL it prints (or REDACT_TEST_PG=skip)"
        }
    }

    /// Whether the PostgreSQL tests were deliberately switched off on this machine.
    public static var skipped: Bool { ProcessInfo.processInfo.environment["REDACT_TEST_PG"] == "skip" }

    public init(prefix: String = "redact_test") throws {
        guard let text = ProcessInfo.processInfo.environment["REDACT_TEST_PG_URL"], let server = PostgresURL(text) else {
            throw Unavailable.noServer
        }
        self.server = server
        let name = prefix + "_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try PostgresAdmin.createDatabase(name, on: server)
        url = server.with(database: name)
    }

    deinit { try? PostgresAdmin.dropDatabase(url.database, on: server) }
}
