import Foundation
import RedactTestSupport
import Testing
@testable import RedactLog

/// The implementations of ``LogStore`` that every test of the log's behaviour runs against, as
/// ripgrep runs each test with every regex engine: `@Test(arguments: Backend.allCases)`.
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    /// Both, unless the PostgreSQL tests were switched off on purpose (`REDACT_TEST_PG=skip`).
    static var allCases: [Backend] { PostgresTestDatabase.skipped ? [.sqlite] : [.sqlite, .postgres] }

    var testDescription: String { rawValue }

    /// A new, empty log of this kind (a file in a temporary directory, or a throwaway database).
    func makeLog(clock: TestClock? = nil, redactor: (any FreeTextRedactor)? = testRedactor) throws -> TestLog {
        switch self {
        case .sqlite: try TestLog(storage: .file(TempDir()), clock: clock, redactor: redactor)
        case .postgres: try TestLog(storage: .database(try PostgresTestDatabase()), clock: clock, redactor: redactor)
        }
    }
}
