/// Context words that must (for planted items) or must not (for decoys) appear shortly before
/// an item whose category the taxonomy says "needs context".
///
/// Matching is ASCII case-insensitive and starts at a word boundary, so "born" is not found in
/// "Osborne". The window is the last `n` bytes before the item. Word lists are pre-encoded and
/// the search allocates nothing: it runs for every planted item and decoy of a 1 GiB stream.
public enum Context {
    static func encode(_ words: [String]) -> [[UInt8]] { words.map { Array($0.utf8) } }

    static let birth = encode(["dob", "d.o.b", "date of birth", "date_of_birth", "birth", "born"])
    static let passport = encode(["passport"])
    static let sortCode = encode(["sort code", "sort-code", "sort_code", "sortcode", "s/c", "bank", "branch"])
    static let account = encode(["account", "acc no", "acc. no", "a/c", "acct"])
    static let crn = encode(["crn", "case reference", "ndelius", "delius", "probation"])
    static let none: [[UInt8]] = []

    /// The words per category (lower case). A category with none needs no context.
    public static func words(for category: PlantCategory) -> [[UInt8]] {
        switch category {
        case .date_of_birth: return birth
        case .passport_number: return passport
        case .sort_code: return sortCode
        case .bank_account: return account
        case .crn: return crn
        default: return none
        }
    }

    /// Words that make a bare ten-digit run an NHS/CHI/H&C number rather than any number.
    public static let nhsWords = encode(["nhs", "chi", "h&c", "patient", "health"])

    /// The planted-item window: context must sit within this many bytes before the item.
    public static let plantWindow = 48
    /// The decoy window: a decoy must have no context word within this many bytes before it.
    public static let decoyWindow = 96

    /// True when any of `words` starts at a word boundary inside `before`.
    public static func contains(_ words: [[UInt8]], in before: ArraySlice<UInt8>) -> Bool {
        let n = before.count, base = before.startIndex
        for w in words where w.count <= n {
            let first = w[0]
            var i = 0
            while i + w.count <= n {
                let p = base + i
                if lower(before[p]) == first && (i == 0 || !isAlnum(before[p - 1])) {
                    var j = 1
                    while j < w.count && lower(before[p + j]) == w[j] { j += 1 }
                    if j == w.count { return true }
                }
                i += 1
            }
        }
        return false
    }

    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }

    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
    }
}
