/// A case-management CSV export: a header row and one row per person with a random set of
/// identifier columns. Values with commas or line breaks are quoted (the span is inside the
/// quotes). Categories that need a nearby context word (date of birth, passport, bank details,
/// CRN) are left out: in a CSV the context is the column header, far from the value.
enum CSVExport {
    enum Column: String, CaseIterable {
        case nino, nhs_number, pnc_id, cro_number, prison_number, vehicle, postcode, mobile, email
        case card_number, iban, ip_address, address, notes, offence, incident_date, incident_time, amount, urn, driving_licence
    }

    static func write(_ w: DocWriter, _ cast: Cast, _ rng: inout CorpusRandom) {
        var cols: [Column] = []
        for c in Column.allCases where rng.chance(0.45) { cols.append(c) }
        if !cols.contains(.postcode) { cols.append(.postcode) }
        if !cols.contains(.email) { cols.append(.email) }
        let sep = rng.chance(0.85) ? "," : ";"
        w.line((["id", "name"] + cols.map(\.rawValue)).joined(separator: sep))
        var people = cast.parties.filter { $0.role != .officer }
        // Extra rows of other people from the same area (parties too: they are named here).
        for _ in 0..<rng.int(3...14) {
            var p = Person.make(&rng, role: .witness)
            while people.contains(where: { $0.surname == p.surname || $0.forename == p.forename }) {
                p = Person.make(&rng, role: .witness)
            }
            people.append(p)
            w.names.add(p)
            w.parties.append(p)
        }
        for (i, p) in people.enumerated() {
            w.t("\(i + 1)" + sep)
            if rng.chance(0.35) { w.t("\""); w.name(p.surname.uppercased() + ", " + p.forename); w.t("\"") } else { w.name(p.fullName) }
            for c in cols {
                w.t(sep)
                field(w, c, p, sep: sep, &rng)
            }
            w.nl()
        }
    }

    static func quoted(_ w: DocWriter, _ body: () -> Void) { w.t("\""); body(); w.t("\"") }

    static func field(_ w: DocWriter, _ c: Column, _ p: Person, sep: String, _ rng: inout CorpusRandom) {
        if rng.chance(0.08) { return } // empty cell
        switch c {
        case .nino: w.plant(.nino, Written.nino(p.ids, &rng))
        case .nhs_number: w.plant(.nhs_number, Written.nhs(p.ids.nhs, bareAllowed: false, &rng), variant: p.ids.nhsKind)
        case .pnc_id: w.plant(.pnc_id, Written.pnc(p.ids, &rng))
        case .cro_number: w.plant(.cro_number, Written.cro(p.ids, &rng), variant: p.ids.croSF ? "sf" : nil)
        case .prison_number: w.plant(.prison_number, Written.prison(p.ids, &rng))
        case .vehicle: w.plant(.vehicle_registration, Vehicles.written(p.ids.vehicle, &rng))
        case .postcode: w.plant(.postcode, Written.postcode(p.home.postcode, &rng))
        case .mobile: w.plant(.phone_number, p.ids.mobile)
        case .email: w.plant(.email_address, p.ids.email)
        case .card_number: w.plant(.payment_card, Cards.written(p.ids.card, &rng))
        case .iban: w.plant(.iban, IBANs.written(p.ids.iban, &rng))
        case .ip_address: w.plant(.ip_address, p.ids.ip)
        case .driving_licence: w.plant(.driving_licence, Written.licence(p.ids, &rng))
        case .address:
            quoted(w) { w.plant(.address, p.home.firstLine + (rng.chance(0.2) ? "\n" : ", ") + p.home.locality) }
        case .notes:
            quoted(w) {
                let (pre, term, post) = SpecialCategory.phrase(&rng, he: p.he, his: p.his)
                w.t(cap(pre)); w.plant(.special_category, term); w.t(post)
            }
        case .offence: quoted(w) { w.decoy(Decoys.statute(&rng)) }
        case .incident_date: w.decoy(Decoys.date(&rng))
        case .incident_time: w.decoy(Decoys.time(&rng))
        case .amount: quoted(w) { w.decoy(Decoys.money(&rng)) }
        case .urn: w.decoy(Decoys.urn(&rng))
        }
    }
}
