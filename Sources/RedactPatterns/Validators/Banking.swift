/// Payment cards, IBANs and sort codes (identifiers.md sections 12, 14 and 15).
enum BankingCheck {
    /// 13-19 digits after dropping spaces and hyphens (cards in circulation), passing Luhn:
    /// from the right, double every second digit, subtract 9 above 9, total mod 10 is 0.
    static func luhn(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let c = Compact(bytes, dropping: Separators.spaceHyphen), (13...19).contains(c.count),
              c.allDigits(0..<c.count) else { return false }
        var sum = 0
        var double = false
        var i = c.count - 1
        while i >= 0 {
            var d = c.digit(i)
            if double { d *= 2; if d > 9 { d -= 9 } }
            sum += d
            double.toggle()
            i -= 1
        }
        return sum % 10 == 0 && c[0] != UInt8(ascii: "0")
    }

    /// ISO 13616: a country in the registry with its length, two check digits, and ISO 7064
    /// MOD 97-10 (first four characters moved to the end, letters as 10-35, remainder 1).
    static func iban(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let c = Compact(bytes, dropping: Separators.space), c.count >= 15,
              c.isLetter(0), c.isLetter(1), c.isDigit(2), c.isDigit(3),
              let expected = ibanLengths[UInt16(c[0]) << 8 | UInt16(c[1])], expected == c.count else { return false }
        var r = 0
        for k in 0..<c.count {
            let i = (k + 4) % c.count
            let b = c[i]
            if ASCII.isDigit(b) {
                r = (r * 10 + Int(b) - 48) % 97
            } else if ASCII.isUpper(b) {
                r = (r * 100 + Int(b) - 55) % 97
            } else {
                return false
            }
        }
        return r == 1
    }

    /// Six digits (`NN-NN-NN`, `NN NN NN`, `NNNNNN`), not all zeros.
    static func sortCode(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let c = Compact(bytes, dropping: Separators.spaceHyphen), c.count == 6,
              let v = c.number(0..<6) else { return false }
        return v != 0
    }

    /// IBAN lengths by country (SWIFT IBAN registry). A country not listed is not accepted.
    static let ibanLengths: [UInt16: Int] = {
        let table: [(String, Int)] = [
            ("AD", 24), ("AE", 23), ("AL", 28), ("AT", 20), ("AZ", 28), ("BA", 20), ("BE", 16), ("BG", 22),
            ("BH", 22), ("BR", 29), ("BY", 28), ("CH", 21), ("CR", 22), ("CY", 28), ("CZ", 24), ("DE", 22),
            ("DK", 18), ("DO", 28), ("EE", 20), ("EG", 29), ("ES", 24), ("FI", 18), ("FO", 18), ("FR", 27),
            ("GB", 22), ("GE", 22), ("GI", 23), ("GL", 18), ("GR", 27), ("GT", 28), ("HR", 21), ("HU", 28),
            ("IE", 22), ("IL", 23), ("IQ", 23), ("IS", 26), ("IT", 27), ("JO", 30), ("KW", 30), ("KZ", 20),
            ("LB", 28), ("LC", 32), ("LI", 21), ("LT", 20), ("LU", 20), ("LV", 21), ("MC", 27), ("MD", 24),
            ("ME", 22), ("MK", 19), ("MR", 27), ("MT", 31), ("MU", 30), ("NL", 18), ("NO", 15), ("PK", 24),
            ("PL", 28), ("PS", 29), ("PT", 25), ("QA", 29), ("RO", 24), ("RS", 22), ("SA", 24), ("SC", 31),
            ("SE", 24), ("SI", 19), ("SK", 24), ("SM", 27), ("ST", 25), ("SV", 28), ("TL", 23), ("TN", 24),
            ("TR", 26), ("UA", 29), ("VA", 22), ("VG", 24), ("XK", 20),
        ]
        var d: [UInt16: Int] = [:]
        for (cc, n) in table {
            let u = Array(cc.utf8)
            d[UInt16(u[0]) << 8 | UInt16(u[1])] = n
        }
        return d
    }()
}
