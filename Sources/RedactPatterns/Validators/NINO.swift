/// National Insurance numbers (HMRC NIM39110; identifiers.md section 1). No check digit: the
/// prefix rules and the suffix are the whole validation.
enum NINOCheck {
    /// Letters never used in either prefix position.
    private static let neverInPrefix = ByteSet(Array("DFIQUV".utf8))
    /// Prefixes HMRC does not use.
    private static let forbidden: Set<UInt16> = pairs(["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"])
    /// Administrative prefixes (not issued as NINOs, but they identify someone's account).
    private static let administrative: Set<UInt16> = pairs(["OO", "CR", "FY", "MW", "NC", "PP", "PY", "PZ"])

    /// Two prefix letters under HMRC's rules (D F I Q U V never; O never second; BG GB KN NK NT
    /// TN ZZ never), six digits, and a suffix A-D. Without a suffix (8 characters) it is accepted
    /// too: the CJS standard allows a blank suffix, and the pack's rule for that form needs context.
    /// The specimen prefix `QQ` fails the letter rule, so `QQ 12 34 56 C` is never found.
    static func standard(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let c = Compact(bytes, dropping: Separators.spaceHyphen), c.count == 9 || c.count == 8,
              c.isLetter(0), c.isLetter(1), c.allDigits(2..<8) else { return false }
        let (a, b) = (c[0], c[1])
        if neverInPrefix.contains(a) || neverInPrefix.contains(b) || b == UInt8(ascii: "O") { return false }
        if forbidden.contains(pair(a, b)) { return false }
        if c.count == 9 { return c[8] &- UInt8(ascii: "A") < 4 }
        return true
    }

    /// Temporary numbers: `TN`, a real date of birth DDMMYY, then `M` or `F` (`TN310855M`).
    static func temporary(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let c = Compact(bytes, dropping: Separators.spaceHyphen), c.count == 9,
              c[0] == UInt8(ascii: "T"), c[1] == UInt8(ascii: "N"), c.allDigits(2..<8),
              c[8] == UInt8(ascii: "M") || c[8] == UInt8(ascii: "F") else { return false }
        return CalendarRules.isValid(day: c.digit(2) * 10 + c.digit(3), month: c.digit(4) * 10 + c.digit(5),
                                     twoDigitYear: c.digit(6) * 10 + c.digit(7))
    }

    /// Administrative prefixes OO CR FY MW NC PP PY PZ + six digits + a suffix: A-D, or the
    /// historic F M P (NC numbers end in the sex). HMRC's scheme dummy `PP999999P` is refused.
    static func administrative(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let c = Compact(bytes, dropping: Separators.spaceHyphen), c.count == 9,
              c.isLetter(0), c.isLetter(1), c.allDigits(2..<8),
              administrative.contains(pair(c[0], c[1])) else { return false }
        // PP999999P is HMRC's dummy for pension schemes: no one's number.
        if c[0] == UInt8(ascii: "P"), c[1] == UInt8(ascii: "P"), c.number(2..<8) == 999_999 { return false }
        switch c[8] {
        case UInt8(ascii: "A")...UInt8(ascii: "D"), UInt8(ascii: "F"), UInt8(ascii: "M"), UInt8(ascii: "P"): return true
        default: return false
        }
    }

    @inline(__always) private static func pair(_ a: UInt8, _ b: UInt8) -> UInt16 { UInt16(a) << 8 | UInt16(b) }
    private static func pairs(_ list: [String]) -> Set<UInt16> {
        Set(list.map { let u = Array($0.utf8); return pair(u[0], u[1]) })
    }
}
