import Foundation

/// Benchmark mode: one large text stream of any size with planted items at a chosen density
/// (dense: about one per 300 bytes; sparse: about one per 10 KB), decoys among them, and names
/// from a generated dictionary written beside it as a party list. Built in byte buffers and
/// written in 8 MiB chunks; filler sentences are pre-encoded once.
public enum StreamWriter {
    public enum Density: String, Sendable, CaseIterable {
        case dense, sparse
        /// Bytes between the starts of consecutive planted sentences (uniform range).
        var gap: ClosedRange<Int> { self == .dense ? 150...450 : 5_000...15_480 }
    }

    public struct Stats: Sendable {
        public var bytes = 0
        public var perCategory: [PlantCategory: Int] = [:]
        public var decoys = 0
        public var names = 0
        public var planted: Int { perCategory.values.reduce(0, +) }

        /// `<stem>.expected.json`: what a perfect finder reports on this stream.
        public func json(seed: UInt64, density: Density, file: String, partyFile: String) -> String {
            var s = "{\n  \"file\": \"\(file)\",\n  \"parties\": \"\(partyFile)\",\n  \"seed\": \(seed),\n"
            s += "  \"density\": \"\(density.rawValue)\",\n  \"bytes\": \(bytes),\n  \"names\": \(names),\n"
            s += "  \"planted\": \(planted),\n  \"decoys\": \(decoys),\n  \"per_category\": {\n"
            s += PlantCategory.allCases.map { "    \"\($0.rawValue)\": \(perCategory[$0, default: 0])" }.joined(separator: ",\n")
            s += "\n  }\n}\n"
            return s
        }
    }

    static let fillerPools = [Prose.witness, Prose.custody, Prose.probation, Prose.notes, Prose.email, Prose.letter]

    /// Writes `size` bytes (rounded up to a sentence) to `file`, the party list to
    /// `<stem>.parties.txt`, counts to `<stem>.expected.json`, and, when `withTruth`,
    /// `<stem>.truth.jsonl` and `<stem>.decoys.jsonl`.
    public static func write(seed: UInt64, size: Int, density: Density, nameCount: Int, to file: URL,
                             withTruth: Bool) throws -> Stats {
        let dir = file.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let stem = file.deletingPathExtension().lastPathComponent
        let fileName = file.lastPathComponent
        let names = NameDictionary.make(seed: seed, count: max(1, nameCount))
        try Data(NameDictionary.partyList(names)).write(to: dir.appendingPathComponent(stem + ".parties.txt"))

        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        let out = try FileHandle(forWritingTo: file)
        defer { try? out.close() }
        var truthOut: FileHandle?, decoyOut: FileHandle?
        if withTruth {
            for suffix in [".truth.jsonl", ".decoys.jsonl"] {
                _ = FileManager.default.createFile(atPath: dir.appendingPathComponent(stem + suffix).path, contents: nil)
            }
            truthOut = try FileHandle(forWritingTo: dir.appendingPathComponent(stem + ".truth.jsonl"))
            decoyOut = try FileHandle(forWritingTo: dir.appendingPathComponent(stem + ".decoys.jsonl"))
        }
        defer { try? truthOut?.close(); try? decoyOut?.close() }

        var rng = CorpusRandom(seed: seed, stream: 0x5354_5245_414D) // "STREAM"
        var book = NameBook()
        for n in names { book.add(forename: n.forename, surname: n.surname) }
        let w = DocWriter(lineEnding: .lf, bom: false, names: book, seed: rng.next())
        let filler: [[UInt8]] = fillerPools.flatMap { $0 }.map { Array(($0 + " ").utf8) }

        var pool: [Person] = []
        for i in 0..<min(256, names.count) { pool.append(person(names[i], &rng)) }
        var stats = Stats()
        stats.names = names.count
        var sentences = 0
        var lines = [UInt8](), decoyLines = [UInt8]()

        func flush(final: Bool) throws {
            let problems = w.verify()
            if !problems.isEmpty { throw CorpusRefusal(problems: problems) }
            let part = w.drain(keep: final ? 0 : 128)
            out.write(Data(part.bytes))
            for t in part.truth { stats.perCategory[t.category, default: 0] += 1 }
            stats.decoys += part.decoys.count
            if withTruth {
                lines.removeAll(keepingCapacity: true); decoyLines.removeAll(keepingCapacity: true)
                for t in part.truth { JSONLines.line(path: fileName, span: t, to: &lines) }
                for d in part.decoys { JSONLines.line(path: fileName, span: d, to: &decoyLines) }
                truthOut?.write(Data(lines)); decoyOut?.write(Data(decoyLines))
            }
        }

        while w.count < size {
            let itemStart = w.count
            if rng.chance(0.1) { pool[rng.int(pool.count)] = person(names[rng.int(names.count)], &rng) }
            let p = pool[rng.int(pool.count)]
            item(PlantCategory.allCases[rng.int(PlantCategory.allCases.count)], w, p, &rng)
            if rng.chance(0.35) { decoy(w, p, &rng, filler: filler) }
            let target = itemStart + rng.int(density.gap)
            while w.count < target {
                w.raw(filler[rng.int(filler.count)])
                sentences += 1
                if sentences % 7 == 0 { w.t("\n\n") }
            }
            if w.bytes.count >= 8 << 20 { try flush(final: false) }
        }
        w.t("\n")
        try flush(final: true)
        stats.bytes = w.count
        let expected = stats.json(seed: seed, density: density, file: fileName, partyFile: stem + ".parties.txt")
        try Data(expected.utf8).write(to: dir.appendingPathComponent(stem + ".expected.json"))
        return stats
    }

    static func person(_ n: GeneratedName, _ rng: inout CorpusRandom) -> Person {
        Person.make(&rng, role: n.role, forename: n.forename, surname: n.surname, female: n.female)
    }

