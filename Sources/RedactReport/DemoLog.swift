import Foundation
import RedactLog

/// A seeded generator of realistic log activity for every area, written through RedactLog's own
/// API (`recordDisclosure`, `recordGateFinding`, `recordBreach`, `updateBreach`), so a demo log
/// is a real, verifiable log and the packs made from it exercise exactly the production path.
///
/// What it simulates, month by month for each area of the reference data:
/// - disclosures on working days in office hours, with seasonal dips (August, December) and
///   growth year on year; documents typical of the area's kind (CPS, prison, probation), some
///   shared with two recipients; redaction rows across categories, justifications and styles,
///   a few kept with a reason;
/// - incoming failures to redact found by the gate in material from the area's police forces
///   (some forces worse than others), near misses caught before sharing;
/// - QA second checks of about one disclosure in ten, a few hours to two days later, failing
///   more often in careless areas and hands;
/// - breaches linked to the disclosure that went wrong, assessed and decided on later (new
///   versions), reported to the ICO when serious — most within 72 hours, some late, with a
///   reason — and closed.
///
/// Areas differ in size and in care (a seeded "quality" per area and per operator), so the
/// comparisons and ranks have something to show. Nothing in it is real: case references are
/// `DEMO-…`, operators `op-…`, document names are form names, breach prose is generic.
///
/// The same seed, year and scale give the same activity and the same packs (entry ids of
/// breach versions, the log id and hashes differ between runs).
///
/// ```swift
/// let summary = try DemoLog.generate(path: "demo.sqlite", options: DemoLogOptions(seed: 7))
/// let national = try DemoLog.generate(location: "postgres://redact@127.0.0.1/demo", options: DemoLogOptions(seed: 7))
/// ```
public enum DemoLog {
    /// Writes the demo into the log file at `path`.
    public static func generate(path: String, options: DemoLogOptions,
                                progress: ((_ monthsDone: Int, _ months: Int) -> Void)? = nil) throws -> DemoLogSummary {
        try generate(location: path, options: options, progress: progress)
    }

    /// Writes the demo into the log `location` names: a file path or a `postgres://` URL. The
    /// log must hold no entries yet (simulated time starts before anything a real log holds).
    public static func generate(location: String, options: DemoLogOptions,
                                progress: ((_ monthsDone: Int, _ months: Int) -> Void)? = nil) throws -> DemoLogSummary {
        let started = Date()
        let clock = SimulatedClock(options.firstMonth.start)
        let store = try open(location, options: options, clock: clock)
        guard try store.checkpoint().count == 0 else {
            throw LogError(.conflict, "the log already holds entries: a demo log needs an empty one")
        }
        var sim = Simulation(options: options, store: store, clock: clock)
        let months = options.months
        for (i, month) in months.enumerated() {
            try sim.run(month: month)
            progress?(i + 1, months.count)
        }
        try sim.finish(before: months.last!.adding(1).start)
        var s = sim.summary
        s.seconds = Date().timeIntervalSince(started)
        s.firstMonth = months.first!
        s.lastMonth = months.last!
        return s
    }

    /// The store at `location`, on the simulation's clock.
    static func open(_ location: String, options: DemoLogOptions, clock: SimulatedClock) throws -> any LogStore {
        guard PostgresURL.isPostgres(location) else {
            return try SQLiteLogStore(path: location, reference: options.reference, redactor: demoRedactor,
                                      options: .init(clock: { clock.now }))
        }
        guard let url = PostgresURL(location) else { throw LogError(.invalidInput, "the log URL is not a valid postgres:// URL") }
        return try PostgresLogStore(url: url, reference: options.reference, redactor: demoRedactor,
                                    options: .init(clock: { clock.now }))
    }

    /// Demo text is generated, not typed: it holds no personal data, so it is stored as is (and
    /// the entries say which "scanner" passed it).
    static let demoRedactor = ClosureRedactor(identifier: "demo-generator (synthetic text, not scanned)") { ($0, 0) }
}

public struct DemoLogOptions: Sendable {
    public var seed: UInt64
    /// The calendar year of activity.
    public var year: Int
    /// Months of history before the year (so a pack for the year has comparisons).
    public var historyMonths: Int
    /// Multiplies every volume (1 gives about 9,000 documents a year over all areas, 52 about 10
    /// million redaction rows over two years).
    public var scale: Double
    public var reference: Reference

    public init(seed: UInt64, year: Int = 2026, historyMonths: Int = 12, scale: Double = 1, reference: Reference = .builtIn) {
        self.seed = seed
        self.year = year
        self.historyMonths = historyMonths
        self.scale = scale
        self.reference = reference
    }

    var firstMonth: Month { Month(year: year, month: 1).adding(-historyMonths) }
    var months: [Month] { (0..<(12 + historyMonths)).map { firstMonth.adding($0) } }
}

public struct DemoLogSummary: Sendable, Equatable {
    public var disclosures = 0
    public var redactions = 0
    public var incomingFailures = 0
    public var nearMisses = 0
    public var breaches = 0
    public var breachUpdates = 0
    public var qaChecks = 0
    public var qaFailed = 0
    public var firstMonth = Month(year: 1970, month: 1)
    public var lastMonth = Month(year: 1970, month: 1)
    public var seconds = 0.0

    public var entries: Int { disclosures + incomingFailures + nearMisses + breaches + breachUpdates + qaChecks }
}

/// The store's clock, moved forward by the simulation before each append, so `recorded_at`
/// follows simulated time (and the log's future-date check passes for simulated dates).
final class SimulatedClock: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Date

    init(_ start: Date) { value = start }

    var now: Date {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}
