/// NHS number (England, Wales, Isle of Man), CHI (Scotland) and H&C (Northern Ireland): ten
/// digits, the tenth a modulus-11 check digit (NHS Data Dictionary; identifiers.md section 2).
enum HealthNumbers {
    /// Ten digits after dropping spaces and hyphens, and a correct modulus-11 check digit:
    /// weights 10...2 on digits 1-9, check = 11 - (sum mod 11), 11 means 0, 10 means invalid.
    /// Issued ranges are not checked (identifiers.md edge case 2: ranges are for confidence only).
    static func nhs(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let c = Compact(bytes, dropping: Separators.spaceHyphen) else { return false }
        return mod11(c)
    }

    /// CHI: the NHS modulus-11 check, and the first six digits are a real date DDMMYY.
    static func chi(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let c = Compact(bytes, dropping: Separators.spaceHyphen), mod11(c) else { return false }
        return CalendarRules.isValid(day: c.digit(0) * 10 + c.digit(1),
                                     month: c.digit(2) * 10 + c.digit(3),
                                     twoDigitYear: c.digit(4) * 10 + c.digit(5))
    }

    /// H&C: the NHS modulus-11 check, and the first nine digits in 320 000 001 ... 399 999 999.
    static func hc(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let c = Compact(bytes, dropping: Separators.spaceHyphen), mod11(c),
              let first9 = c.number(0..<9) else { return false }
        return (320_000_001...399_999_999).contains(first9)
    }

    static func mod11(_ c: Compact) -> Bool {
        guard c.count == 10, c.allDigits(0..<10) else { return false }
        var sum = 0
        for i in 0..<9 { sum += c.digit(i) * (10 - i) }
        var check = 11 - sum % 11
        if check == 11 { check = 0 }
        return check != 10 && check == c.digit(9)
    }
}
