/// MG11-style witness statement: the header block, a first-person narrative, and the witness
/// contact details section (address, phones, email, date of birth).
enum Statement {
    static func write(_ w: DocWriter, _ cast: Cast, _ rng: inout CorpusRandom) {
        let witness = cast.first(.witness) ?? cast.first(.victim)!
        let victim = cast.first(.victim)!
        let defendant = cast.first(.defendant)!
        let officer = cast.first(.officer)!

        w.line("RESTRICTED (when complete)" + String(repeating: " ", count: 40) + "MG11")
        w.line("WITNESS STATEMENT")
        w.t("Criminal Procedure Rules, "); w.decoy(.address, "r. 16.2", kind: "statute")
        w.t("; Criminal Justice Act 1967, "); w.decoy(.address, "s. 9", kind: "statute")
        w.line("; Magistrates' Courts Act 1980, s.5B")
        w.t(String(repeating: " ", count: 30) + "URN: "); w.decoy(Decoys.urn(&rng)); w.nl()
        w.t("Statement of: ")
        if rng.chance(0.5) { w.name(witness.forename + " " + witness.surname.uppercased()) } else { w.name(witness.fullName) }
        w.nl()
        w.line("Age if under 18: Over 18" + "        Occupation: " + rng.pick(Prose.occupations))
        w.line("This statement (consisting of \(rng.int(1...4)) page(s) each signed by me) is true to the best of my knowledge and belief and I make it knowing that, if it is tendered in evidence, I shall be liable to prosecution if I have wilfully stated in it anything which I know to be false, or do not believe to be true.")
        w.t("Signature: ............................    Date: "); w.decoy(Decoys.date(&rng)); w.nl(2)

        // Narrative.
        w.t("On "); w.decoy(Decoys.date(&rng)); w.t(" at about "); w.decoy(Decoys.time(&rng))
        if witness.role == .victim || rng.chance(0.5) {
            w.t(" I was at my home address, ")
            w.address(witness.home, &rng, breakLine: false, postcode: rng.chance(0.5))
        } else {
            w.t(" I was walking past ")
            w.address(victim.home, &rng, breakLine: false, postcode: rng.chance(0.5))
        }
        w.t(". "); w.prose(Prose.witness, &rng, 2...4); w.nl(2)

        w.t(defendant.female ? "I saw a woman I now know to be " : "I saw a man I now know to be "); w.mention(defendant, &rng, titled: false); w.t(". ")
        w.t(cap(defendant.he) + " was driving a " + rng.pick(Prose.vehicles) + ", registration ")
        w.plant(.vehicle_registration, Vehicles.written(defendant.ids.vehicle, &rng))
        w.t(". "); w.prose(Prose.witness, &rng, 2...4); w.nl(2)

        if witness.role != .victim {
            w.t("I know "); w.mention(victim, &rng); w.t(" as we live on the same road. ")
        }
        w.mention(victim, &rng, possessive: true)
        w.t(" phone was knocked out of \(victim.his) hand. I later called \(victim.him) on ")
        w.phone(&rng, mobile: true); w.t(". ")
        w.prose(Prose.witness, &rng, 2...4); w.nl(2)

        if let stranger = cast.strangers.first {
            w.t("A neighbour, "); w.stranger(stranger, &rng)
            w.t(", came out and said \(stranger.he) would call the police. ")
        }
        if rng.chance(0.6) {
            w.t("The man was wearing a black jacket and black ")
            w.decoy(.person_name, rng.chance(0.5) ? "Dr Martens" : "Dr. Martens", kind: "brand")
            w.t(" boots. ")
        }
        if rng.chance(0.5) {
            w.t("He took about "); w.decoy(Decoys.money(&rng)); w.t(" in cash from the till. ")
        }
        if rng.chance(0.4), defendant.surname.allSatisfy({ $0.isASCII && $0.isLetter }) {
            w.t("He ran off towards the junction with ")
            w.decoy(.person_name, defendant.surname + " " + rng.pick(["Street", "Road", "Lane"]), kind: "street_surname")
            w.t(". ")
        }
        w.t("I know that "); w.mention(victim, &rng); w.t(" ")
        let (pre, term, post) = SpecialCategory.phrase(&rng, he: victim.he, his: victim.his)
        w.t(pre); w.plant(.special_category, term); w.t(post); w.t(". ")
        w.nl(2)

        let initials = String(witness.forename.prefix(1) + witness.surname.prefix(1)).uppercased()
        w.t("I took a video on my phone and I produce it as exhibit ")
        w.decoy(Decoys.exhibit(initials: initials, &rng))
        w.t(". "); w.prose(Prose.witness, &rng, 1...3); w.nl(2)
        if rng.chance(0.25) {
            w.t("I showed the officer my passport, number "); w.plant(.passport_number, witness.ids.passport)
            w.t(", to confirm who I am. ")
        }
        w.prose(Prose.witness, &rng, 1...2); w.nl(2)

        w.t("Signature: ............................    Signature witnessed by: ")
        w.officer(officer, &rng); w.nl(3)

        // Contact details block (on the back page of a real MG11).
        w.line("WITNESS CONTACT DETAILS")
        w.t("Dates to avoid: "); w.decoy(Decoys.date(&rng)); w.t(", "); w.decoy(Decoys.date(&rng)); w.nl()
        w.t("Home address: "); w.address(witness.home, &rng); w.nl()
        w.t("Home telephone: "); w.phone(&rng, mobile: false); w.t("    Mobile: ")
        w.plant(.phone_number, witness.ids.mobile); w.nl()
        w.t("Email address: "); w.plant(.email_address, witness.ids.email); w.nl()
        w.dob(witness, &rng, label: rng.pick(["Date of birth: ", "DOB: ", "D.O.B.: "])); w.nl()
        if rng.chance(0.3) { w.t("NI number: "); w.nino(witness, &rng); w.nl() }
        w.line("Does the witness require special measures? " + rng.pick(["No", "Yes - screens", "To be discussed"]))
    }
}
