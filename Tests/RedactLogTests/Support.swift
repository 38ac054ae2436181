import Foundation
import GRDB
@testable import RedactLog

/// A temporary directory removed when the value is released.
final class TempDir: @unchecked Sendable {
    let url: URL
    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("redactlog-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// Values planted in test input that must never reach the log, an export or an error message.
enum Planted {
    static let nhs = "943 476 5919"
    static let name = "Perpetua Quibbleworth"
    static let postcode = "SW1A 2AA"
    static let phone = "07700 900461"
    static let all = [nhs, name, postcode, phone]
}

/// A stand-in for the scanner: replaces each planted value with `[REDACTED]` and counts them.
let testRedactor = ClosureRedactor(identifier: "test-redactor 1") { text in
    var out = text
    var n = 0
    for p in Planted.all {
        let parts = out.components(separatedBy: p)
        n += parts.count - 1
        out = parts.joined(separator: "[REDACTED]")
    }
    return (out, n)
}

/// A settable clock for tests of the 72-hour logic.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var now: Date
    init(_ now: Date) { self.now = now }
    func get() -> Date { lock.withLock { now } }
    func set(_ d: Date) { lock.withLock { now = d } }
    func advance(hours: Double) { lock.withLock { now = now.addingTimeInterval(hours * 3600) } }
}

func date(_ s: String) -> Date { LogTime.parse(s)! }

func makeStore(_ dir: TempDir, _ name: String = "log.sqlite", clock: TestClock? = nil,
               redactor: (any FreeTextRedactor)? = testRedactor) throws -> SQLiteLogStore {
    var options = SQLiteLogStore.Options()
    if let clock { options.clock = { clock.get() } }
    return try SQLiteLogStore(path: dir.path(name), redactor: redactor, options: options)
}

let context = LogContext(area: "cps-wessex", unit: "magistrates-unit-1", caseReference: "52AB1234567",
                         operatorID: "op.1042", recipient: "defence", packVersion: "uk-1.0.0", toolVersion: "0.1.0")

let zeroHash = String(repeating: "0", count: 64)
let oneHash = String(repeating: "1", count: 64)

func event(redactions: Int = 3, document: String = "mg11-statement.txt", context ctx: LogContext = context,
           at: Date = Date()) -> DisclosureEvent {
    let categories = ["nhs_number", "postcode", "person_name", "phone_number"]
    let rows = (0..<redactions).map { k in
        RedactionRecord(category: categories[k % categories.count], rule: "\(categories[k % categories.count]).r\(k % 3)",
                        start: k * 40, end: k * 40 + 12, style: "black-box")
    }
    return DisclosureEvent(disclosedAt: at, context: ctx, documentName: document, originalSHA256: zeroHash,
                           redactedSHA256: oneHash, redactions: rows)
}

extension SQLiteLogStore {
    /// Runs raw SQL on the log, as a tamperer with `sqlite3` would.
    func tamper(_ sql: String) throws {
        try writer.writeWithoutTransaction { db in try db.execute(sql: sql) }
    }
}
