/// Streets, localities and postcodes. Street and town names are invented from generic words
/// and syllables; postcodes follow Royal Mail's structural rules with common area letters.
public enum Places {
    public static let streetBases = [
        "Marlow", "Beech", "Oak", "Elm", "Mill", "Church", "Station", "Victoria", "Albert", "Queens",
        "Chapel", "Manor", "Orchard", "Willow", "Cedar", "Rowan", "Hawthorn", "Meadow", "Brook",
        "Bridge", "School", "Castle", "North", "Spring", "Moor", "Heath", "Fern", "Clover", "Linden", "Larch",
        "Sycamore", "Primrose", "Bluebell", "Foxglove", "Kestrel", "Heron", "Ferndale", "Ashgrove",
        "Thornfield", "Westbury", "Hollins", "Laburnum", "Poplar", "Juniper", "Coronation", "Jubilee",
        "Tannery", "Foundry", "Weavers", "Ropewalk", "Canal", "Quarry", "Windmill", "Greenacre",
    ]
    /// Street types as written in full, and the abbreviations people type.
    public static let streetTypes = [
        "Road", "Street", "Avenue", "Lane", "Close", "Drive", "Way", "Crescent", "Gardens", "Terrace",
        "Place", "Court", "Grove", "Walk", "Mews", "Rise", "View", "Row", "Parade", "Square",
    ]
    public static let streetAbbreviations = ["Rd", "St", "Ave"]

    public static func isStreetType(_ w: String) -> Bool {
        let l = w.lowercased()
        return streetTypes.contains { $0.lowercased() == l } || streetAbbreviations.contains { $0.lowercased() == l }
    }

    public static func street(_ rng: inout CorpusRandom) -> String {
        let type = rng.chance(0.08) ? rng.pick(streetAbbreviations) : rng.pick(streetTypes)
        return rng.pick(streetBases) + " " + type
    }

    public static func locality(_ rng: inout CorpusRandom) -> String {
        let core = rng.pick(NamePools.heads) + rng.pick(NamePools.tails)
        if rng.chance(0.1) { return rng.pick(["Upper", "Lower", "Great", "Little", "North", "East"]) + " " + core }
        return core
    }

    static let oneLetterAreas = ["B", "E", "G", "L", "M", "N", "S", "W"]
    static let twoLetterAreas = [
        "LS", "BD", "HX", "WF", "HD", "SW", "SE", "NW", "EC", "WC", "CF", "NP", "BT", "EH", "NE", "SR", "DH",
        "CH", "CW", "ST", "NG", "LE", "DE", "BS", "BA", "GL", "OX", "RG", "PO", "SO", "BH", "EX", "PL", "TR",
        "CB", "IP", "NR", "CO", "CM", "SS", "DA", "ME", "TN", "CT", "BN", "RH", "GU", "KT", "CR", "BR", "SM",
        "TW", "HA", "UB", "WD", "AL", "SG", "LU", "MK", "NN", "CV", "WV", "WS", "DY", "WR", "HR", "SY", "LL",
        "SA", "LD", "AB", "DD", "KY", "FK", "PA", "IV", "KW", "TD", "DG", "ML", "KA",
    ]

    /// A structurally valid postcode (`LS6 2QT`, `M1 1AE`, `SW1A 1AA`, `E1W 3TJ`), upper case, spaced.
    public static func postcode(_ rng: inout CorpusRandom) -> String {
        let inward = "\(rng.int(10))" + rng.letters(2, from: "ABDEFGHJLNPQRSTUWXYZ")
        let outward: String
        switch rng.weighted([20, 50, 4, 4]) {
        case 0:
            let a = rng.pick(oneLetterAreas)
            outward = a + (rng.chance(0.5) ? "\(rng.int(1...9))" : "\(rng.int(10...29))")
        case 1:
            let a = rng.pick(twoLetterAreas)
            outward = a + (rng.chance(0.6) ? "\(rng.int(1...9))" : "\(rng.int(10...40))")
        case 2:
            outward = rng.pick(["E", "N", "W"]) + "\(rng.int(1...9))" + String(rng.letter(from: "ABCDEFGHJKPSTUW"))
        default:
            outward = rng.pick(["EC", "SW", "WC", "SE", "NW"]) + "\(rng.int(1...9))" + String(rng.letter(from: "ABEHMNPRVWXY"))
        }
        return outward + " " + inward
    }
}

/// A home address. `lines` gives house-and-street and locality; the postcode is separate
/// because it is its own finding.
public struct Address: Sendable {
    public var number: String
    public var street: String
    public var locality: String
    public var postcode: String

    public var firstLine: String { number + " " + street }

    public static func make(_ rng: inout CorpusRandom) -> Address {
        var n = "\(rng.chance(0.7) ? rng.int(1...120) : rng.int(121...480))"
        if rng.chance(0.06) { n += rng.pick(["a", "b", "A"]) }
        return Address(number: n, street: Places.street(&rng), locality: Places.locality(&rng),
                       postcode: Places.postcode(&rng))
    }
}
