/// Prosecutor's or officer's case notes: dated entries about witnesses, defence requests and,
/// for fraud and cyber cases, bank details, card numbers, IBANs and IP addresses, mixed with the
/// references, dates, statutes and judges that must not be found.
enum CaseNotes {
    static func write(_ w: DocWriter, _ cast: Cast, _ rng: inout CorpusRandom) {
        let d = cast.first(.defendant)!
        let v = cast.first(.victim)!
        let oic = cast.first(.officer)!
        w.t("CASE NOTES - R v "); w.name(d.forename + " " + d.surname.uppercased()); w.nl()
        w.t("URN "); w.decoy(Decoys.urn(&rng)); w.nl(2)

        var entries: [(inout CorpusRandom) -> Void] = []
        entries.append { rng in
            w.t("Spoke to OIC "); w.officer(oic, &rng); w.t(" on "); w.phone(&rng); w.t(". ")
            w.prose(Prose.notes, &rng, 1...2)
        }
        entries.append { rng in
            w.t("Victim "); w.mention(v, &rng, titled: false); w.t(" has moved; new address "); w.address(v.home, &rng, breakLine: false); w.t(". Do not disclose.")
        }
        entries.append { rng in
            w.t("Defence ("); w.stranger(cast.strangers[0], &rng); w.t(") request "); w.mention(v, &rng, possessive: true)
            w.t(" medical records. Records show the victim ")
            let (pre, term, post) = SpecialCategory.phrase(&rng, he: v.he, his: v.his)
            w.t(pre); w.plant(.special_category, term); w.t(post); w.t(". Third party material: consider PII.")
        }
        entries.append { rng in
            w.t("Fraud: funds moved from the victim's account (sort code "); w.plant(.sort_code, Written.sortCode(v.ids.sortCode, &rng))
            w.t(", account no. "); w.plant(.bank_account, v.ids.account); w.t(") to IBAN "); w.plant(.iban, IBANs.written(d.ids.iban, &rng)); w.t(".")
        }
        entries.append { rng in
            w.t("Card used online: "); w.plant(.payment_card, Cards.written(v.ids.card, &rng)); w.t(" from IP address "); w.plant(.ip_address, d.ids.ip)
            w.t(" at "); w.decoy(Decoys.time(&rng)); w.t(".")
        }
        entries.append { rng in
            w.t("PTPH listed before "); w.t("Mr "); w.decoy(Decoys.judge(&rng)); w.t(" on "); w.decoy(Decoys.date(&rng)); w.t(".")
        }
        entries.append { rng in
            let a = Prose.offence(&rng), b = Prose.offence(&rng)
            w.t("Charge reviewed: " + a.name + " ("); w.decoy(Decoys.statute(a.statute)); w.t(") rather than " + b.name + " (")
            w.decoy(Decoys.statute(b.statute)); w.t("). Disclosure under "); w.decoy(Decoys.statute(rng.pick(["CPIA 1996, s. 3", "PACE Code C 11.1", "Code C paragraph 10.1"]))); w.t(".")
        }
        entries.append { rng in
            w.t("Exhibit ref "); w.decoy(Decoys.exhibit(initials: rng.letters(2, from: "ABCDEFGHJKLMNPRSTW"), &rng)); w.t(" (CCTV) served. Incident number ")
            w.decoy(Decoys.caseNumber(&rng)); w.t(".")
        }
        entries.append { rng in
            w.t("Suspect's phone shows calls to "); w.decoy(Decoys.foreignPhone(&rng)); w.t(" and to "); w.phone(&rng, mobile: true); w.t(".")
        }
        entries.append { rng in
            w.t("Defendant's email "); w.plant(.email_address, d.ids.email); w.t("; vehicle "); w.plant(.vehicle_registration, Vehicles.written(d.ids.vehicle, &rng)); w.t(" seen on ANPR.")
        }
        entries.append { rng in
            w.t("Loyalty card number "); w.decoy(Decoys.cardLuhn(&rng)); w.t(" found in the wallet (not a payment card). Costs sought: "); w.decoy(Decoys.money(&rng)); w.t(".")
        }
        entries.append { rng in
            w.t("Form completed with the example NI number "); w.decoy(Decoys.ninoPrefix(&rng)); w.t("; real number is "); w.nino(d, &rng); w.t(".")
        }
        entries.append { rng in
            w.t("Prison library record lists ISBN "); w.decoy(Decoys.isbn(&rng)); w.t(" in the cell.")
        }
        entries.append { rng in
            w.t("Previous: PNC "); w.plant(.pnc_id, Written.pnc(d.ids, &rng)); w.t(", CRO "); w.plant(.cro_number, Written.cro(d.ids, &rng), variant: d.ids.croSF ? "sf" : nil)
            w.t(". Old reference "); w.decoy(Decoys.pncLetter(&rng)); w.t(" is a typo on the MG3.")
        }

        entries.append { rng in
            w.t("Probation (CRN "); w.plant(.crn, d.ids.crn); w.t(") to prepare a pre-sentence report. ")
            w.prose(Prose.notes, &rng, 1...2)
        }
        entries.append { rng in
            w.t("Defendant remanded; now at HMP " + Places.locality(&rng) + ", prison number "); w.plant(.prison_number, Written.prison(d.ids, &rng)); w.t(".")
        }
        entries.append { rng in
            w.t("Bail condition: passport number "); w.plant(.passport_number, d.ids.passport); w.t(" surrendered to the OIC.")
        }
        entries.append { rng in
            w.t("Hospital reference "); w.decoy(Decoys.nhsChecksum(&rng)); w.t(" on the discharge letter is the trust's own reference.")
        }
        entries.append { rng in
            w.t("A transfer to "); w.decoy(Decoys.ibanChecksum(&rng)); w.t(" was rejected by the receiving institution as invalid.")
        }
        entries.append { rng in
            w.t("Old CRO "); w.decoy(Decoys.croLetter(&rng)); w.t(" does not match; NIS to confirm. ")
            w.prose(Prose.notes, &rng, 1...1)
        }
        entries.append { rng in
            w.t("Second form shows "); w.decoy(Decoys.ninoSuffix(&rng)); w.t(" as the NI number, which cannot be right.")
        }
        entries.append { rng in
            w.prose(Prose.notes, &rng, 2...3)
        }

        // Shuffle the entries deterministically and write most of them.
        var order = Array(entries.indices)
        for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, rng.int(i + 1)) }
        for i in order.prefix(rng.int(12...entries.count)) {
            w.decoy(Decoys.date(&rng)); w.t(" "); w.decoy(Decoys.time(&rng)); w.t(" - ")
            entries[i](&rng)
            w.nl()
        }
        // Last, so that no decoy date follows a birth word within the decoy window.
        w.t("Witness "); if let x = cast.first(.witness) { w.mention(x, &rng) } else { w.stranger(cast.strangers.last!, &rng) }
        w.t(" (DOB "); w.plant(.date_of_birth, Written.date((cast.first(.witness) ?? cast.strangers.last!).dob, &rng))
        w.t(") needs an intermediary."); w.nl()
    }
}
