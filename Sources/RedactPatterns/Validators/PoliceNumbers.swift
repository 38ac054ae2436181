/// PNC ID and CRO number: modulus-23 check letters (CJS data standards; MoJ `hmpps-person-record`
/// `PNCIdentifier.kt`, `CROIdentifier.kt`; identifiers.md sections 3 and 4).
enum PoliceNumbers {
    /// Remainder mod 23 to check letter: 0 is Z, 1 is A, ... skipping I, O and S.
    static let alphabet: [UInt8] = Array("ZABCDEFGHJKLMNPQRTUVWXY".utf8)

    /// `YYYY/NNNNNNNA` or the display form `YY/NNNNNNNA` with the serial's leading zeros dropped
    /// (`02/73319Z`); a space or hyphen may stand for the slash. Check = (YY then the serial
    /// padded to 7 digits) mod 23. Without any separator, 10-11 digits are read as YYYY + serial
    /// and 3-9 digits as YY + serial (MoJ accepts `20020073319Z` and `79163001B`).
    static func pnc(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = Parsed(bytes, allowSF: false) else { return false }
        var yearDigits: Int, year: Int, serialDigits: Int, serial: Int
        if p.separated {
            (year, yearDigits, serial, serialDigits) = (p.first, p.firstLen, p.second, p.secondLen)
        } else {
            yearDigits = p.firstLen >= 10 ? 4 : 2
            serialDigits = p.firstLen - yearDigits
            let scale = pow10(serialDigits)
            (year, serial) = (p.first / scale, p.first % scale)
        }
        guard (1...7).contains(serialDigits) else { return false }
        let yy: Int
        switch yearDigits {
        case 2: yy = year
        case 4: guard (1900...2099).contains(year) else { return false }; yy = year % 100
        default: return false
        }
        return alphabet[(yy * 10_000_000 + serial) % 23] == p.letter
    }

    /// `NNNNNN/YYA` (serial 1-6 digits, padded to 6: check = (YY then padded serial) mod 23) or
    /// the SF form `SFYY/NNNNNNA` (check = (YY then the serial as written, not padded) mod 23).
    /// A space or hyphen may stand for the slash; without one, the standard form's last two digits
    /// are the year and the SF form's first two are.
    static func cro(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = Parsed(bytes, allowSF: true) else { return false }
        let yy: Int, serial: Int, serialDigits: Int
        if p.sf {
            if p.separated {
                guard p.firstLen == 2 else { return false }
                (yy, serial, serialDigits) = (p.first, p.second, p.secondLen)
            } else {
                serialDigits = p.firstLen - 2
                guard serialDigits >= 1 else { return false }
                let scale = pow10(serialDigits)
                (yy, serial) = (p.first / scale, p.first % scale)
            }
            guard (1...6).contains(serialDigits) else { return false }
            return alphabet[(yy * pow10(serialDigits) + serial) % 23] == p.letter
        }
        if p.separated {
            guard p.secondLen == 2 else { return false }
            (serial, serialDigits, yy) = (p.first, p.firstLen, p.second)
        } else {
            serialDigits = p.firstLen - 2
            (serial, yy) = (p.first / 100, p.first % 100)
        }
        guard (1...6).contains(serialDigits) else { return false }
        return alphabet[(yy * 1_000_000 + serial) % 23] == p.letter
    }

    @inline(__always) static func pow10(_ n: Int) -> Int {
        var v = 1
        for _ in 0..<n { v *= 10 }
        return v
    }

    /// `[SF]digits[sep digits]LETTER`, where sep is one `/`, space or hyphen.
    private struct Parsed {
        var sf = false
        var first = 0, firstLen = 0
        var second = 0, secondLen = 0
        var separated = false
        var letter: UInt8 = 0

        init?(_ bytes: UnsafeBufferPointer<UInt8>, allowSF: Bool) {
            var start = 0
            var end = bytes.count
            guard end >= 3 else { return nil }
            letter = ASCII.upper(bytes[end - 1])
            guard ASCII.isUpper(letter) else { return nil }
            end -= 1
            if allowSF, ASCII.upper(bytes[0]) == UInt8(ascii: "S"), ASCII.upper(bytes[1]) == UInt8(ascii: "F") {
                sf = true
                start = 2
            }
            var inSecond = false
            for j in start..<end {
                let b = bytes[j]
                if ASCII.isDigit(b) {
                    if separated { inSecond = true }
                    let d = Int(b) - 48
                    if inSecond {
                        guard secondLen < 12 else { return nil }
                        second = second * 10 + d
                        secondLen += 1
                    } else {
                        guard firstLen < 12 else { return nil }
                        first = first * 10 + d
                        firstLen += 1
                    }
                } else if b == UInt8(ascii: "/") || b == UInt8(ascii: " ") || b == UInt8(ascii: "-") {
                    guard firstLen > 0, !separated else { return nil }
                    separated = true
                } else {
                    return nil
                }
            }
            guard firstLen > 0, !separated || secondLen > 0 else { return nil }
        }
    }
}
