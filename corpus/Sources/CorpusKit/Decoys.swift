/// Look-alikes that a careful finder must not report. Each maker returns (text, looks_like, kind)
/// and keeps drawing until its candidate fails every structural validator; the writer re-checks
/// in context and refuses a decoy that passes anything.
public enum Decoys {
    public typealias Decoy = (text: String, looksLike: PlantCategory, kind: String)

    static func failsAll(_ s: String) -> Bool {
        PlantCategory.allCases.allSatisfy { c in
            c == .person_name || !Validators.accepts(c, s, before: ArraySlice(Array("nhs patient dob passport sort code account crn".utf8)))
        }
    }

    static func until(_ rng: inout CorpusRandom, _ make: (inout CorpusRandom) -> Decoy) -> Decoy {
        while true {
            let d = make(&rng)
            if failsAll(d.text) { return d }
        }
    }

    /// Ten digits, 3-3-4, whose modulus-11 check fails (wrong digit or a remainder of 10).
    public static func nhsChecksum(_ rng: inout CorpusRandom) -> Decoy {
        until(&rng) { rng in
            var d = [rng.int(4...7)] + (0..<9).map { _ in rng.int(10) }
            let c = CheckDigits.nhs(Array(d[0..<9]))
            if c == d[9] { d[9] = (d[9] + 1 + rng.int(9)) % 10 }
            let s = d.map(String.init).joined()
            return (s.prefix(3) + " " + s.dropFirst(3).prefix(3) + " " + s.suffix(4), .nhs_number, "nhs_checksum")
        }
    }

    /// A plain ten-digit case or incident number that fails modulus 11.
    public static func caseNumber(_ rng: inout CorpusRandom) -> Decoy {
        until(&rng) { rng in
            var d = [rng.int(1...9)] + (0..<9).map { _ in rng.int(10) }
            if CheckDigits.nhs(Array(d[0..<9])) == d[9] { d[9] = (d[9] + 1) % 10 }
            return (d.map(String.init).joined(), .nhs_number, "case_number")
        }
    }

    /// A police unique reference number: force, station letters, serial, year (`01YE1234523`).
    public static func urn(_ rng: inout CorpusRandom) -> Decoy {
        until(&rng) { rng in
            let s = pad2(rng.int(1...62)) + rng.letters(2, from: "ABCDEFGHJKLMNPRSTUWYZ") + rng.digits(5)
                + pad2(rng.int(18...25))
            return (rng.chance(0.3) ? String(s.prefix(2)) + " " + String(s.dropFirst(2).prefix(2)) + " "
                        + String(s.dropFirst(4).prefix(5)) + " " + String(s.suffix(2)) : s, .nhs_number, "urn")
        }
    }

    /// A card-shaped number (scheme IIN and length, grouped) whose Luhn check fails.
    public static func cardLuhn(_ rng: inout CorpusRandom) -> Decoy {
        until(&rng) { rng in
            var d = Cards.make(&rng)
            d[d.count - 1] = (d[d.count - 1] + 1 + rng.int(9)) % 10
            let scheme = CardScheme.matching(d)!
            var out = ""
            var i = 0
            for (n, g) in scheme.grouping[d.count]!.enumerated() {
                if n > 0 { out += " " }
                out += d[i..<(i + g)].map(String.init).joined()
                i += g
            }
            return (out, .payment_card, "card_luhn")
        }
    }

    /// A GB IBAN with wrong check digits.
    public static func ibanChecksum(_ rng: inout CorpusRandom) -> Decoy {
        until(&rng) { rng in
            let good = IBANs.make(&rng, sortCode: rng.digits(6), account: rng.digits(8))
            var check = Int(good.dropFirst(2).prefix(2))!
            check = (check + 1 + rng.int(90)) % 97 + 2
            let bad = String(good.prefix(2)) + pad2(check % 100) + String(good.dropFirst(4))
            return (IBANs.written(bad, &rng), .iban, "iban_checksum")
        }
    }

