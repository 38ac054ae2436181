/// The forms people type for each identifier: case, spacing, separators, dropped zeros.
/// Every form here must still satisfy `Validators` (the writer refuses it otherwise).
public enum Written {
    public static func nino(_ id: Identity, _ rng: inout CorpusRandom) -> String {
        let d = id.ninoDigits
        let p = id.ninoPrefix, s = id.ninoSuffix
        let a = d.prefix(2), b = d.dropFirst(2).prefix(2), c = d.suffix(2)
        var out: String
        switch rng.weighted([45, 30, 10, 8, 7]) {
        case 0: out = "\(p) \(a) \(b) \(c) \(s)"
        case 1: out = p + d + s
        case 2: out = "\(p) \(d) \(s)"
        case 3: out = "\(p)\(d) \(s)"
        default: out = "\(p)-\(a)-\(b)-\(c)-\(s)"
        }
        if rng.chance(0.07) { out = out.lowercased() }
        return out
    }

    /// HMRC's old temporary number: TN + DDMMYY + M/F.
    public static func temporaryNino(dob: SimpleDate, female: Bool, _ rng: inout CorpusRandom) -> String {
        let body = pad2(dob.day) + pad2(dob.month) + pad2(dob.year % 100)
        let sex = female ? "F" : "M"
        if rng.chance(0.5) {
            let b = Array(body)
            return "TN \(b[0])\(b[1]) \(b[2])\(b[3]) \(b[4])\(b[5]) \(sex)"
        }
        return "TN" + body + sex
    }

    /// `401 023 2137`, `401-023-2137`; the bare ten digits only when `bareAllowed` (the caller
    /// has just written "NHS", "CHI" or similar).
    public static func nhs(_ ten: String, bareAllowed: Bool, _ rng: inout CorpusRandom) -> String {
        let a = ten.prefix(3), b = ten.dropFirst(3).prefix(3), c = ten.suffix(4)
        switch rng.weighted([60, 15, bareAllowed ? 25 : 0]) {
        case 0: return "\(a) \(b) \(c)"
        case 1: return "\(a)-\(b)-\(c)"
        default: return ten
        }
    }

    /// Long `2002/0073319Z` or display form `02/73319Z` (century and leading zeros dropped).
    public static func pnc(_ id: Identity, _ rng: inout CorpusRandom) -> String {
        let serial = "\(id.pncSerial)"
        let padded = String(repeating: "0", count: 7 - serial.count) + serial
        let yy = pad2(id.pncYear % 100)
        let letter = CheckDigits.mod23Letter(yy + padded)
        switch rng.weighted([35, 50, 15]) {
        case 0: return "\(id.pncYear)/\(padded)\(letter)"
        case 1: return "\(yy)/\(serial)\(letter)"
        default: return "\(yy)/\(padded)\(letter)"
        }
    }

    /// `265416/21G`, short serial `65656/91H`, or the SF form `SF05/482703J`.
    public static func cro(_ id: Identity, _ rng: inout CorpusRandom) -> String {
        let yy = pad2(id.croYear)
        let serial = "\(id.croSerial)"
        if id.croSF {
            return "SF\(yy)/\(serial)\(CheckDigits.mod23Letter(yy + serial))"
        }
        let padded = String(repeating: "0", count: 6 - serial.count) + serial
        let letter = CheckDigits.mod23Letter(yy + padded)
        return (rng.chance(0.7) ? serial : padded) + "/\(yy)\(letter)"
    }

    /// As on the card (`MORGA 657054 SM9IJ`, `MORGA 657054 SM 9IJ`) or run together, with the
    /// issue number after a space about half the time.
    public static func licence(_ id: Identity, _ rng: inout CorpusRandom) -> String {
        let l = Array(id.licence)
        let s5 = String(l[0..<5]), n6 = String(l[5..<11]), i2 = String(l[11..<13]), c3 = String(l[13..<16])
        var out: String
        switch rng.weighted([45, 30, 25]) {
        case 0: out = id.licence
        case 1: out = "\(s5) \(n6) \(i2)\(c3)"
        default: out = "\(s5) \(n6) \(i2) \(c3)"
        }
        if rng.chance(0.45) { out += " " + id.licenceIssue }
        return out
    }

    public static func sortCode(_ six: String, _ rng: inout CorpusRandom) -> String {
        let a = six.prefix(2), b = six.dropFirst(2).prefix(2), c = six.suffix(2)
        switch rng.weighted([70, 15, 15]) {
        case 0: return "\(a)-\(b)-\(c)"
        case 1: return "\(a) \(b) \(c)"
        default: return six
        }
    }

    public static func prison(_ id: Identity, _ rng: inout CorpusRandom) -> String {
        rng.chance(0.06) ? id.prison.lowercased() : id.prison
    }

    public static func postcode(_ pc: String, _ rng: inout CorpusRandom) -> String {
        switch rng.weighted([85, 9, 6]) {
        case 0: return pc
        case 1: return pc.replacingAll(" ", with: "")
        default: return pc.lowercased()
        }
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]

    static func ordinal(_ d: Int) -> String {
        if (11...13).contains(d % 100) { return "\(d)th" }
        switch d % 10 {
        case 1: return "\(d)st"
        case 2: return "\(d)nd"
        case 3: return "\(d)rd"
        default: return "\(d)th"
        }
    }

    /// A date as typed in UK case material. `iso` forces `YYYY-MM-DD` (exports).
    public static func date(_ d: SimpleDate, _ rng: inout CorpusRandom, iso: Bool = false) -> String {
        let dd = pad2(d.day), mm = pad2(d.month)
        if iso { return "\(d.year)-\(mm)-\(dd)" }
        let month = monthNames[d.month - 1]
        switch rng.weighted([35, 8, 8, 8, 14, 8, 6, 5, 4, 4]) {
        case 0: return "\(dd)/\(mm)/\(d.year)"
        case 1: return "\(dd).\(mm).\(d.year)"
        case 2: return "\(dd)-\(mm)-\(d.year)"
        case 3: return "\(dd)/\(mm)/\(pad2(d.year % 100))"
        case 4: return "\(d.day) \(month) \(d.year)"
        case 5: return "\(ordinal(d.day)) \(month) \(d.year)"
        case 6: return "\(dd) \(month.prefix(3)) \(d.year)"
        case 7: return "\(d.day)/\(d.month)/\(d.year)"
        case 8: return "\(month) \(d.day), \(d.year)"
        default: return "\(d.year)-\(mm)-\(dd)"
        }
    }
}
