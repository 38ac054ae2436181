/// Vehicle registration marks (DVLA INF104): current `AB12 CDE` (memory tag without I, Q, Z; age
/// identifier March YY or September YY+50, 2002-2024), prefix `A123 BCD` and suffix `ABC 123D`.
public enum Vehicles {
    static let tag: StaticString = "ABCDEFGHJKLMNOPRSTUVWXY"
    static let random: StaticString = "ABCDEFGHJKLMNOPRSTUVWXYZ"
    static let yearLetter: StaticString = "ABCDEFGHJKLMNPRSTVWXY"

    /// Canonical form with its space.
    public static func make(_ rng: inout CorpusRandom) -> String {
        switch rng.weighted([80, 12, 8]) {
        case 0:
            let age = rng.chance(0.5) ? rng.int(2...24) : rng.int(51...74)
            return rng.letters(2, from: tag) + pad2(age) + " " + rng.letters(3, from: random)
        case 1:
            return String(rng.letter(from: yearLetter)) + "\(rng.int(1...999))" + " " + rng.letters(3, from: random)
        default:
            return rng.letters(3, from: random) + " " + "\(rng.int(1...999))" + String(rng.letter(from: yearLetter))
        }
    }

    /// As typed: with or without the space, sometimes lower case.
    public static func written(_ canonical: String, _ rng: inout CorpusRandom) -> String {
        var s = canonical
        if rng.chance(0.25) { s = s.replacingAll(" ", with: "") }
        if rng.chance(0.08) { s = s.lowercased() }
        return s
    }
}
