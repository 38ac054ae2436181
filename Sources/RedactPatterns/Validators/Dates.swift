/// Dates of birth in the forms people write them.
enum DateCheck {
    /// A real calendar date with a year from 1900 to the current year, written as
    /// `05/07/1964`, `5.7.64`, `05-07-1964`, `1964-07-05`, `5 July 1964`, `5th July 1964`,
    /// `5th of July 1964`, `5 Jul 1964`, `July 5, 1964`. Numeric dates are read day first (UK);
    /// when that is not a date, month first (`07/25/1964`). A two-digit year is the latest
    /// year not in the future (`64` is 1964, `05` is 2005 in 2026).
    static func dateOfBirth(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var nums: (Int, Int, Int) = (0, 0, 0)
        var lens: (Int, Int, Int) = (0, 0, 0)
        var count = 0
        var month = 0, monthAt = -1
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if ASCII.isDigit(b) {
                var v = 0, len = 0
                while i < n, ASCII.isDigit(bytes[i]) {
                    guard len < 4 else { return false }
                    v = v * 10 + Int(bytes[i]) - 48
                    len += 1
                    i += 1
                }
                switch count {
                case 0: (nums.0, lens.0) = (v, len)
                case 1: (nums.1, lens.1) = (v, len)
                case 2: (nums.2, lens.2) = (v, len)
                default: return false
                }
                count += 1
            } else if ASCII.isLetter(b) {
                let start = i
                while i < n, ASCII.isLetter(bytes[i]) { i += 1 }
                let word = UnsafeBufferPointer(rebasing: bytes[start..<i])
                if let m = monthNumber(word) {
                    guard month == 0 else { return false }
                    (month, monthAt) = (m, count)
                } else if isOrdinal(word) {
                    guard count > 0, start > 0, ASCII.isDigit(bytes[start - 1]) else { return false }
                } else if equalsLower(word, "of") {
                    continue
                } else {
                    return false
                }
            } else if b == 0x20 || b == 0x2F || b == 0x2E || b == 0x2D || b == 0x2C || b == 0x09 || b == 0x0A || b == 0x0D {
                i += 1
            } else {
                return false
            }
        }
        if month != 0 {
            guard count == 2, monthAt <= 1, lens.0 <= 2, lens.1 == 4 || lens.1 == 2 else { return false }
            return plausible(day: nums.0, month: month, year: fullYear(nums.1, digits: lens.1))
        }
        guard count == 3 else { return false }
        if lens.0 == 4 {
            guard lens.1 <= 2, lens.2 <= 2 else { return false }
            return plausible(day: nums.2, month: nums.1, year: nums.0)
        }
        guard lens.0 <= 2, lens.1 <= 2, lens.2 == 4 || lens.2 == 2 else { return false }
        let year = fullYear(nums.2, digits: lens.2)
        return plausible(day: nums.0, month: nums.1, year: year) || plausible(day: nums.1, month: nums.0, year: year)
    }

    static func fullYear(_ y: Int, digits: Int) -> Int {
        guard digits == 2 else { return y }
        return y > CalendarRules.currentYear % 100 ? 1900 + y : 2000 + y
    }

    static func plausible(day: Int, month: Int, year: Int) -> Bool {
        guard (1900...CalendarRules.currentYear).contains(year), (1...12).contains(month) else { return false }
        return day >= 1 && day <= CalendarRules.days(inMonth: month, year: year)
    }

    private static let months: [StaticString] = [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ]

    /// 1-12 for a month's full name, its three-letter abbreviation, or `sept`.
    static func monthNumber(_ word: UnsafeBufferPointer<UInt8>) -> Int? {
        guard word.count >= 3 else { return nil }
        for (k, name) in months.enumerated() {
            let full = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
            if word.count == 3 || word.count == full.count || (k == 8 && word.count == 4) {
                guard word.count <= full.count else { continue }
                var same = true
                for j in 0..<word.count where word[j] | 0x20 != full[j] { same = false; break }
                if same { return k + 1 }
            }
        }
        return nil
    }

    private static func isOrdinal(_ w: UnsafeBufferPointer<UInt8>) -> Bool {
        equalsLower(w, "st") || equalsLower(w, "nd") || equalsLower(w, "rd") || equalsLower(w, "th")
    }

    private static func equalsLower(_ w: UnsafeBufferPointer<UInt8>, _ s: StaticString) -> Bool {
        guard w.count == s.utf8CodeUnitCount else { return false }
        let p = s.utf8Start
        for j in 0..<w.count where w[j] | 0x20 != p[j] { return false }
        return true
    }
}
