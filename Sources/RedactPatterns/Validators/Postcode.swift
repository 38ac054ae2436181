/// UK postcodes (Royal Mail PAF / BS 7666; identifiers.md section 10).
enum PostcodeCheck {
    private static let notFirst = ByteSet(Array("QVX".utf8))
    private static let notSecond = ByteSet(Array("IJZ".utf8))
    private static let thirdOfA9A = ByteSet(Array("ABCDEFGHJKPSTUW".utf8))
    private static let fourthOfAA9A = ByteSet(Array("ABEHMNPRVWXY".utf8))
    private static let notInward = ByteSet(Array("CIKMOV".utf8))

    /// Outward `A9 | A99 | AA9 | AA99 | A9A | AA9A` then inward `9AA` (space optional), or
    /// `GIR 0AA`. Position 1 not Q V X; position 2 (a letter) not I J Z; the letter of `A9A` from
    /// A B C D E F G H J K P S T U W, of `AA9A` from A B E H M N P R V W X Y; inward letters never
    /// C I K M O V. The letters must share one case (`SW1A 1AA`, `sw1a 1aa`): mixed case is prose.
    static func postcode(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var upper = false, lower = false
        for b in bytes {
            if ASCII.isUpper(b) { upper = true } else if ASCII.isLower(b) { lower = true }
        }
        guard !(upper && lower), let c = Compact(bytes, dropping: Separators.space),
              (5...7).contains(c.count) else { return false }
        let n = c.count
        // Inward: digit, two letters not C I K M O V.
        guard c.isDigit(n - 3), c.isLetter(n - 2), c.isLetter(n - 1) else { return false }
        if c[0] == UInt8(ascii: "G"), n == 6, c[1] == UInt8(ascii: "I"), c[2] == UInt8(ascii: "R"),
           c[3] == UInt8(ascii: "0"), c[4] == UInt8(ascii: "A"), c[5] == UInt8(ascii: "A") { return true }
        guard !notInward.contains(c[n - 2]), !notInward.contains(c[n - 1]) else { return false }
        // Outward.
        let out = n - 3
        guard c.isLetter(0), !notFirst.contains(c[0]) else { return false }
        switch out {
        case 2:  // A9
            return c.isDigit(1)
        case 3:  // A99 | AA9 | A9A
            if c.isDigit(1) { return c.isDigit(2) || thirdOfA9A.contains(c[2]) }
            return c.isLetter(1) && !notSecond.contains(c[1]) && c.isDigit(2)
        case 4:  // AA99 | AA9A
            guard c.isLetter(1), !notSecond.contains(c[1]), c.isDigit(2) else { return false }
            return c.isDigit(3) || fourthOfAA9A.contains(c[3])
        default:
            return false
        }
    }
}
