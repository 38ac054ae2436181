/// Writing people, places and identifiers into a document the way case material does, with the
/// span rules: a title is not part of a name's span, a possessive 's is not either, and a
/// postcode is its own item after the address.
extension DocWriter {
    public func decoy(_ d: Decoys.Decoy) { decoy(d.looksLike, d.text, kind: d.kind) }

    /// A party in one of the forms a party-list matcher must find: "Zoë Smith", "Mrs Smith",
    /// "Mrs Zoë Smith", "Zoë SMITH", optionally followed by a possessive.
    public func mention(_ p: Person, _ rng: inout CorpusRandom, titled: Bool = true, possessive: Bool = false) {
        let form = rng.weighted([45, titled ? 30 : 0, titled ? 12 : 0, 13])
        switch form {
        case 0: name(p.fullName)
        case 1: t(p.title + " "); name(p.surname)
        case 2: t(p.title + " "); name(p.fullName)
        default: name(p.forename + " " + p.surname.uppercased())
        }
        if possessive { t(rng.chance(0.6) ? "'s" : "\u{2019}s") }
    }

    /// A titled stranger: "Mr Okafor" (the span is the surname).
    public func stranger(_ p: Person, possessive: Bool = false, _ rng: inout CorpusRandom) {
        t(p.title + " ")
        name(p.surname)
        if possessive { t(rng.chance(0.6) ? "'s" : "\u{2019}s") }
    }

    /// An officer with rank and collar number; the full name is the span.
    public func officer(_ p: Person, _ rng: inout CorpusRandom) {
        t(rng.pick(["PC", "PC", "DC", "DS", "PS"]) + " " + "\(1000 + Int(p.ids.passport.suffix(4))! % 9000) ")
        name(p.fullName)
    }

    /// "14 Marlow Road, Hendley" (or with a line break before the locality), then the postcode.
    public func address(_ a: Address, _ rng: inout CorpusRandom, breakLine: Bool? = nil, postcode: Bool = true) {
        let br = breakLine ?? rng.chance(0.15)
        plant(.address, a.firstLine + (br ? (rng.chance(0.5) ? ",\n" : "\n") : ", ") + a.locality)
        if postcode {
            t(br ? "\n" : rng.pick([", ", " ", ", "]))
            plant(.postcode, Written.postcode(a.postcode, &rng))
        }
    }

    /// "DOB: 12/03/1987" and its variants; the date is the span.
    public func dob(_ p: Person, _ rng: inout CorpusRandom, label: String? = nil) {
        t(label ?? rng.pick(["DOB: ", "D.O.B. ", "d.o.b. ", "Date of birth: ", "DOB ", "date of birth ", "(DOB "]))
        plant(.date_of_birth, Written.date(p.dob, &rng))
    }

    public func nino(_ p: Person, _ rng: inout CorpusRandom) {
        if rng.chance(0.1) {
            plant(.nino, Written.temporaryNino(dob: p.dob, female: p.female, &rng), variant: "temporary")
        } else {
            plant(.nino, Written.nino(p.ids, &rng))
        }
    }

    /// An NHS/CHI/H&C number after a label naming it (so the bare form is allowed).
    public func nhs(_ p: Person, _ rng: inout CorpusRandom) {
        let label: String
        switch p.ids.nhsKind {
        case "chi": label = rng.pick(["CHI number: ", "CHI no. ", "CHI "])
        case "hc": label = rng.pick(["H&C number: ", "H&C no. ", "Health and Care number "])
        default: label = rng.pick(["NHS number: ", "NHS no. ", "NHS No ", "NHS "])
        }
        t(label)
        plant(.nhs_number, Written.nhs(p.ids.nhs, bareAllowed: true, &rng), variant: p.ids.nhsKind)
    }

    public func phone(_ rng: inout CorpusRandom, mobile: Bool? = nil) {
        plant(.phone_number, Phones.make(&rng, mobile: mobile))
    }

    /// A special-category phrase about `p`: "<he> was diagnosed with epilepsy".
    public func special(_ p: Person, _ rng: inout CorpusRandom, subject: String? = nil) {
        let (pre, term, post) = SpecialCategory.phrase(&rng, he: p.he, his: p.his)
        t((subject ?? (p.he.prefix(1).uppercased() + p.he.dropFirst())) + " " + pre)
        plant(.special_category, term)
        t(post)
    }
}
