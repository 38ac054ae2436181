/// Payment card schemes by IIN range and length (ISO/IEC 7812; table in `shared/identifiers.md`).
/// Used to make card numbers a real finder would see in the wild, and to refuse ones it would not.
public struct CardScheme: Sendable {
    public let name: String
    /// IIN prefixes as closed integer ranges over the first `prefixLength` digits.
    public let prefixLength: Int
    public let ranges: [ClosedRange<Int>]
    public let lengths: [Int]
    /// How the number is grouped when printed, per length.
    public let grouping: [Int: [Int]]

    public static let all: [CardScheme] = [
        CardScheme(name: "visa", prefixLength: 1, ranges: [4...4], lengths: [16, 13, 19],
                   grouping: [16: [4, 4, 4, 4], 13: [4, 4, 5], 19: [4, 4, 4, 4, 3]]),
        CardScheme(name: "mastercard", prefixLength: 4, ranges: [5100...5599, 2221...2720], lengths: [16],
                   grouping: [16: [4, 4, 4, 4]]),
        CardScheme(name: "amex", prefixLength: 2, ranges: [34...34, 37...37], lengths: [15],
                   grouping: [15: [4, 6, 5]]),
        CardScheme(name: "diners", prefixLength: 3, ranges: [360...369, 300...305], lengths: [14],
                   grouping: [14: [4, 6, 4]]),
        CardScheme(name: "discover", prefixLength: 4, ranges: [6011...6011, 6440...6499, 6500...6599], lengths: [16],
                   grouping: [16: [4, 4, 4, 4]]),
        CardScheme(name: "jcb", prefixLength: 4, ranges: [3528...3589], lengths: [16],
                   grouping: [16: [4, 4, 4, 4]]),
        CardScheme(name: "unionpay", prefixLength: 2, ranges: [62...62], lengths: [16, 19],
                   grouping: [16: [4, 4, 4, 4], 19: [6, 13]]),
        CardScheme(name: "maestro", prefixLength: 4, ranges: [5018...5018, 5020...5020, 5038...5038, 6759...6759],
                   lengths: [16, 18], grouping: [16: [4, 4, 4, 4], 18: [4, 4, 4, 4, 2]]),
    ]

    /// The scheme whose IIN and length fit these digits, if any.
    public static func matching(_ d: [Int]) -> CardScheme? {
        for s in all where s.lengths.contains(d.count) {
            var p = 0
            for i in 0..<s.prefixLength { p = p * 10 + d[i] }
            if s.ranges.contains(where: { $0.contains(p) }) { return s }
        }
        return nil
    }
}
