/// A case party's role, as written in a party list (`name<TAB>role`).
public enum PartyRole: String, CaseIterable, Sendable {
    case victim, witness, defendant, officer, professional
}

/// A simple calendar date (no Foundation in generation code).
public struct SimpleDate: Sendable, Equatable {
    public var year: Int, month: Int, day: Int
    public init(_ year: Int, _ month: Int, _ day: Int) { self.year = year; self.month = month; self.day = day }

    public static func random(_ rng: inout CorpusRandom, years: ClosedRange<Int>) -> SimpleDate {
        let y = rng.int(years), m = rng.int(1...12)
        return SimpleDate(y, m, rng.int(1...DateParsing.daysIn(month: m, year: y)))
    }
}

/// One person in a document: a party (listed in the party file) or a titled stranger (only ever
/// written as title + surname, e.g. "Mr Okafor", and found by the titled-name rule).
public struct Person: Sendable {
    public var forename: String
    public var surname: String
    public var female: Bool
    public var title: String
    public var role: PartyRole
    public var dob: SimpleDate
    public var home: Address
    public var ids: Identity

    public var fullName: String { forename + " " + surname }
    public var he: String { female ? "she" : "he" }
    public var his: String { female ? "her" : "his" }
    public var him: String { female ? "her" : "him" }

    public static func make(_ rng: inout CorpusRandom, role: PartyRole, adult: Bool = true) -> Person {
        let female = rng.chance(0.5)
        let forename = rng.pick(female ? NamePools.female : NamePools.male)
        let surname = rng.chance(0.8) ? rng.pick(NamePools.surnames) : NamePools.inventedSurname(&rng)
        return make(&rng, role: role, forename: forename, surname: surname, female: female, adult: adult)
    }

    /// A person with a given name (the benchmark stream draws names from its dictionary).
    public static func make(_ rng: inout CorpusRandom, role: PartyRole, forename: String, surname: String,
                            female: Bool, adult: Bool = true) -> Person {
        let title: String
        if role == .professional && rng.chance(0.5) { title = "Dr" }
        else if female { title = rng.pick(["Mrs", "Ms", "Miss", "Ms"]) }
        else { title = "Mr" }
        let dob = SimpleDate.random(&rng, years: adult ? 1948...2005 : 2007...2012)
        let home = Address.make(&rng)
        let ids = Identity.make(&rng, forename: forename, surname: surname, female: female, dob: dob)
        return Person(forename: forename, surname: surname, female: female, title: title, role: role,
                      dob: dob, home: home, ids: ids)
    }
}

/// The people of one document: parties (who go in the party list) and strangers.
public struct Cast: Sendable {
    public var parties: [Person]
    public var strangers: [Person]

    public func first(_ role: PartyRole) -> Person? { parties.first { $0.role == role } }
    public func all(_ role: PartyRole) -> [Person] { parties.filter { $0.role == role } }

    /// A cast with one defendant, one victim, 0-2 witnesses, one officer, maybe a professional,
    /// and a few strangers with surnames no party has.
    public static func make(_ rng: inout CorpusRandom) -> Cast {
        var people: [Person] = []
        var usedSurnames: [String] = []
        func add(_ role: PartyRole, _ rng: inout CorpusRandom) -> Person {
            var p = Person.make(&rng, role: role)
            while usedSurnames.contains(p.surname) || people.contains(where: { $0.forename == p.forename }) {
                p = Person.make(&rng, role: role)
            }
            usedSurnames.append(p.surname)
            people.append(p)
            return p
        }
        _ = add(.defendant, &rng)
        _ = add(.victim, &rng)
        for _ in 0..<rng.int(3) { _ = add(.witness, &rng) }
        _ = add(.officer, &rng)
        if rng.chance(0.6) { _ = add(.professional, &rng) }
        var strangers: [Person] = []
        for _ in 0..<(1 + rng.int(3)) {
            var s = Person.make(&rng, role: .witness)
            while usedSurnames.contains(s.surname) { s = Person.make(&rng, role: .witness) }
            usedSurnames.append(s.surname)
            strangers.append(s)
        }
        return Cast(parties: people, strangers: strangers)
    }
}
