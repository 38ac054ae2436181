import Foundation

/// Small-number suppression for publication, and the number formats every renderer shares.
///
/// Departmental statistics hide small counts so that a published figure cannot point at a
/// person (domain notes, section 5: fewer than 5 is normal practice). With a threshold N,
/// counts from 1 to N-1 show as `<N` (in JSON: `null`); zero stays zero, because "none" reveals
/// no one. A rate or median computed from a hidden count is hidden with it, or the count could
/// be worked back out. This is primary suppression only: where a total and all but one of its
/// parts are shown, the hidden part can be recovered by subtraction, so a pack for publication
/// should be reviewed by whoever signs it off.
public struct Suppression: Sendable, Equatable {
    /// Counts in `1..<below` are hidden; nil hides nothing.
    public let below: Int?

    public init(below: Int?) {
        self.below = below.flatMap { $0 > 1 ? $0 : nil }
    }

    public func hides(_ n: Int) -> Bool {
        guard let below else { return false }
        return n > 0 && n < below
    }

    /// `12,345`, or `<5` when hidden.
    public func count(_ n: Int) -> String {
        hides(n) ? "<\(below!)" : NumberFormat.grouped(n)
    }

    /// A count for a CSV cell: plain digits, or `<5`.
    public func plain(_ n: Int) -> String {
        hides(n) ? "<\(below!)" : String(n)
    }

    /// A count for JSON: the number, or null when hidden.
    public func json(_ n: Int) -> JSONValue {
        hides(n) ? .null : .int(n)
    }

    /// A derived figure, hidden when the count it comes from is hidden.
    public func derived(_ x: Double?, from n: Int) -> Double? {
        hides(n) ? nil : x
    }
}

/// Number formatting for people (the JSON writes plain numbers instead).
public enum NumberFormat {
    /// `1234567` → `1,234,567`.
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// A decimal with `places` digits after the point (`2.35`), grouping the integer part.
    public static func decimal(_ x: Double, places: Int = 1) -> String {
        let scale = pow(10, Double(places))
        let rounded = (x * scale).rounded() / scale
        let whole = Int(rounded.rounded(.towardZero))
        guard places > 0 else { return grouped(Int(rounded)) }
        let frac = Int((abs(rounded - Double(whole)) * scale).rounded())
        let sign = rounded < 0 && whole == 0 ? "-" : ""
        return sign + grouped(whole) + "." + String(repeating: "0", count: max(0, places - String(frac).count)) + String(frac)
    }

    /// `87.5%`.
    public static func percent(_ x: Double) -> String { decimal(x, places: 1) + "%" }

    /// The change from `old` to `new` as text: `+12%`, `−5%`, `no change`, `new` (from zero).
    public static func change(from old: Double?, to new: Double?) -> String {
        guard let old, let new else { return "–" }
        if old == new { return "no change" }
        if old == 0 { return "up from 0" }
        let pct = (new - old) / old * 100
        let text = decimal(abs(pct), places: abs(pct) < 10 ? 1 : 0) + "%"
        return (pct > 0 ? "+" : "−") + text
    }

    /// An ISO date (`2026-11-21`) for headers.
    public static func day(_ d: Date) -> String { String(LogTimeText.format(d).prefix(10)) }
}

/// The log's timestamp format, reused for the pack's "generated at".
enum LogTimeText {
    static func format(_ d: Date) -> String {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        let p = c.dateComponents([.year, .month, .day, .hour, .minute, .second], from: d)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", p.year!, p.month!, p.day!, p.hour!, p.minute!, p.second!)
    }
}