    /// One sentence carrying one planted item (two for an address: it is followed by its postcode).
    static func item(_ c: PlantCategory, _ w: DocWriter, _ p: Person, _ rng: inout CorpusRandom) {
        switch c {
        case .nino: w.t(rng.pick(["NI number ", "National Insurance number ", "NINO: "])); w.nino(p, &rng)
        case .nhs_number: w.nhs(p, &rng)
        case .pnc_id: w.t(rng.pick(["PNC ID ", "PNC: ", "PNCID "])); w.plant(.pnc_id, Written.pnc(p.ids, &rng))
        case .cro_number: w.t(rng.pick(["CRO number ", "CRO: "])); w.plant(.cro_number, Written.cro(p.ids, &rng), variant: p.ids.croSF ? "sf" : nil)
        case .prison_number: w.t(rng.pick(["Prison number ", "NOMIS number ", "Prisoner no. "])); w.plant(.prison_number, Written.prison(p.ids, &rng))
        case .crn: w.t(rng.pick(["CRN ", "nDelius CRN: ", "Probation case reference "])); w.plant(.crn, p.ids.crn)
        case .passport_number: w.t(rng.pick(["Passport number ", "passport no. ", "UK passport "])); w.plant(.passport_number, p.ids.passport)
        case .driving_licence: w.t(rng.pick(["Driving licence ", "DL number ", "Licence no. "])); w.plant(.driving_licence, Written.licence(p.ids, &rng))
        case .vehicle_registration: w.t(rng.pick(["Vehicle ", "VRM ", "The car, registration "])); w.plant(.vehicle_registration, Vehicles.written(p.ids.vehicle, &rng)); w.t(" was seen on ANPR")
        case .sort_code: w.t(rng.pick(["Sort code ", "sort-code ", "Bank sort code "])); w.plant(.sort_code, Written.sortCode(p.ids.sortCode, &rng))
        case .bank_account: w.t(rng.pick(["Account number ", "Acc no. ", "a/c "])); w.plant(.bank_account, p.ids.account)
        case .payment_card: w.t(rng.pick(["Card number ", "Paid with card ", "Card used: "])); w.plant(.payment_card, Cards.written(p.ids.card, &rng))
        case .iban: w.t(rng.pick(["IBAN ", "Transferred to IBAN ", "Beneficiary "])); w.plant(.iban, IBANs.written(p.ids.iban, &rng))
        case .phone_number: w.t(rng.pick(["Contact on ", "Tel: ", "Mobile ", "Called from "])); w.phone(&rng)
        case .email_address: w.t(rng.pick(["Email ", "Emailed ", "Contact email: "])); w.plant(.email_address, p.ids.email)
        case .postcode: w.t(rng.pick(["Postcode ", "Seen near ", "Area "])); w.plant(.postcode, Written.postcode(p.home.postcode, &rng))
        case .ip_address: w.t(rng.pick(["Logged in from ", "IP address ", "Source IP "])); w.plant(.ip_address, p.ids.ip)
        case .date_of_birth: w.dob(p, &rng)
        case .person_name:
            w.t(rng.pick(["Statement taken from ", "Spoke to ", "Interviewed "]))
            if rng.chance(0.3) { w.t(p.title + " "); w.name(p.surname) } else { w.mention(p, &rng, titled: false) }
        case .address: w.t(rng.pick(["Lives at ", "Address: ", "Attended "])); w.address(p.home, &rng, breakLine: rng.chance(0.1))
        case .special_category: w.special(p, &rng)
        }
        w.t(". ")
    }

    /// One sentence carrying one decoy. Dates wait until no birth word is in the decoy window.
    static func decoy(_ w: DocWriter, _ p: Person, _ rng: inout CorpusRandom, filler: [[UInt8]]) {
        let kind = rng.int(14)
        if kind == 6 {
            while Context.contains(Context.words(for: .date_of_birth), in: w.lastBytes(Context.decoyWindow)) {
                w.raw(filler[rng.int(filler.count)])
            }
        }
        switch kind {
        case 0: w.t("Reference "); w.decoy(Decoys.nhsChecksum(&rng))
        case 1: w.t("Incident number "); w.decoy(Decoys.caseNumber(&rng))
        case 2: w.t("URN "); w.decoy(Decoys.urn(&rng))
        case 3: w.t("Loyalty card "); w.decoy(Decoys.cardLuhn(&rng))
        case 4: w.t("Contrary to "); w.decoy(Decoys.statute(&rng))
        case 5: w.t("At "); w.decoy(Decoys.time(&rng)); w.t(" the sum of "); w.decoy(Decoys.money(&rng)); w.t(" was taken")
        case 6: w.t("On "); w.decoy(Decoys.date(&rng)); w.t(" the file was reviewed")
        case 7: w.t("Exhibit "); w.decoy(Decoys.exhibit(initials: rng.letters(2, from: "ABCDEFGHJKLMNPRSTW"), &rng))
        case 8: w.t("Listed before Mr "); w.decoy(Decoys.judge(&rng))
        case 9: w.t("Wearing "); w.decoy(.person_name, "Dr Martens", kind: "brand"); w.t(" boots")
        case 10: w.t("ISBN "); w.decoy(Decoys.isbn(&rng))
        case 11: w.t("Overseas number "); w.decoy(Decoys.foreignPhone(&rng))
        case 12: w.t("Example only: "); w.decoy(rng.chance(0.5) ? Decoys.ninoPrefix(&rng) : Decoys.ninoSuffix(&rng))
        default: w.t("Old ref "); w.decoy(rng.chance(0.5) ? Decoys.pncLetter(&rng) : Decoys.croLetter(&rng))
        }
        w.t(". ")
    }
}
