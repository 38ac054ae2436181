/// Calendar dates as people write them, for planting dates of birth and for checking that a
/// decoy date really is a date (it is a decoy because it lacks birth context, not because it is
/// malformed). Formats: D/M/Y with `/`, `.` or `-` and a 2- or 4-digit year; `3 March 1987`,
/// `3rd Mar 1987`, `March 3, 1987`; ISO `1987-03-12`.
public enum DateParsing {
    public static let months = ["january", "february", "march", "april", "may", "june", "july",
                                "august", "september", "october", "november", "december"]

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// (year, month, day) if `text` is one whole date in a supported format.
    public static func parse(_ text: String) -> (Int, Int, Int)? {
        let t = text.lowercased()
        if let r = numeric(t) { return r }
        return worded(t)
    }

    static func valid(_ y: Int, _ m: Int, _ d: Int) -> (Int, Int, Int)? {
        guard (1...12).contains(m), d >= 1, d <= daysIn(month: m, year: y) else { return nil }
        return (y, m, d)
    }

    static func numeric(_ t: String) -> (Int, Int, Int)? {
        for sep in ["/", ".", "-"] {
            let parts = t.split(separator: Character(sep), omittingEmptySubsequences: false)
            guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { continue }
            let a = Int(parts[0])!, b = Int(parts[1])!, c = Int(parts[2])!
            if parts[0].count == 4 && sep == "-" && parts[1].count == 2 && parts[2].count == 2 {
                return valid(a, b, c)
            }
            guard parts[0].count <= 2, parts[1].count <= 2 else { return nil }
            switch parts[2].count {
            case 4: return valid(c, b, a)
            case 2: return valid(1900 + c, b, a) ?? valid(2000 + c, b, a)
            default: return nil
            }
        }
        return nil
    }

    static func month(_ word: Substring) -> Int? {
        for (i, m) in months.enumerated() where word == m || (word.count == 3 && m.hasPrefix(word)) || (word == "sept" && i == 8) {
            return i + 1
        }
        return nil
    }

    static func day(_ word: Substring) -> Int? {
        var w = word
        for suffix in ["st", "nd", "rd", "th"] where w.hasSuffix(suffix) { w = w.dropLast(2); break }
        guard (1...2).contains(w.count), w.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int(w)
    }

    static func worded(_ t: String) -> (Int, Int, Int)? {
        let w = t.split(separator: " ")
        guard w.count == 3 else { return nil }
        guard w[2].count == 4, w[2].allSatisfy(\.isASCIIDigit), let y = Int(w[2]) else { return nil }
        if let d = day(w[0]), let m = month(w[1]) { return valid(y, m, d) }
        if w[1].hasSuffix(","), let m = month(w[0]), let d = day(w[1].dropLast()) { return valid(y, m, d) }
        return nil
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
