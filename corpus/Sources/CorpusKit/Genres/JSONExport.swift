/// A JSON export of person records, pretty-printed or compact. Values are written raw (UTF-8,
/// no `\u` escapes) so spans are the bytes inside the quotes. Keys give context: `"dob": "..."`,
/// `"passport_number": "..."`. Decoy fields come before the date of birth in each record, so no
/// decoy date follows a birth key within the decoy window.
enum JSONExport {
    static func write(_ w: DocWriter, _ cast: Cast, _ rng: inout CorpusRandom) {
        let pretty = rng.chance(0.7)
        let nl = pretty ? "\n" : ""
        let ind1 = pretty ? "  " : "", ind2 = pretty ? "    " : ""
        let colon = pretty ? ": " : ":"
        var people = cast.parties.filter { $0.role != .officer }
        for _ in 0..<rng.int(2...8) {
            var p = Person.make(&rng, role: .witness)
            while people.contains(where: { $0.surname == p.surname || $0.forename == p.forename }) {
                p = Person.make(&rng, role: .witness)
            }
            people.append(p)
            w.names.add(p)
            w.parties.append(p)
        }
        let optional = ["nhs_number", "pnc_id", "cro_number", "prison_number", "crn", "passport_number", "driving_licence",
                        "vehicle", "sort_code", "account_number", "card_number", "iban", "ip_address", "notes", "address"]
        var chosen: [String] = []
        for k in optional where rng.chance(0.5) { chosen.append(k) }
        w.t("{" + nl + ind1 + "\"export\"" + colon + "\"case-management\"," + nl + ind1 + "\"records\"" + colon + "[" + nl)
        for (i, p) in people.enumerated() {
            w.t(ind1 + "{" + nl)
            var first = true
            func key(_ k: String) {
                w.t((first ? "" : "," + nl) + ind2 + "\"" + k + "\"" + colon)
                first = false
            }
            func str(_ k: String, _ body: () -> Void) { key(k); w.t("\""); body(); w.t("\"") }
            key("id"); w.t("\(i + 1)")
            str("name") { w.name(rng.chance(0.3) ? p.surname.uppercased() + ", " + p.forename : p.fullName) }
            if rng.chance(0.5) { str("offence") { w.decoy(Decoys.statute(&rng)) } }
            if rng.chance(0.5) { str("hearing_date") { w.decoy(Decoys.date(&rng)) } }
            if rng.chance(0.3) { str("costs") { w.decoy(Decoys.money(&rng)) } }
            str(rng.chance(0.5) ? "dob" : "date_of_birth") { w.plant(.date_of_birth, Written.date(p.dob, &rng, iso: rng.chance(0.7))) }
            str("nino") { w.plant(.nino, Written.nino(p.ids, &rng)) }
            str("postcode") { w.plant(.postcode, Written.postcode(p.home.postcode, &rng)) }
            str("phone") { w.plant(.phone_number, p.ids.mobile) }
            str("email") { w.plant(.email_address, p.ids.email) }
            for k in chosen {
                switch k {
                case "nhs_number": str(k) { w.plant(.nhs_number, Written.nhs(p.ids.nhs, bareAllowed: true, &rng), variant: p.ids.nhsKind) }
                case "pnc_id": str(k) { w.plant(.pnc_id, Written.pnc(p.ids, &rng)) }
                case "cro_number": str(k) { w.plant(.cro_number, Written.cro(p.ids, &rng), variant: p.ids.croSF ? "sf" : nil) }
                case "prison_number": str(k) { w.plant(.prison_number, Written.prison(p.ids, &rng)) }
                case "crn": str(k) { w.plant(.crn, p.ids.crn) }
                case "passport_number": str(k) { w.plant(.passport_number, p.ids.passport) }
                case "driving_licence": str(k) { w.plant(.driving_licence, Written.licence(p.ids, &rng)) }
                case "vehicle": str(k) { w.plant(.vehicle_registration, Vehicles.written(p.ids.vehicle, &rng)) }
                case "sort_code": str(k) { w.plant(.sort_code, Written.sortCode(p.ids.sortCode, &rng)) }
                case "account_number": str(k) { w.plant(.bank_account, p.ids.account) }
                case "card_number": str(k) { w.plant(.payment_card, Cards.written(p.ids.card, &rng)) }
                case "iban": str(k) { w.plant(.iban, IBANs.written(p.ids.iban, &rng)) }
                case "ip_address": str(k) { w.plant(.ip_address, p.ids.ip) }
                case "address": str(k) { w.plant(.address, p.home.firstLine + ", " + p.home.locality) }
                default:
                    str(k) {
                        let (pre, term, post) = SpecialCategory.phrase(&rng, he: p.he, his: p.his)
                        w.t(cap(pre)); w.plant(.special_category, term); w.t(post)
                    }
                }
            }
            w.t(nl + ind1 + "}" + (i == people.count - 1 ? "" : ",") + nl)
        }
        w.t(ind1 + "]" + nl + "}" + nl)
    }
}
