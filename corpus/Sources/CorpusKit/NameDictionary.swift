/// A dictionary of N distinct generated names for benchmarks (`--names N`): pool forenames with
/// pool or invented surnames, then double-barrelled surnames once those run out. Written as a
/// party list (`Full Name<TAB>role`), so a scanner loads it exactly like a document's party file.
public struct GeneratedName: Sendable {
    public var forename: String
    public var surname: String
    public var female: Bool
    public var role: PartyRole
    public var fullName: String { forename + " " + surname }
}

public enum NameDictionary {
    public static func make(seed: UInt64, count: Int) -> [GeneratedName] {
        var rng = CorpusRandom(seed: seed, stream: 0x4E41_4D45) // "NAME"
        var seen = Set<String>()
        var out: [GeneratedName] = []
        out.reserveCapacity(count)
        var attempts = 0
        while out.count < count {
            attempts += 1
            let female = rng.chance(0.5)
            let forename = rng.pick(female ? NamePools.female : NamePools.male)
            var surname = rng.chance(0.6) ? rng.pick(NamePools.surnames) : NamePools.inventedSurname(&rng)
            // Past the easy combinations, widen the space with double-barrelled surnames.
            if attempts > count * 2 || rng.chance(0.05) {
                surname += "-" + (rng.chance(0.5) ? rng.pick(NamePools.surnames) : NamePools.inventedSurname(&rng))
            }
            let full = forename + " " + surname
            if seen.contains(full) { continue }
            seen.insert(full)
            let role = PartyRole.allCases[rng.weighted([25, 35, 25, 10, 5])]
            out.append(GeneratedName(forename: forename, surname: surname, female: female, role: role))
        }
        return out
    }

    public static func partyList(_ names: [GeneratedName]) -> [UInt8] {
        var out = [UInt8]()
        for n in names { out.append(contentsOf: Array((n.fullName + "\t" + n.role.rawValue + "\n").utf8)) }
        return out
    }
}
