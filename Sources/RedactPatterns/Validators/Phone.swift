/// UK telephone numbers (Ofcom National Telephone Numbering Plan; identifiers.md section 11).
enum PhoneCheck {
    /// Normalise to the national significant number (NSN): `+44`, `0044` or the trunk `0`
    /// removed, `(0)` after a country code dropped, separators (space, hyphen, dot, brackets)
    /// ignored. Then, by the plan's lengths:
    /// - 10 digits starting 1, 2, 3, 5, 7, 8 or 9;
    /// - 9 digits starting 1 (areas with 5-digit local numbers, `016977 xxxx`) or 800 (legacy freephone);
    /// - 7 digits starting 800 or 845 (`0800 1111`, `0845 4647`).
    /// Unallocated and drama ranges (`07700 900123`, `020 7946 0018`) are accepted on purpose.
    static func ukPhone(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        while start < bytes.count, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "(") { start += 1 }
        guard start < bytes.count else { return false }
        let plus = bytes[start] == UInt8(ascii: "+")
        guard let c = Compact(UnsafeBufferPointer(rebasing: bytes[start...]), dropping: separators),
              c.count >= 8, c.allDigits(0..<c.count) else { return false }
        var i: Int
        if plus || (c[0] == UInt8(ascii: "0") && c[1] == UInt8(ascii: "0")) {
            i = plus ? 0 : 2
            guard c[i] == UInt8(ascii: "4"), c[i + 1] == UInt8(ascii: "4") else { return false }
            i += 2
            if i < c.count && c[i] == UInt8(ascii: "0") { i += 1 }  // +44 (0)20 ...
        } else {
            guard c[0] == UInt8(ascii: "0") else { return false }
            i = 1
        }
        let n = c.count - i
        // No national number starts 0, and none starts 10 (there is no 010 area code).
        guard n >= 7, c[i] != UInt8(ascii: "0"), !(c[i] == UInt8(ascii: "1") && c[i + 1] == UInt8(ascii: "0")) else { return false }
        let first = c[i]
        switch n {
        case 10:
            return tenDigitFirst.contains(first)
        case 9:
            return first == UInt8(ascii: "1") || starts(c, i, "800")
        case 7:
            return starts(c, i, "800") || starts(c, i, "845")
        default:
            return false
        }
    }

    private static let separators = ByteSet(Array(" -.()+\t".utf8))
    private static let tenDigitFirst = ByteSet(Array("1235789".utf8))

    private static func starts(_ c: Compact, _ i: Int, _ prefix: StaticString) -> Bool {
        let p = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        guard c.count - i >= p.count else { return false }
        for k in 0..<p.count where c[i + k] != p[k] { return false }
        return true
    }
}
