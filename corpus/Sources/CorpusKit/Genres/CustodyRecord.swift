/// Custody record: detainee block ("SURNAME, Forename"), identifiers held on PNC, arrest and
/// grounds (statute decoys), risk assessment (health, religion, ethnicity), property, and a
/// timed log.
enum CustodyRecord {
    static func write(_ w: DocWriter, _ cast: Cast, _ rng: inout CorpusRandom) {
        let d = cast.first(.defendant)!
        let officer = cast.first(.officer)!
        w.line(rng.pick(Prose.forces).uppercased() + " - CUSTODY RECORD")
        w.t("Custody ref: "); w.decoy(Decoys.reference(&rng)); w.t("    Station: " + Places.locality(&rng) + " Central"); w.nl(2)
        w.t("Detainee: "); w.name(d.surname.uppercased() + ", " + d.forename); w.nl()
        w.t("Sex: " + (d.female ? "F" : "M") + "    "); w.dob(d, &rng, label: rng.pick(["DOB: ", "Date of birth: ", "D.O.B.: "])); w.nl()
        w.t("Address: "); w.address(d.home, &rng); w.nl()
        w.t("PNC ID: "); w.plant(.pnc_id, Written.pnc(d.ids, &rng)); w.t("    CRO: "); w.plant(.cro_number, Written.cro(d.ids, &rng), variant: d.ids.croSF ? "sf" : nil); w.nl()
        w.t("NI number: "); w.nino(d, &rng); w.nl()
        if rng.chance(0.15) { w.t("(Earlier record shows "); w.decoy(Decoys.ninoSuffix(&rng)); w.t(", an invalid number.)"); w.nl() }
        if rng.chance(0.5) { w.t("Passport number: "); w.plant(.passport_number, d.ids.passport); w.t(" (retained)"); w.nl() }
        w.t("Tel: "); w.plant(.phone_number, d.ids.mobile); w.nl(2)

        w.t("Arrested: "); w.decoy(Decoys.date(&rng)); w.t(" "); w.decoy(.ip_address, "\(pad2(rng.int(0...23))):\(pad2(rng.int(0...59)))", kind: "time")
        w.t(" by "); w.officer(officer, &rng); w.nl()
        let offence = Prose.offence(&rng)
        w.t("Offence: " + offence.name + " contrary to "); w.decoy(Decoys.statute(offence.statute)); w.nl()
        w.t("Grounds for detention: to secure and preserve evidence and to obtain evidence by questioning ("); w.decoy(.ip_address, "PACE Code C 11.1", kind: "statute"); w.t(")."); w.nl(2)

        w.line("RISK ASSESSMENT")
        w.t("Detainee states "); w.t(d.he + " ")
        let (pre, term, post) = SpecialCategory.health(&rng, he: d.he, his: d.his)
        w.t(pre); w.plant(.special_category, term); w.t(post); w.t("."); w.nl()
        w.t("Medication: "); w.t(d.he + " takes "); w.plant(.special_category, rng.pick(SpecialCategory.medications)); w.t(" daily."); w.nl()
        w.t("Self-defined ethnicity: "); w.plant(.special_category, rng.pick(SpecialCategory.ethnicities)); w.nl()
        if rng.chance(0.5) {
            w.t("Dietary requirements: to be met, as "); w.t(d.he + " is a practising "); w.plant(.special_category, "Muslim"); w.t("."); w.nl()
        }
        if rng.chance(0.4) { w.t("GP: "); w.t("Dr "); w.name(cast.strangers[0].surname); w.t(", "); w.nhs(d, &rng); w.nl() }
        w.nl()

        w.line("PROPERTY")
        w.t("1 x mobile phone, 1 x wallet containing "); w.decoy(Decoys.money(&rng)); w.nl()
        w.t("1 x bank card "); w.plant(.payment_card, Cards.written(d.ids.card, &rng)); w.nl()
        w.t("1 x driving licence "); w.plant(.driving_licence, Written.licence(d.ids, &rng)); w.nl()
        w.t("Vehicle seized: "); w.plant(.vehicle_registration, Vehicles.written(d.ids.vehicle, &rng)); w.nl(2)

        w.line("LOG")
        for _ in 0..<rng.int(4...8) {
            w.decoy(Decoys.time(&rng)); w.t("  "); w.prose(Prose.custody, &rng, 1...1); w.nl()
        }
        w.decoy(Decoys.time(&rng)); w.t("  Call to solicitor, "); w.stranger(cast.strangers.last!, &rng)
        w.t(", on "); w.phone(&rng, mobile: false); w.t("."); w.nl()
        if let victim = cast.first(.victim), rng.chance(0.6) {
            w.decoy(Decoys.time(&rng)); w.t("  OIC updated: complainant "); w.mention(victim, &rng); w.t(" has been informed."); w.nl()
        }
        w.decoy(Decoys.time(&rng)); w.t("  Next of kin informed by phone on "); w.phone(&rng); w.t("."); w.nl()
    }
}
