/// Police pocket notebook entry, written in capitals: everything (names, addresses, emails,
/// dates of birth) is upper-cased by the writer, as officers write them.
enum Notebook {
    static func write(_ w: DocWriter, _ cast: Cast, _ rng: inout CorpusRandom) {
        let d = cast.first(.defendant)!
        let v = cast.first(.victim)!
        let officer = cast.first(.officer)!
        w.shout = true
        w.t("PNB ENTRY - "); w.officer(officer, &rng); w.nl()
        w.t("DATE "); w.decoy(Decoys.date(&rng)); w.t("  TIME "); w.decoy(.ip_address, "\(pad2(rng.int(0...23)))\(pad2(rng.int(0...59))) HRS", kind: "time"); w.nl(2)
        w.t("ATTENDED "); w.address(v.home, &rng, breakLine: false); w.t(" RE REPORT OF " + rng.pick(Prose.offences) + "."); w.nl()
        w.prose(Prose.notebook, &rng, 1...2); w.nl()
        if rng.chance(0.5) {
            w.t("WEARING BLACK "); w.decoy(.person_name, "Dr Martens", kind: "brand"); w.t(" BOOTS AND A GREY HOODY."); w.nl()
        }
        w.t("SPOKE TO IP "); w.name(v.fullName); w.t(" "); w.dob(v, &rng, label: "DOB "); w.t(" TEL "); w.plant(.phone_number, v.ids.mobile); w.nl()
        w.t("IP STATES SUSPECT IS EX PARTNER "); w.name(d.fullName); w.t(" WHO"); w.special(d, &rng, subject: ""); w.t("."); w.nl()
        w.t("VRM "); w.plant(.vehicle_registration, Vehicles.written(d.ids.vehicle, &rng)); w.t(" CHECKED ON PNC, REGISTERED KEEPER "); w.t(d.title + " "); w.name(d.surname); w.t("."); w.nl()
        w.prose(Prose.notebook, &rng, 1...2); w.nl()
        w.t("WITNESS "); w.stranger(cast.strangers[0], &rng); w.t(" AT NO. " + "\(rng.int(1...99))" + " SAW THE " + (d.female ? "FEMALE" : "MALE") + " LEAVE. "); w.prose(Prose.notebook, &rng, 1...2); w.nl()
        if rng.chance(0.5) { w.t("SUSPECT EMAIL GIVEN AS "); w.plant(.email_address, d.ids.email); w.nl() }
        w.t("ARRESTED "); w.name(d.fullName); w.t(" AT "); w.decoy(.ip_address, "\(pad2(rng.int(0...23)))\(pad2(rng.int(0...59))) HRS", kind: "time")
        w.t(" FOR "); w.decoy(.address, rng.pick(["S.47", "S.39", "S.4A"]), kind: "statute"); w.t(" - "); w.prose(Prose.notebook, &rng, 1...2); w.nl()
        w.t("PNC ID "); w.plant(.pnc_id, Written.pnc(d.ids, &rng)); w.t(" NINO "); w.nino(d, &rng); w.nl()
        w.t("SIGNED "); w.name(officer.fullName); w.nl()
        w.shout = false
    }
}
