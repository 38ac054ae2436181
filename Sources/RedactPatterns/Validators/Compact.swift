import Foundation

/// The significant characters of a match, on the stack: separators dropped, ASCII letters
/// uppercased. Holds at most `capacity` bytes; longer input fails normalisation (no identifier
/// we validate is that long), so validators never allocate. (A tuple rather than `InlineArray`,
/// which Apple platforms gate behind OS availability.)
struct Compact {
    static let capacity = 48
    private var storage: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0)
    private(set) var count = 0

    /// Copies `source`, skipping bytes in `separators`. Nil if more than `capacity` remain.
    @inline(__always)
    init?(_ source: UnsafeBufferPointer<UInt8>, dropping separators: ByteSet) {
        var n = 0
        let fits = withUnsafeMutableBytes(of: &storage) { raw -> Bool in
            for b in source where !separators.contains(b) {
                guard n < Self.capacity else { return false }
                raw[n] = ASCII.upper(b)
                n += 1
            }
            return true
        }
        guard fits else { return nil }
        count = n
    }

    /// The byte at `i` (`0 ..< count`).
    @inline(__always) subscript(i: Int) -> UInt8 {
        precondition(i >= 0 && i < Self.capacity)
        return withUnsafeBytes(of: storage) { $0[i] }
    }

    @inline(__always) func isDigit(_ i: Int) -> Bool { ASCII.isDigit(self[i]) }
    @inline(__always) func isLetter(_ i: Int) -> Bool { ASCII.isUpper(self[i]) }
    @inline(__always) func digit(_ i: Int) -> Int { Int(self[i]) - 48 }

    /// The decimal value of `range` if every byte there is a digit.
    func number(_ range: Range<Int>) -> Int? {
        var v = 0
        for i in range {
            guard isDigit(i) else { return nil }
            v = v * 10 + digit(i)
        }
        return v
    }

    /// Whether every byte in `range` is a digit.
    func allDigits(_ range: Range<Int>) -> Bool { range.allSatisfy { isDigit($0) } }
}

/// ASCII byte helpers shared by the validators.
enum ASCII {
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b &- 0x41 < 26 }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b &- 0x61 < 26 }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { isUpper(b) || isLower(b) }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || isLetter(b) }
    @inline(__always) static func upper(_ b: UInt8) -> UInt8 { isLower(b) ? b - 0x20 : b }
    @inline(__always) static func isHex(_ b: UInt8) -> Bool {
        isDigit(b) || (b | 0x20) &- 0x61 < 6
    }
}

/// Separator sets the validators drop before checking.
enum Separators {
    /// Spaces and hyphens, and the line breaks a wrapped line can put inside an identifier.
    static let spaceHyphen = ByteSet(Array(" -\t\r\n".utf8))
    /// Spaces only.
    static let space = ByteSet(Array(" \t\r\n".utf8))
    /// Nothing is dropped.
    static let none = ByteSet()
}

/// The calendar rules the date-bearing identifiers need.
enum CalendarRules {
    /// The current year (UTC), read once.
    static let currentYear: Int = {
        let t = Double(time(nil))
        // Days since the epoch to a civil year (Howard Hinnant's algorithm), no Foundation needed.
        let days = Int((t / 86_400).rounded(.down))
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let month = mp < 10 ? mp + 3 : mp - 9
        return yoe + era * 400 + (month <= 2 ? 1 : 0)
    }()

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    /// Days in `month` (1-12) of `year`; February has 29 when the year is unknown (nil).
    static func days(inMonth month: Int, year: Int?) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return year.map { isLeap($0) ? 29 : 28 } ?? 29
        default: return 0
        }
    }

    /// Whether day/month is a real date; with a two-digit year, 29 February is allowed when the
    /// year is a leap year in either century (00 is 2000, a leap year).
    static func isValid(day: Int, month: Int, twoDigitYear yy: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        if month == 2 && day == 29 { return yy % 4 == 0 }
        return day <= days(inMonth: month, year: nil)
    }
}
