/// An email chain exported as text: headers (with an originating IP), a body, a signature block
/// with phone numbers and address, then the quoted earlier message with "> " prefixes.
enum EmailChain {
    static func header(_ w: DocWriter, from: Person, to: Person, subjectDefendant: Person, _ rng: inout CorpusRandom) {
        w.t("From: "); w.name(from.fullName); w.t(" <"); w.plant(.email_address, Emails.work(&rng, forename: from.forename, surname: from.surname, police: from.role == .officer)); w.t(">"); w.nl()
        w.t("Sent: "); w.decoy(Decoys.date(&rng)); w.t(" "); w.decoy(Decoys.time(&rng)); w.nl()
        w.t("To: "); w.name(to.fullName); w.t(" <"); w.plant(.email_address, Emails.work(&rng, forename: to.forename, surname: to.surname, police: to.role == .officer)); w.t(">"); w.nl()
        w.t("Subject: R v "); w.name(subjectDefendant.fullName); w.t(" - " + rng.pick(["witness availability", "disclosure", "bail variation", "trial update"])); w.nl()
        if rng.chance(0.5) { w.t("X-Originating-IP: ["); w.plant(.ip_address, IPs.make(&rng)); w.t("]"); w.nl() }
        w.nl()
    }

    static func signature(_ w: DocWriter, _ p: Person, _ rng: inout CorpusRandom) {
        w.line(rng.pick(["Kind regards,", "Many thanks,", "Regards,", "Best wishes,"]))
        w.name(p.fullName); w.nl()
        w.line(p.role == .officer ? "Officer in the case | " + rng.pick(Prose.forces) : rng.pick(["Witness Care Officer", "Senior Crown Prosecutor", "Paralegal Officer", "Probation Officer"]))
        w.t("Tel: "); w.phone(&rng, mobile: false); w.t(" | Mob: "); w.phone(&rng, mobile: true); w.nl()
    }

    static func write(_ w: DocWriter, _ cast: Cast, _ rng: inout CorpusRandom) {
        let d = cast.first(.defendant)!
        let v = cast.first(.victim)!
        let officer = cast.first(.officer)!
        let other = cast.first(.professional) ?? cast.first(.witness) ?? v
        header(w, from: officer, to: other, subjectDefendant: d, &rng)
        w.t("Dear "); w.t(other.title + " "); w.name(other.surname); w.t(","); w.nl(2)
        w.prose(Prose.email, &rng, 1...2); w.nl(2)
        w.t("The victim, "); w.mention(v, &rng, titled: false); w.t(", can be contacted on "); w.plant(.phone_number, v.ids.mobile)
        w.t(" or at "); w.plant(.email_address, v.ids.email); w.t(". ")
        w.t(cap(v.he) + " is now living at "); w.address(v.home, &rng); w.t(". ")
        w.t("Please note "); w.t(v.he + " "); let (pre, term, post) = SpecialCategory.phrase(&rng, he: v.he, his: v.his)
        w.t(pre); w.plant(.special_category, term); w.t(post); w.t(" and may need breaks when giving evidence."); w.nl(2)
        if rng.chance(0.5) {
            w.t("I attach the MG11 of "); if let x = cast.first(.witness) { w.mention(x, &rng) } else { w.stranger(cast.strangers[0], &rng) }
            w.t(" and the hearing is at "); w.decoy(Decoys.time(&rng)); w.t(". "); w.prose(Prose.email, &rng, 1...1); w.nl(2)
        }
        w.t("For completeness: "); w.mention(d, &rng, titled: true); w.t(", ")
        w.dob(d, &rng, label: rng.pick(["DOB ", "born ", "date of birth "])); w.t(", PNC "); w.plant(.pnc_id, Written.pnc(d.ids, &rng)); w.t("."); w.nl(2)
        if rng.chance(0.35) {
            w.t("Probation have the case under CRN "); w.plant(.crn, d.ids.crn); w.t(". "); w.prose(Prose.email, &rng, 1...1); w.nl(2)
        }
        w.prose(Prose.email, &rng, 1...2); w.nl(2)
        signature(w, officer, &rng)
        w.nl()

        // The quoted earlier message.
        w.line("-----Original Message-----")
        w.t("From: "); w.name(other.fullName); w.nl()
        w.t("Sent: "); w.t(rng.pick(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]) + ", "); w.decoy(Decoys.date(&rng)); w.nl()
        w.t("To: "); w.name(officer.fullName); w.nl()
        w.t("Subject: R v "); w.name(d.fullName); w.nl(2)
        w.t("> "); w.prose(Prose.email, &rng, 1...1); w.nl()
        w.t("> Could you send me "); w.mention(v, &rng, possessive: true); w.t(" NHS number? It is "); w.nl()
        w.t("> not on the MG6. " + cap(v.his) + " GP is "); w.t("Dr "); w.name(cast.strangers[0].surname); w.t("."); w.nl()
        w.t("> "); w.nl()
        w.t("> Thanks"); w.nl()
        w.t("> "); w.name(other.fullName); w.nl()
        w.t("> Reply to: "); w.plant(.email_address, Emails.work(&rng, forename: other.forename, surname: other.surname, police: other.role == .officer)); w.nl()
        if rng.chance(0.5) {
            w.t("> Reply above: the number is "); w.nhs(v, &rng); w.nl()
        }
    }
}
