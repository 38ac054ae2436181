/// DVLA driver numbers (INF45/1; CJS data standard; identifiers.md section 8). The two check
/// characters' algorithm is not public, so this checks the structure.
enum DrivingLicenceCheck {
    /// 16 characters after dropping spaces and hyphens (the card prints `MORGA 657054 SM9IJ`),
    /// optionally followed by the 2-digit issue number (18):
    /// - 1-5 surname: a letter, then letters or the padding 9; once a 9 appears only 9s follow;
    /// - 6 decade digit; 7-8 month 01-12, or 51-62 for women; 9-10 a day valid for that month
    ///   (29 February only when the year digits make a leap year); 11 year digit;
    /// - 12-13 initials: letters or 9, and a 9 first means no initials, so the second is 9 too;
    /// - 14 a digit; 15-16 two check letters; 17-18 the issue number, digits.
    static func dvla(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let c = Compact(bytes, dropping: Separators.spaceHyphen), c.count == 16 || c.count == 18 else { return false }
        let nine = UInt8(ascii: "9")
        guard c.isLetter(0) else { return false }
        var padded = false
        for i in 1..<5 {
            if c[i] == nine { padded = true } else if padded || !c.isLetter(i) { return false }
        }
        guard c.allDigits(5..<11), let month = c.number(6..<8), let day = c.number(8..<10) else { return false }
        let m = month > 50 ? month - 50 : month
        let yy = c.digit(5) * 10 + c.digit(10)
        guard CalendarRules.isValid(day: day, month: m, twoDigitYear: yy), month < 13 || month > 50 else { return false }
        guard c.isLetter(11) || c[11] == nine, c.isLetter(12) || c[12] == nine else { return false }
        if c[11] == nine && c[12] != nine { return false }
        guard c.isDigit(13), c.isLetter(14), c.isLetter(15) else { return false }
        if c.count == 18 { return c.allDigits(16..<18) }
        return true
    }
}
