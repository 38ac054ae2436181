import Foundation
import RedactLog

/// The period a pack covers: a month (`2026-09`), a calendar quarter (`2026-Q3`) or a financial
/// year (`FY2026-27`, 1 April 2026 to 31 March 2027).
///
/// Periods run on UTC calendar boundaries because the log's timestamps are UTC: the pack for
/// `2026-09` counts exactly the entries `redact log export --since 2026-09-01 --until 2026-10-01`
/// writes, so anyone can check a figure against the export. (A disclosure at 00:30 BST on
/// 1 October is 23:30 UTC on 30 September and counts in September.)
///
/// Every period is a whole number of months, so monthly series add up to period totals.
///
/// ```swift
/// let q = try PackPeriod(parsing: "2026-Q3")
/// q.previous.code    // "2026-Q2"
/// q.yearBefore.code  // "2025-Q3"
/// q.months.count     // 3
/// ```
public struct PackPeriod: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case month
        case quarter
        case financialYear = "financial-year"
    }

    public let kind: Kind
    /// The first month of the period.
    public let first: Month
    /// How many months it spans (1, 3 or 12).
    public var length: Int {
        switch kind {
        case .month: 1
        case .quarter: 3
        case .financialYear: 12
        }
    }

    init(kind: Kind, first: Month) {
        self.kind = kind
        self.first = first
    }

    /// Parses `YYYY-MM`, `YYYY-Qn` or `FYYYYY-YY`.
    public init(parsing text: String) throws {
        let t = text.trimmingCharacters(in: .whitespaces)
        let u = Array(t.utf8)
        func digits(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= u.count, r.allSatisfy({ u[$0] >= 0x30 && u[$0] <= 0x39 }) else { return nil }
            return r.reduce(0) { $0 * 10 + Int(u[$1] - 0x30) }
        }
        let usage = "expected a month (2026-09), a quarter (2026-Q3) or a financial year (FY2026-27)"
        if u.count == 7, u[4] == 0x2D, let y = digits(0..<4), let m = digits(5..<7) {
            guard (1...12).contains(m) else { throw ReportError(.invalidPeriod, "period \(t): no month \(m); \(usage)") }
            self.init(kind: .month, first: Month(year: y, month: m))
        } else if u.count == 7, u[4] == 0x2D, u[5] == 0x51 || u[5] == 0x71, let y = digits(0..<4), let q = digits(6..<7) {
            guard (1...4).contains(q) else { throw ReportError(.invalidPeriod, "period \(t): no quarter \(q); \(usage)") }
            self.init(kind: .quarter, first: Month(year: y, month: 3 * (q - 1) + 1))
        } else if u.count == 9, u[0] == 0x46 || u[0] == 0x66, u[1] == 0x59 || u[1] == 0x79, u[6] == 0x2D,
                  let y = digits(2..<6), let yy = digits(7..<9) {
            guard (y + 1) % 100 == yy else {
                throw ReportError(.invalidPeriod, "period \(t): a financial year runs into the next year (FY\(y)-\(String(format: "%02d", (y + 1) % 100)))")
            }
            self.init(kind: .financialYear, first: Month(year: y, month: 4))
        } else {
            throw ReportError(.invalidPeriod, "period \(LogSafe.show(t)): \(usage)")
        }
        guard (1970...9998).contains(first.year) else { throw ReportError(.invalidPeriod, "period \(t): year out of range") }
    }

    /// The canonical code: `2026-09`, `2026-Q3`, `FY2026-27`.
    public var code: String {
        switch kind {
        case .month: return first.code
        case .quarter: return "\(first.year)-Q\((first.month - 1) / 3 + 1)"
        case .financialYear: return "FY\(first.year)-\(String(format: "%02d", (first.year + 1) % 100))"
        }
    }

    public var description: String { code }

    /// For people: `September 2026`, `July to September 2026`, `April 2026 to March 2027`.
    public var label: String {
        switch kind {
        case .month: return first.longLabel
        case .quarter: return "\(first.monthName) to \(last.monthName) \(first.year)"
        case .financialYear: return "financial year \(first.year)-\(String(format: "%02d", (first.year + 1) % 100)) (April \(first.year) to March \(first.year + 1))"
        }
    }

    /// The months of the period, in order.
    public var months: [Month] { (0..<length).map { first.adding($0) } }
    public var last: Month { first.adding(length - 1) }

    /// The period as a time window `[start, end)` in UTC.
    public var window: TimeWindow { TimeWindow(start: first.start, end: last.adding(1).start) }

    /// The period of the same kind just before this one.
    public var previous: PackPeriod { PackPeriod(kind: kind, first: first.adding(-length)) }

    /// The same period a year earlier (for a financial year, the same as ``previous``).
    public var yearBefore: PackPeriod { PackPeriod(kind: kind, first: first.adding(-12)) }

    /// The twelve months ending with the period's last month: the trend charts' range.
    public var trendMonths: [Month] { (0..<12).map { last.adding($0 - 11) } }
}

/// One calendar month (UTC).
public struct Month: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    /// 1 to 12.
    public let month: Int

    public init(year: Int, month: Int) {
        precondition((1...12).contains(month), "month out of range")
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM`, the first seven characters of a log timestamp.
    public init?(code: String) {
        let u = Array(code.utf8)
        guard u.count >= 7, u[4] == 0x2D else { return nil }
        var y = 0, m = 0
        for i in 0..<4 { guard u[i] >= 0x30 && u[i] <= 0x39 else { return nil }; y = y * 10 + Int(u[i] - 0x30) }
        for i in 5..<7 { guard u[i] >= 0x30 && u[i] <= 0x39 else { return nil }; m = m * 10 + Int(u[i] - 0x30) }
        guard (1...12).contains(m) else { return nil }
        self.init(year: y, month: m)
    }

    public static func < (a: Month, b: Month) -> Bool { (a.year, a.month) < (b.year, b.month) }

    /// `2026-09`: the prefix of every log timestamp in the month.
    public var code: String { String(format: "%04d-%02d", year, month) }
    public var description: String { code }

    static let names = ["January", "February", "March", "April", "May", "June", "July", "August",
                        "September", "October", "November", "December"]

    public var monthName: String { Self.names[month - 1] }
    /// `September 2026`.
    public var longLabel: String { "\(monthName) \(year)" }
    /// `Sep 2026`, for chart axes.
    public var shortLabel: String { "\(monthName.prefix(3)) \(year)" }

    /// The month `n` months later (earlier when negative).
    public func adding(_ n: Int) -> Month {
        let index = year * 12 + (month - 1) + n
        return Month(year: index / 12, month: index % 12 + 1)
    }

    /// Midnight UTC on the first day.
    public var start: Date {
        var c = DateComponents()
        c.year = year
        c.month = month
        c.day = 1
        return Self.utc.date(from: c)!
    }

    static let utc: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()
}

/// A half-open time range `[start, end)`, compared with the log's UTC text timestamps.
public struct TimeWindow: Sendable, Hashable {
    public let start: Date
    public let end: Date

    public init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }

    /// The bounds as the log writes timestamps (`2026-09-01T00:00:00.000Z`), so a text comparison
    /// in SQL selects exactly the entries in the window.
    public var startText: String { LogTime.format(start) }
    public var endText: String { LogTime.format(end) }

    /// The smallest window that covers both.
    public func union(_ other: TimeWindow) -> TimeWindow {
        TimeWindow(start: min(start, other.start), end: max(end, other.end))
    }
}