    /// A PNC ID with the wrong modulus-23 letter.
    public static func pncLetter(_ rng: inout CorpusRandom) -> Decoy {
        until(&rng) { rng in
            let yy = pad2(rng.int(0...99))
            let serial = "\(rng.int(1...9_999_999))"
            let padded = String(repeating: "0", count: 7 - serial.count) + serial
            let right = CheckDigits.mod23Letter(yy + padded)
            var wrong = right
            while wrong == right { wrong = rng.pick(CheckDigits.mod23Alphabet) }
            return ("\(yy)/\(serial)\(wrong)", .pnc_id, "pnc_letter")
        }
    }

    /// A CRO number with the wrong check letter.
    public static func croLetter(_ rng: inout CorpusRandom) -> Decoy {
        until(&rng) { rng in
            let yy = pad2(rng.int(0...99))
            let serial = "\(rng.int(1...999_999))"
            let padded = String(repeating: "0", count: 6 - serial.count) + serial
            let right = CheckDigits.mod23Letter(yy + padded)
            var wrong = right
            while wrong == right { wrong = rng.pick(CheckDigits.mod23Alphabet) }
            return ("\(serial)/\(yy)\(wrong)", .cro_number, "cro_letter")
        }
    }

    /// NINO shapes HMRC never issues: the QQ specimen, banned pairs, D F I Q U V letters, O second.
    public static func ninoPrefix(_ rng: inout CorpusRandom) -> Decoy {
        until(&rng) { rng in
            let prefix: String
            switch rng.int(4) {
            case 0: prefix = "QQ"
            case 1: prefix = rng.pick(["BG", "GB", "KN", "NK", "NT", "ZZ"])
            case 2: prefix = String(rng.letter(from: "DFIQUV")) + String(rng.letter(from: "ABCEHJKLMNPRSTWXYZ"))
            default: prefix = String(rng.letter(from: "ABCEGHJKLMNPRSTWXYZ")) + String(rng.letter(from: "DFIQUVO"))
            }
            let d = prefix == "QQ" ? "123456" : rng.digits(6)
            let s = prefix == "QQ" ? "C" : String(rng.letter(from: "ABCD"))
            let text = rng.chance(0.5)
                ? "\(prefix) \(d.prefix(2)) \(d.dropFirst(2).prefix(2)) \(d.suffix(2)) \(s)" : prefix + d + s
            return (text, .nino, "nino_prefix")
        }
    }

    /// A NINO with a suffix other than A-D (and not a temporary TN number).
    public static func ninoSuffix(_ rng: inout CorpusRandom) -> Decoy {
        until(&rng) { rng in
            let p = String(rng.letter(from: Identity.ninoFirst)) + String(rng.letter(from: Identity.ninoSecond))
            return (p + rng.digits(6) + String(rng.letter(from: "EGHJKLNPRSTWXYZ")), .nino, "nino_suffix")
        }
    }

    /// Procedural references (offence provisions come with their offence: `Prose.offenceStatutes`).
    public static let statutes = [
        "section 18 of the Offences against the Person Act 1861", "section 20 of the Offences against the Person Act 1861",
        "s.47", "s.47 OAPA 1861", "s. 9", "section 4A of the Public Order Act 1986", "PACE Code C 11.1",
        "Code C paragraph 10.1", "section 1 of the Theft Act 1968", "section 39 of the Criminal Justice Act 1988",
        "s.5 Public Order Act 1986", "section 76 of the Serious Crime Act 2015", "Bail Act 1976, s. 6",
        "section 24 PACE 1984", "r. 16.2", "CPIA 1996, s. 3",
    ]

    public static func statute(_ rng: inout CorpusRandom) -> Decoy {
        statute(rng.chance(0.6) ? Prose.offence(&rng).statute : rng.pick(statutes))
    }

