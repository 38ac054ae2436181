/// A person's identifiers in canonical form, built from each identifier's definition
/// (`shared/identifiers.md`). `Written` turns them into the many forms people type.
public struct Identity: Sendable {
    public var ninoPrefix: String       // "AB"
    public var ninoDigits: String       // "123456"
    public var ninoSuffix: String       // "C"
    public var nhs: String              // ten digits
    public var nhsKind: String          // "england", "chi", "hc"
    public var pncYear: Int             // 1985...2023
    public var pncSerial: Int           // 1...9_999_999
    public var croSerial: Int           // 1...999_999
    public var croYear: Int             // two-digit year
    public var croSF: Bool
    public var prison: String           // A1234BC
    public var crn: String              // X123456
    public var passport: String         // nine digits
    public var licence: String          // 16 characters
    public var licenceIssue: String     // two digits
    public var vehicle: String          // canonical with its space
    public var sortCode: String         // six digits
    public var account: String          // eight digits
    public var card: [Int]
    public var iban: String             // compact
    public var email: String
    public var mobile: String           // written form chosen once
    public var ip: String

    public static let ninoFirst: StaticString = "ABCEGHJKLMNOPRSTWXYZ"   // not D F I Q U V
    public static let ninoSecond: StaticString = "ABCEGHJKLMNPRSTWXYZ"   // nor O

    public static func make(_ rng: inout CorpusRandom, forename: String, surname: String, female: Bool,
                            dob: SimpleDate) -> Identity {
        var prefix: String
        repeat {
            prefix = String(rng.letter(from: ninoFirst)) + String(rng.letter(from: ninoSecond))
        } while ["BG", "GB", "KN", "NK", "NT", "TN", "ZZ", "OO", "CR", "FY", "MW", "NC", "PP", "PY", "PZ"].contains(prefix)

        let nhsKind = ["england", "england", "england", "england", "chi", "hc"][rng.int(6)]
        let nhs = makeNHS(&rng, kind: nhsKind, dob: dob, female: female)

        let pncYear = rng.int(1985...2023)
        let pncSerial = rng.chance(0.5) ? rng.int(1...999_999) : rng.int(1_000_000...9_999_999)
        let croSF = rng.chance(0.15)

        let letters: StaticString = "ABCDEFGHJKLMNPRSTUVWXYZ"
        let prison = String(rng.letter(from: "AG")) + rng.digits(4) + rng.letters(2, from: letters)
        let crn = String(rng.letter(from: "ABCDEFGHJKLMNPRSTVWXY")) + rng.digits(6)
        let passport = String(rng.int(1...9)) + rng.digits(8)
        let licence = makeLicence(&rng, forename: forename, surname: surname, female: female, dob: dob)
        let sort = String(rng.int(1...9)) + rng.digits(5)
        let account = String(rng.int(1...9)) + rng.digits(7)
        return Identity(
            ninoPrefix: prefix, ninoDigits: rng.digits(6), ninoSuffix: String(rng.letter(from: "ABCD")),
            nhs: nhs, nhsKind: nhsKind, pncYear: pncYear, pncSerial: pncSerial,
            croSerial: rng.chance(0.4) ? rng.int(1...99_999) : rng.int(100_000...999_999),
            croYear: rng.int(0...99), croSF: croSF, prison: prison, crn: crn, passport: passport,
            licence: licence, licenceIssue: pad2(rng.int(1...30)),
            vehicle: Vehicles.make(&rng), sortCode: sort, account: account,
            card: Cards.make(&rng), iban: IBANs.make(&rng, sortCode: sort, account: account),
            email: Emails.make(&rng, forename: forename, surname: surname),
            mobile: Phones.make(&rng, mobile: true), ip: IPs.make(&rng))
    }

    /// Ten digits with a valid modulus-11 check: England/Wales ranges 400-499 and 600-799 million,
    /// CHI = DDMMYY + two digits + a sex digit (odd male, even female), H&C = 320-399 million.
    public static func makeNHS(_ rng: inout CorpusRandom, kind: String, dob: SimpleDate, female: Bool) -> String {
        while true {
            var d: [Int]
            switch kind {
            case "chi":
                d = [dob.day / 10, dob.day % 10, dob.month / 10, dob.month % 10, (dob.year % 100) / 10, dob.year % 10,
                     rng.int(10), rng.int(10)]
                var sex = rng.int(5) * 2
                if !female { sex += 1 }
                d.append(sex)
            case "hc":
                let head = rng.int(320...399)
                d = [head / 100, (head / 10) % 10, head % 10] + (0..<6).map { _ in rng.int(10) }
            default:
                let head = rng.chance(0.5) ? rng.int(400...499) : rng.int(600...799)
                d = [head / 100, (head / 10) % 10, head % 10] + (0..<6).map { _ in rng.int(10) }
            }
            if let c = CheckDigits.nhs(d) { return (d + [c]).map(String.init).joined() }
        }
    }

    /// DVLA driver number: surname block (9-padded), decade, month (+50 female), day, year digit,
    /// two initials (9 when there is no middle initial), an arbitrary digit and two check letters.
    public static func makeLicence(_ rng: inout CorpusRandom, forename: String, surname: String, female: Bool,
                                   dob: SimpleDate) -> String {
        var block = String(Ascii.fold(surname).uppercased().filter { $0.isASCII && $0.isLetter }.prefix(5))
        while block.count < 5 { block += "9" }
        let month = dob.month + (female ? 50 : 0)
        let initial = Ascii.fold(forename).uppercased().first { $0.isASCII && $0.isLetter } ?? "X"
        let middle = rng.chance(0.4) ? String(rng.letter(from: "ABCDEFGHJKLMNPRSTW")) : "9"
        return block + "\((dob.year % 100) / 10)" + pad2(month) + pad2(dob.day)
            + "\(dob.year % 10)" + String(initial) + middle + "9" + rng.letters(2, from: "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    }
}

/// Two-digit zero-padded decimal (no Foundation `String(format:)`).
func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

/// ASCII folding for the few places identifiers are derived from names (licence, email).
public enum Ascii {
    static let table: [Character: String] = [
        "ë": "e", "é": "e", "è": "e", "ê": "e", "á": "a", "à": "a", "ã": "a", "ó": "o", "ö": "o", "ø": "o",
        "ü": "u", "ú": "u", "í": "i", "ı": "i", "ł": "l", "ś": "s", "ş": "s", "ç": "c", "ñ": "n", "ễ": "e",
        "ầ": "a", "ạ": "a", "Ł": "L", "Ś": "S", "Ö": "O", "Ü": "U", "É": "E", "Á": "A", "Ó": "O",
        "Ø": "O", "Ş": "S", "Ç": "C", "ä": "a", "ő": "o", "ž": "z", "ř": "r", "č": "c", "ą": "a", "ę": "e",
        "ć": "c", "ń": "n", "ź": "z", "ż": "z", "ğ": "g", "î": "i",
    ]
    public static func fold(_ s: String) -> String {
        var out = ""
        for ch in s {
            if ch.isASCII { out.append(ch) } else if let r = table[ch] { out += r }
        }
        return out
    }
}
