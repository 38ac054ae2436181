import Foundation
import RedactLog

/// Release-mode measurements of the log (not part of the test suite).
///
///   LogBench append PATH N [ROWS]   append N disclosure events of ROWS redactions, one transaction each
///   LogBench verify PATH            time `verify` over the whole log
///   LogBench stress PATH N          append N small events (run several at once for the concurrency check)
///   LogBench writers LOG W N [ROWS] W concurrent writers (threads, each with its own store and
///                                   connection) append N events each; prints the total rate
///
/// PATH or LOG may be a file (SQLite) or a postgres:// URL (the national log).
@main struct Bench {
    static func event(_ k: Int, rows: Int) -> DisclosureEvent {
        let cats = ["nhs_number", "postcode", "person_name", "phone_number", "address"]
        let ctx = LogContext(area: k % 2 == 0 ? "cps-wessex" : "cps-north-east", unit: "unit-\(k % 7)", caseReference: "52AB\(1_000_000 + k % 9_000_000)",
                             operatorID: "op.\(k % 50)", recipient: "defence", packVersion: "uk-1.0.0", toolVersion: "0.1.0")
        let spans = (0..<rows).map { r in
            RedactionRecord(category: cats[r % cats.count], rule: "\(cats[r % cats.count]).r\(r % 3)", start: r * 97, end: r * 97 + 11,
                            style: "black-box", valueHMAC: r % 4 == 0 ? String(repeating: "ab", count: 32) : nil)
        }
        return DisclosureEvent(context: ctx, documentName: "case-file-\(k).txt",
                               originalSHA256: String(repeating: "0", count: 64), redactedSHA256: String(repeating: "f", count: 64),
                               redactions: spans)
    }

    /// CPU seconds (user + system) used by this process so far: on a shared machine, wall time
    /// depends on the neighbours, CPU time much less.
    static func cpu() -> Double {
        var u = rusage()
        getrusage(RUSAGE_SELF.rawValue, &u)
        return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
    }

    static func main() throws {
        let args = CommandLine.arguments
        guard args.count >= 3 else { print("usage: LogBench append|verify|stress PATH [N] [ROWS]"); return }
        let redactor = ClosureRedactor(identifier: "bench-identity") { ($0, 0) }
        func open() throws -> any LogStore {
            if let url = PostgresURL(args[2]) { return try PostgresLogStore(url: url, redactor: redactor) }
            var options = SQLiteLogStore.Options()
            options.verifyParallelism = ProcessInfo.processInfo.environment["VERIFY_PARALLELISM"].flatMap { Int($0) }
            return try SQLiteLogStore(path: args[2], redactor: redactor, options: options)
        }
        let store = try open()
        switch args[1] {
        case "writers":
            let writers = Int(args[3])!, n = Int(args[4])!
            let rows = args.count > 5 ? Int(args[5])! : 20
            let stores = try (0..<writers).map { _ in try open() }
            let events = (0..<writers).map { w in (0..<n).map { event(w * n + $0, rows: rows) } }
            let failures = Failures()
            let t0 = Date(), c0 = cpu()
            DispatchQueue.concurrentPerform(iterations: writers) { w in
                do { for e in events[w] { try stores[w].recordDisclosure(e) } } catch { failures.add("\(error)") }
            }
            let dt = Date().timeIntervalSince(t0), dc = cpu() - c0
            let total = writers * n
            print(String(format: "%d writers appended %d events x %d rows in %.2f s wall (client CPU %.2f s): %.0f events/s", writers, total, rows, dt, dc, Double(total) / dt))
            if !failures.all.isEmpty { print("FAILED: \(failures.all.count) writers: \(failures.all.first!)") }
        case "append", "stress":
            let n = Int(args[3])!
            let rows = args.count > 4 ? Int(args[4])! : (args[1] == "stress" ? 3 : 20)
            let events = (0..<n).map { event($0, rows: rows) }   // built before the clock starts
            let t0 = Date(), c0 = cpu()
            for e in events { try store.recordDisclosure(e) }
            let dt = Date().timeIntervalSince(t0), dc = cpu() - c0
            print(String(format: "appended %d events x %d rows in %.2f s wall, %.2f s CPU: %.0f events/s wall, %.0f events per CPU-second", n, rows, dt, dc, Double(n) / dt, Double(n) / dc))
            if let wal = try? FileManager.default.attributesOfItem(atPath: args[2] + "-wal")[.size] as? Int {
                print("WAL now \(wal) bytes")
            }
        case "verify":
            let t0 = Date(), c0 = cpu()
            let r = try store.verify(against: nil)
            let dt = Date().timeIntervalSince(t0), dc = cpu() - c0
            print(String(format: "verified %lld entries in %.2f s wall, %.2f s CPU: %@", r.entries, dt, dc, r.isValid ? "ok" : "\(r.problem!)"))
        default:
            print("unknown mode")
        }
    }
}

final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ s: String) { lock.withLock { list.append(s) } }
    var all: [String] { lock.withLock { list } }
}
