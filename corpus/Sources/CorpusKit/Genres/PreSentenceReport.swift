/// Pre-sentence report extract: the probation header (CRN, PNC, prison number on remand),
/// sources of information, offence analysis, and the health/relationships/finances sections
/// where special-category data and bank details appear.
enum PreSentenceReport {
    static func write(_ w: DocWriter, _ cast: Cast, _ rng: inout CorpusRandom) {
        let d = cast.first(.defendant)!
        let author = cast.first(.professional) ?? cast.first(.officer)!
        let court = Places.locality(&rng) + " " + rng.pick(["Magistrates' Court", "Crown Court"])
        w.line("PRE-SENTENCE REPORT (EXTRACT)")
        w.line("OFFICIAL - SENSITIVE")
        w.nl()
        w.t("Name: "); w.name(rng.chance(0.5) ? d.fullName : d.surname.uppercased() + ", " + d.forename); w.nl()
        w.dob(d, &rng, label: rng.pick(["Date of birth: ", "DOB: "])); w.nl()
        w.t("Address: "); w.address(d.home, &rng); w.nl()
        w.t("CRN: "); w.plant(.crn, d.ids.crn); w.t("    PNC: "); w.plant(.pnc_id, Written.pnc(d.ids, &rng)); w.nl()
        let onRemand = rng.chance(0.4)
        if onRemand { w.t("Prison number: "); w.plant(.prison_number, Written.prison(d.ids, &rng)); w.t(" (remanded to HMP " + Places.locality(&rng) + ")"); w.nl() }
        let offence = Prose.offence(&rng)
        w.t("Offence(s): " + cap(offence.name) + " ("); w.decoy(Decoys.statute(offence.statute)); w.t(")"); w.nl()
        w.t("Court: " + court + "    Date of hearing: "); w.decoy(Decoys.date(&rng)); w.nl(2)

        w.line("1. SOURCES OF INFORMATION")
        w.t("Interview with "); w.t(d.title + " "); w.name(d.surname)
        w.t(onRemand ? " by video link on " : " at the probation office on "); w.decoy(Decoys.date(&rng)); w.t("; CPS case papers; previous convictions printout; ")
        w.t("information from "); w.stranger(cast.strangers[0], &rng); w.t(" of the housing support service."); w.nl(2)

        w.line("2. OFFENCE ANALYSIS")
        w.mention(d, &rng); w.t(" was convicted after trial of " + offence.name + ". ")
        if let v = cast.first(.victim) {
            w.t("The victim, "); w.mention(v, &rng, titled: false); w.t(", was known to "); w.t(d.him); w.t(". ")
            w.mention(v, &rng, possessive: true); w.t(" victim personal statement describes lasting distress. ")
        }
        w.prose(Prose.probation, &rng, 3...5); w.nl(2)

        w.line("3. HEALTH AND WELLBEING")
        w.t(cap(d.he) + " told me that " + d.he + " ")
        let (pre, term, post) = SpecialCategory.health(&rng, he: d.he, his: d.his)
        w.t(pre); w.plant(.special_category, term); w.t(post); w.t(". ")
        w.t(cap(d.he) + " also takes "); w.plant(.special_category, rng.pick(SpecialCategory.medications)); w.t(rng.pick([" daily", " twice a day", " as prescribed"]) + ". ")
        if rng.chance(0.5) { w.t("GP records ("); w.nhs(d, &rng); w.t(") confirm this. ") }
        if rng.chance(0.3) { w.t(cap(d.he) + " is a practising "); w.plant(.special_category, rng.pick(SpecialCategory.religions)); w.t(". ") }
        if rng.chance(0.2) { w.t(cap(d.he) + " identifies as "); w.plant(.special_category, rng.pick(SpecialCategory.orientations)); w.t(". ") }
        w.nl(2)

        w.line("4. FINANCES")
        w.t(cap(d.he) + " reported debts of about "); w.decoy(Decoys.money(&rng)); w.t(". ")
        w.t("Universal Credit is paid into account number "); w.plant(.bank_account, d.ids.account)
        w.t(", sort code "); w.plant(.sort_code, Written.sortCode(d.ids.sortCode, &rng)); w.t(". ")
        if rng.chance(0.4) { w.t("NI number "); w.nino(d, &rng); w.t(". ") }
        if rng.chance(0.3) { w.t(cap(d.he) + " holds a UK passport (number "); w.plant(.passport_number, d.ids.passport); w.t("). ") }
        w.nl(2)
        w.line("4a. ACCOMMODATION AND RELATIONSHIPS")
        w.prose(Prose.probation, &rng, 2...3); w.nl(2)

        w.line("5. PROPOSAL")
        w.prose(Prose.probation, &rng, 2...4); w.nl(2)
        w.t("Author: "); w.name(author.fullName); w.t(", Probation Officer. Tel: "); w.phone(&rng, mobile: false)
        w.t(". Email: "); w.plant(.email_address, Emails.work(&rng, forename: author.forename, surname: author.surname, police: author.role == .officer)); w.nl()
    }
}
