/// A witness care or probation letter: the recipient's address block with line breaks inside
/// the address, reference and date lines, the body, and a signature.
enum Letter {
    static func write(_ w: DocWriter, _ cast: Cast, _ rng: inout CorpusRandom) {
        let to = cast.first(.witness) ?? cast.first(.victim)!
        let d = cast.first(.defendant)!
        let from = cast.first(.professional) ?? cast.first(.officer)!
        let unit = Places.locality(&rng) + " Witness Care Unit"
        w.line(unit)
        w.line(rng.pick(Prose.forces))
        w.nl()
        w.t(to.title + " "); w.name(to.fullName); w.nl()
        w.plant(.address, to.home.firstLine + "\n" + to.home.locality); w.nl()
        w.plant(.postcode, Written.postcode(to.home.postcode, &rng)); w.nl(2)
        w.t("Our ref: "); w.decoy(Decoys.reference(&rng)); w.nl()
        w.t("Date: "); w.decoy(Decoys.date(&rng)); w.nl(2)
        w.t("Dear "); w.t(to.title + " "); w.name(to.surname); w.t(","); w.nl(2)
        w.t("Re: R v "); w.name(d.fullName); w.t(" - " + Places.locality(&rng) + " Crown Court, "); w.decoy(Decoys.date(&rng))
        w.t(" at "); w.decoy(Decoys.time(&rng)); w.nl(2)
        w.prose(Prose.letter, &rng, 1...3); w.nl(2)
        w.t("You told us that you ")
        let (pre, term, post) = SpecialCategory.phrase(&rng, he: "you", his: "your")
        w.t(secondPerson(pre))
        w.plant(.special_category, term); w.t(post)
        w.t(", so we have asked the court for " + rng.pick(["screens", "regular breaks", "a live link", "a quiet waiting room"]) + ". ")
        w.prose(Prose.letter, &rng, 1...2); w.nl(2)
        if rng.chance(0.4) {
            w.t("Travel expenses will be paid into the bank account you gave us (sort code "); w.plant(.sort_code, Written.sortCode(to.ids.sortCode, &rng))
            w.t(", account number "); w.plant(.bank_account, to.ids.account); w.t(")."); w.nl(2)
        }
        w.t("If you need to contact us, please call "); w.phone(&rng, mobile: false); w.t(" or email ")
        w.plant(.email_address, Emails.work(&rng, forename: from.forename, surname: from.surname, police: from.role == .officer)); w.t("."); w.nl(2)
        w.line("Yours sincerely,")
        w.nl()
        w.name(from.fullName); w.nl()
        w.line(from.role == .officer ? "Witness Care Officer" : "Probation Officer")
    }

    /// "was diagnosed with" -> "were diagnosed with", "describes himself as" -> "describe yourself as".
    static func secondPerson(_ phrase: String) -> String {
        let pairs = [("describes him as", "describe yourself as"), ("describes himself as", "describe yourself as"),
                     ("disclosed that you is ", "are "), ("has ", "have "), ("is a ", "are a "), ("is of ", "are of "),
                     ("was ", "were "), ("is ", "are "), ("takes ", "take "), ("suffers ", "suffer "),
                     ("identifies ", "identify "), ("self-defines ", "self-define ")]
        var s = phrase
        for (a, b) in pairs { s = s.replacingAll(a, with: b) }
        return s
    }
}
