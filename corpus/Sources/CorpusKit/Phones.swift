/// Telephone numbers from Ofcom's drama ranges only (numbers reserved for fiction, never
/// allocated), written in the forms people type: `0`, `+44`, `+44 (0)`, `0044`, with spaces,
/// hyphens, dots or brackets.
public enum Phones {
    /// A drama range: national-format prefix (the last three digits are free) and how the
    /// national number is grouped (area code, then the rest).
    public struct Range: Sendable {
        public let prefix: String
        public let area: Int
    }

    public static let dramaPrefixes: [Range] = [
        Range(prefix: "07700900", area: 5),
        Range(prefix: "02079460", area: 3),
        Range(prefix: "01134960", area: 4), Range(prefix: "01144960", area: 4), Range(prefix: "01154960", area: 4),
        Range(prefix: "01164960", area: 4), Range(prefix: "01174960", area: 4), Range(prefix: "01184960", area: 4),
        Range(prefix: "01214960", area: 4), Range(prefix: "01314960", area: 4), Range(prefix: "01414960", area: 4),
        Range(prefix: "01514960", area: 4), Range(prefix: "01614960", area: 4),
        Range(prefix: "01914980", area: 4),
        Range(prefix: "02890180", area: 3), Range(prefix: "02920180", area: 3),
        Range(prefix: "01632960", area: 5),
        Range(prefix: "08081570", area: 5),
        Range(prefix: "09098790", area: 4),
        Range(prefix: "03069990", area: 5),
    ]

    /// A drama number in a random written form. Mobiles dominate, as in case material.
    public static func make(_ rng: inout CorpusRandom, mobile: Bool? = nil) -> String {
        let isMobile = mobile ?? rng.chance(0.55)
        let range = isMobile ? dramaPrefixes[0] : dramaPrefixes[1 + rng.int(dramaPrefixes.count - 1)]
        let national = range.prefix + rng.digits(3)  // 11 digits starting 0
        let area = String(national.prefix(range.area))
        let rest = String(national.dropFirst(range.area))
        let restGrouped: String
        if range.area == 3 { restGrouped = rest.prefix(4) + " " + rest.dropFirst(4) }       // 7946 0123
        else if range.area == 4 { restGrouped = rest.prefix(3) + " " + rest.dropFirst(3) }  // 496 0123
        else { restGrouped = rest }                                                         // 900123
        let nsnArea = String(area.dropFirst())
        switch rng.weighted([40, 10, 12, 8, 8, 6, 6, 5, 5]) {
        case 0: return area + " " + restGrouped
        case 1: return national
        case 2: return "+44 " + nsnArea + " " + restGrouped
        case 3: return "+44 (0)" + nsnArea + " " + restGrouped
        case 4: return "0044 " + nsnArea + " " + restGrouped
        case 5: return "(" + area + ") " + restGrouped
        case 6: return area + "-" + restGrouped.replacingAll(" ", with: "-")
        case 7: return "+44" + national.dropFirst()
        default: return area + "." + restGrouped.replacingAll(" ", with: ".")
        }
    }
}
