/// Card numbers (a scheme's IIN and length, random body, Luhn check digit) and IBANs
/// (country structure, ISO 7064 MOD 97-10 check digits). Bank codes in GB IBANs are invented.
public enum Cards {
    public static func make(_ rng: inout CorpusRandom) -> [Int] {
        let scheme = CardScheme.all[rng.weighted([40, 25, 10, 4, 5, 5, 5, 6])]
        let length = scheme.lengths[rng.chance(0.85) ? 0 : rng.int(scheme.lengths.count)]
        let range = scheme.ranges[rng.int(scheme.ranges.count)]
        let iin = rng.int(range)
        var d = String(iin).map { Int(String($0))! }
        while d.count < scheme.prefixLength { d.insert(0, at: 0) }
        while d.count < length - 1 { d.append(rng.int(10)) }
        d.append(CheckDigits.luhnCheck(d))
        return d
    }

    /// Printed with the scheme's grouping and spaces or hyphens, or run together.
    public static func written(_ d: [Int], _ rng: inout CorpusRandom) -> String {
        let digits = d.map(String.init).joined()
        let scheme = CardScheme.matching(d)!
        switch rng.weighted([55, 15, 30]) {
        case 0, 1:
            let sep: Character = rng.chance(0.78) ? " " : "-"
            var out = ""
            var i = digits.startIndex
            for (n, g) in scheme.grouping[d.count]!.enumerated() {
                if n > 0 { out.append(sep) }
                let j = digits.index(i, offsetBy: g)
                out += digits[i..<j]
                i = j
            }
            return out
        default:
            return digits
        }
    }
}

public enum IBANs {
    static let bankCodes = ["ANYB", "EXMP", "WMAR", "CRPS", "HNDL", "KLWB", "SYNT", "FICT"]

    /// A GB IBAN embeds the sort code and account; other countries get a random BBAN of the
    /// registry's length and shape.
    public static func make(_ rng: inout CorpusRandom, sortCode: String, account: String) -> String {
        let country: String
        let bban: String
        switch rng.weighted([70, 6, 6, 6, 4, 4, 4]) {
        case 0: country = "GB"; bban = rng.pick(bankCodes) + sortCode + account
        case 1: country = "DE"; bban = rng.digits(18)
        case 2: country = "IE"; bban = rng.pick(bankCodes) + rng.digits(14)
        case 3: country = "FR"; bban = rng.digits(10) + rng.letters(1, from: "ABCDEFGHJK") + rng.digits(12)
        case 4: country = "ES"; bban = rng.digits(20)
        case 5: country = "NL"; bban = rng.pick(bankCodes) + rng.digits(10)
        default: country = "PL"; bban = rng.digits(24)
        }
        return country + CheckDigits.ibanCheck(country: country, bban: bban) + bban
    }

    /// Print format (groups of four) most of the time, else compact.
    public static func written(_ compact: String, _ rng: inout CorpusRandom) -> String {
        guard rng.chance(0.7) else { return compact }
        var out = ""
        for (i, ch) in compact.enumerated() {
            if i > 0 && i % 4 == 0 { out.append(" ") }
            out.append(ch)
        }
        return out
    }
}
