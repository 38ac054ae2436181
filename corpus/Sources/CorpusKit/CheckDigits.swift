/// Check-digit arithmetic, written from the definitions in `shared/identifiers.md`
/// (NHS Data Dictionary modulus 11, ISO/IEC 7812 Luhn, ISO 7064 MOD 97-10, the CJS modulus-23
/// letter, ISBN-13). Independent of the scanner's validators so the score is not circular.
public enum CheckDigits {
    /// NHS / CHI / H&C: weights 10...2 over nine digits; 11 - (sum mod 11), 11 -> 0, 10 -> none.
    public static func nhs(_ first9: [Int]) -> Int? {
        precondition(first9.count == 9)
        var sum = 0
        for (i, d) in first9.enumerated() { sum += d * (10 - i) }
        let c = 11 - sum % 11
        if c == 11 { return 0 }
        if c == 10 { return nil }
        return c
    }

    /// True when ten digits carry a valid NHS modulus-11 check digit.
    public static func nhsValid(_ ten: [Int]) -> Bool {
        guard ten.count == 10, let c = nhs(Array(ten[0..<9])) else { return false }
        return c == ten[9]
    }

    /// Luhn sum over digits (rightmost digit undoubled).
    public static func luhnSum(_ digits: [Int]) -> Int {
        var sum = 0
        for (i, d) in digits.reversed().enumerated() {
            if i % 2 == 1 {
                let x = d * 2
                sum += x > 9 ? x - 9 : x
            } else {
                sum += d
            }
        }
        return sum
    }

    public static func luhnValid(_ digits: [Int]) -> Bool { !digits.isEmpty && luhnSum(digits) % 10 == 0 }

    /// The digit to append to `payload` so that the whole passes Luhn.
    public static func luhnCheck(_ payload: [Int]) -> Int {
        let s = luhnSum(payload + [0])
        return (10 - s % 10) % 10
    }

    /// ISO 7064 MOD 97-10 remainder of an alphanumeric string (letters A=10 ... Z=35), computed
    /// digit by digit so any length fits in an Int.
    public static func mod97(_ s: String) -> Int? {
        var r = 0
        for b in s.utf8 {
            switch b {
            case 48...57: r = (r * 10 + Int(b - 48)) % 97
            case 65...90: r = (r * 100 + Int(b - 55)) % 97
            case 97...122: r = (r * 100 + Int(b - 87)) % 97
            default: return nil
            }
        }
        return r
    }

    /// The two IBAN check digits for a country code and BBAN (upper case, no spaces).
    public static func ibanCheck(country: String, bban: String) -> String {
        let r = mod97(bban + country + "00")!
        let c = 98 - r
        return c < 10 ? "0\(c)" : "\(c)"
    }

    /// True when a compact IBAN (no spaces) satisfies MOD 97-10.
    public static func ibanValid(_ compact: String) -> Bool {
        guard compact.utf8.count >= 5 else { return false }
        let moved = String(compact.dropFirst(4)) + String(compact.prefix(4))
        return mod97(moved) == 1
    }

    /// The CJS modulus-23 alphabet: remainder 0 is Z, then A... skipping I, O and S.
    public static let mod23Alphabet: [Character] = Array("ZABCDEFGHJKLMNPQRTUVWXY")

    /// The check letter for the decimal number spelt by `digits` (PNC: YY + 7-digit serial;
    /// CRO: YY + 6-digit serial, or YY + serial as written for the SF form).
    public static func mod23Letter(_ digits: String) -> Character {
        var r = 0
        for b in digits.utf8 { r = (r * 10 + Int(b - 48)) % 23 }
        return mod23Alphabet[r]
    }

    /// ISBN-13 check digit: weights 1,3,1,3... over twelve digits.
    public static func isbn13(_ first12: [Int]) -> Int {
        var sum = 0
        for (i, d) in first12.enumerated() { sum += d * (i % 2 == 0 ? 1 : 3) }
        return (10 - sum % 10) % 10
    }
}