    /// A given statute or policy reference as a decoy.
    public static func statute(_ s: String) -> Decoy {
        let looks: PlantCategory = s.contains("11.1") || s.contains("10.1") ? .ip_address : .address
        return (s, looks, "statute")
    }

    public static func time(_ rng: inout CorpusRandom) -> Decoy {
        let h = rng.int(0...23), m = rng.int(0...59)
        switch rng.int(3) {
        case 0: return ("\(pad2(h)):\(pad2(m))", .ip_address, "time")
        case 1: return ("\(h % 12 == 0 ? 12 : h % 12).\(pad2(m))\(h < 12 ? "am" : "pm")", .ip_address, "time")
        default: return ("\(pad2(h))\(pad2(m)) hrs", .ip_address, "time")
        }
    }

    public static func money(_ rng: inout CorpusRandom) -> Decoy {
        let pounds = rng.chance(0.5) ? rng.int(1...999) : rng.int(1000...48000)
        let p = pounds >= 1000 ? "\(pounds / 1000),\(String(repeating: "0", count: 3 - "\(pounds % 1000)".count))\(pounds % 1000)" : "\(pounds)"
        return ("£" + p + (rng.chance(0.6) ? ".\(pad2(rng.int(0...99)))" : ""), .bank_account, "money")
    }

    /// A date with no birth context (hearing, incident, letter dates).
    public static func date(_ rng: inout CorpusRandom) -> Decoy {
        let d = SimpleDate.random(&rng, years: 2019...2025)
        return (Written.date(d, &rng), .date_of_birth, "date")
    }

    public static func exhibit(initials: String, _ rng: inout CorpusRandom) -> Decoy {
        (initials + "/" + "\(rng.int(1...40))", .pnc_id, "exhibit")
    }

    public static func judge(_ rng: inout CorpusRandom) -> Decoy {
        ("Justice " + rng.pick(NamePools.judges), .person_name, "judge")
    }

    /// An ISBN-13 with a correct ISBN check digit, hyphenated.
    public static func isbn(_ rng: inout CorpusRandom) -> Decoy {
        until(&rng) { rng in
            let body = [9, 7, 8, rng.int(0...1)] + (0..<8).map { _ in rng.int(10) }
            let all = body + [CheckDigits.isbn13(body)]
            let s = all.map(String.init).joined()
            let a = s.prefix(3), b = s.dropFirst(3).prefix(1), c = s.dropFirst(4).prefix(4)
            let d = s.dropFirst(8).prefix(4), e = s.suffix(1)
            return ("\(a)-\(b)-\(c)-\(d)-\(e)", .payment_card, "isbn")
        }
    }

    /// Numbers reserved for fiction elsewhere: North America 555-01xx, France 01 99 00, Australia 0491 570.
    public static func foreignPhone(_ rng: inout CorpusRandom) -> Decoy {
        switch rng.int(3) {
        case 0: return ("+1 \(rng.pick(["212", "415", "617", "312"])) 555 01\(rng.digits(2))", .phone_number, "foreign_phone")
        case 1: return ("+33 1 99 00 \(rng.digits(2)) \(rng.digits(2))", .phone_number, "foreign_phone")
        default: return ("+61 491 570 \(rng.digits(3))", .phone_number, "foreign_phone")
        }
    }

    /// Force reference numbers that look like PNC/CRO shapes but are not.
    public static func reference(_ rng: inout CorpusRandom) -> Decoy {
        until(&rng) { rng in
            switch rng.int(3) {
            case 0: return (rng.letters(2, from: "ABCDEFGHJKLMNPRSTUWY") + "/" + rng.digits(5) + "/" + pad2(rng.int(19...25)), .pnc_id, "reference")
            case 1: return ("WCU/20\(rng.int(19...25))/" + rng.digits(4), .pnc_id, "reference")
            default: return ("CAD " + rng.digits(4) + "-" + pad2(rng.int(1...28)) + pad2(rng.int(1...12)) + pad2(rng.int(19...25)), .pnc_id, "reference")
            }
        }
    }
}
