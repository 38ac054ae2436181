import Foundation

/// UTC timestamps as the log stores them: `YYYY-MM-DDTHH:MM:SS.mmmZ` (always 24 characters).
///
/// Why text and why hand-written: the text sorts in time order, SQLite's date functions and
/// `substr(recorded_at, 1, 7)` (a month) read it directly for the area packs, and it is part of the
/// hashed canonical encoding, so it must be byte-for-byte stable across platforms and Foundation
/// versions. `ISO8601DateFormatter` is also ~50x slower than this on Linux, and appends format
/// two of these per event. Precision is the millisecond; `Date`s are truncated, never rounded.
public enum LogTime {
    /// The earliest date the log accepts (anything earlier is a typing error).
    public static let earliest = Date(timeIntervalSince1970: 0)
    /// How far ahead of the local clock a time may be (clock skew between machines).
    public static let futureTolerance: TimeInterval = 300

    /// Formats `date` as `YYYY-MM-DDTHH:MM:SS.mmmZ`.
    public static func format(_ date: Date) -> String {
        let ms = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        return format(milliseconds: ms)
    }

    /// Formats milliseconds since 1970-01-01T00:00:00Z.
    public static func format(milliseconds ms: Int64) -> String {
        var days = ms / 86_400_000
        var rem = ms % 86_400_000
        if rem < 0 { rem += 86_400_000; days -= 1 }
        let (y, m, d) = civil(fromDays: days)
        let h = Int(rem / 3_600_000), mi = Int(rem / 60_000 % 60), s = Int(rem / 1000 % 60), f = Int(rem % 1000)
        var out = [UInt8]()
        out.reserveCapacity(24)
        func put(_ v: Int, _ width: Int) {
            var digits = [UInt8](repeating: 0x30, count: width)
            var x = v
            for i in stride(from: width - 1, through: 0, by: -1) { digits[i] = UInt8(0x30 + x % 10); x /= 10 }
            out.append(contentsOf: digits)
        }
        put(Int(y), 4); out.append(0x2D); put(m, 2); out.append(0x2D); put(d, 2); out.append(0x54)
        put(h, 2); out.append(0x3A); put(mi, 2); out.append(0x3A); put(s, 2); out.append(0x2E); put(f, 3)
        out.append(0x5A)
        return String(decoding: out, as: UTF8.self)
    }

    /// Parses what a person or an export may write, strictly:
    /// `YYYY-MM-DD` (midnight UTC) or `YYYY-MM-DDTHH:MM[:SS[.fff]]` followed by `Z` or `±HH:MM`.
    ///
    /// A date-time without a zone is refused rather than guessed: in the UK a guess is wrong by an
    /// hour for half the year, and the 72-hour ICO clock is measured from these times. Impossible
    /// dates (`2025-02-30`, hour 24) are refused.
    public static func parse(_ text: String) -> Date? {
        let b = Array(text.utf8)
        var i = 0
        func num(_ width: Int) -> Int? {
            guard i + width <= b.count else { return nil }
            var v = 0
            for k in 0..<width {
                let c = b[i + k]
                guard c >= 0x30 && c <= 0x39 else { return nil }
                v = v * 10 + Int(c - 0x30)
            }
            i += width
            return v
        }
        func lit(_ c: UInt8) -> Bool {
            guard i < b.count, b[i] == c else { return false }
            i += 1
            return true
        }
        guard let y = num(4), lit(0x2D), let mo = num(2), lit(0x2D), let d = num(2) else { return nil }
        guard (1...12).contains(mo), d >= 1, d <= daysIn(month: mo, year: y) else { return nil }
        var ms: Int64 = daysFromCivil(y: Int64(y), m: mo, d: d) * 86_400_000
        if i == b.count { return Date(timeIntervalSince1970: Double(ms) / 1000) }
        guard lit(0x54) || lit(0x20), let h = num(2), lit(0x3A), let mi = num(2) else { return nil }
        var s = 0, frac = 0
        if lit(0x3A) {
            guard let ss = num(2) else { return nil }
            s = ss
            if lit(0x2E) {
                var digits = 0
                while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
                    if digits < 3 { frac = frac * 10 + Int(b[i] - 0x30) }
                    digits += 1; i += 1
                }
                guard digits > 0 else { return nil }
                for _ in min(digits, 3)..<3 { frac *= 10 }
            }
        }
        guard h < 24, mi < 60, s < 60 else { return nil }
        ms += Int64(h) * 3_600_000 + Int64(mi) * 60_000 + Int64(s) * 1000 + Int64(frac)
        if lit(0x5A) {
            // UTC
        } else if i < b.count, b[i] == 0x2B || b[i] == 0x2D {
            let sign: Int64 = b[i] == 0x2B ? 1 : -1
            i += 1
            guard let oh = num(2), lit(0x3A), let om = num(2), oh < 24, om < 60 else { return nil }
            ms -= sign * (Int64(oh) * 3_600_000 + Int64(om) * 60_000)
        } else {
            return nil
        }
        guard i == b.count else { return nil }
        return Date(timeIntervalSince1970: Double(ms) / 1000)
    }

    /// Milliseconds since the epoch, truncated (the precision the log keeps).
    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms).
    static func daysFromCivil(y yy: Int64, m: Int, d: Int) -> Int64 {
        let y = m <= 2 ? yy - 1 : yy
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = Int64((m + 9) % 12)
        let doy = (153 * mp + 2) / 5 + Int64(d) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays z0: Int64) -> (Int64, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = Int(doy - (153 * mp + 2) / 5 + 1)
        let m = Int(mp < 10 ? mp + 3 : mp - 9)
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
