import Foundation

/// A ``PackDataSource`` that times every call of another one: `redact pack` wraps its source in
/// this when `REDACT_PACK_TIMINGS=1`, to see which aggregate a slow pack spends its time on.
public final class TimedPackSource: PackDataSource, @unchecked Sendable {
    let inner: any PackDataSource
    private let lock = NSLock()
    private var entries: [(String, TimeInterval)] = []

    public init(_ inner: any PackDataSource) {
        self.inner = inner
    }

    /// One line per call, in the order they finished (calls run in parallel, so the times
    /// overlap): `  0.123 s  disclosureCells`.
    public var report: String {
        lock.withLock { entries.map { String(format: "%7.3f s  %@", $0.1, $0.0) }.joined(separator: "\n") }
    }

    func timed<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        let start = Date()
        defer {
            let elapsed = Date().timeIntervalSince(start)
            lock.withLock { entries.append((name, elapsed)) }
        }
        return try body()
    }

    public func describe() throws -> SourceDescription { try timed("describe") { try inner.describe() } }

    public func disclosureCells(in window: TimeWindow, by grouping: DisclosureGrouping, area: String?) throws -> [DisclosureCell] {
        try timed("disclosureCells(\(window.startText.prefix(7))..\(window.endText.prefix(7)), by \(grouping.rawValue), \(area ?? "all"))") {
            try inner.disclosureCells(in: window, by: grouping, area: area)
        }
    }

    public func documentTotals(in window: TimeWindow, area: String?) throws -> [AreaDocuments] {
        try timed("documentTotals(\(window.startText.prefix(7)), \(area ?? "all"))") {
            try inner.documentTotals(in: window, area: area)
        }
    }

    public func redactionCounts(in windows: [TimeWindow], scope: PackScope) throws -> [[RedactionGroup]] {
        try timed("redactionCounts(\(windows.map { $0.startText.prefix(7) }.joined(separator: ",")), \(scope.area ?? "national"))") {
            try inner.redactionCounts(in: windows, scope: scope)
        }
    }

    public func registerCells(in window: TimeWindow) throws -> [RegisterGroup] {
        try timed("registerCells") { try inner.registerCells(in: window) }
    }

    public func reportingMinutes(in window: TimeWindow) throws -> [AreaMonthValue] {
        try timed("reportingMinutes") { try inner.reportingMinutes(in: window) }
    }

    public func repeatBreaches(in window: TimeWindow, minimum: Int) throws -> [RepeatCount] {
        try timed("repeatBreaches") { try inner.repeatBreaches(in: window, minimum: minimum) }
    }
}
