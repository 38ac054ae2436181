/// Current-style vehicle registration marks (DVLA INF104; identifiers.md section 9).
enum VehicleCheck {
    private static let notInTag = ByteSet(Array("IQZ".utf8))
    private static let notInRandom = ByteSet(Array("IQ".utf8))

    /// `AB12 CDE`: a 2-letter memory tag without I, Q or Z; an age identifier that has been
    /// issued (March plates 02 up to this year's two digits, September plates 51 up to this
    /// year's plus 50); three random letters without I or Q.
    static func current(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let c = Compact(bytes, dropping: Separators.spaceHyphen), c.count == 7,
              c.isLetter(0), c.isLetter(1), !notInTag.contains(c[0]), !notInTag.contains(c[1]),
              let age = c.number(2..<4) else { return false }
        for i in 4..<7 where !c.isLetter(i) || notInRandom.contains(c[i]) { return false }
        let thisYear = CalendarRules.currentYear % 100
        // Marks run from September 2001 (51) until February 2051 (00 is never issued).
        return (age >= 2 && age <= min(thisYear, 50)) || (age >= 51 && age <= min(thisYear + 50, 99))
    }
}
