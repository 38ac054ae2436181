/// The person-name validator for one document: a planted name must be a written form of one of
/// the document's people, and a bare surname must follow a title. A decoy that looks like a name
/// ("Justice Hallerton", "Dr Martens", "Okafor Street") must not be such a form.
public struct NameBook: Sendable {
    /// Lower-cased full forms: "forename surname" and "surname, forename".
    var full: Set<String> = []
    /// Lower-cased surnames, accepted only right after a title.
    var surnames: Set<String> = []

    public static let titles = ["mr", "mrs", "ms", "miss", "dr", "mr.", "mrs.", "ms.", "dr."]

    public init() {}

    public init(_ people: [Person]) {
        for p in people { add(p) }
    }

    public mutating func add(_ p: Person) {
        add(forename: p.forename, surname: p.surname)
    }

    public mutating func add(forename: String, surname: String) {
        // Both folds: "Yılmaz" upper-cases to "YILMAZ", which lower-cases to "yilmaz".
        for (f, s) in [(forename.lowercased(), surname.lowercased()),
                       (forename.uppercased().lowercased(), surname.uppercased().lowercased())] {
            full.insert(f + " " + s)
            full.insert(s + ", " + f)
            surnames.insert(s)
        }
    }

    /// True when `text` is a name form of a known person (see type comment).
    public func accepts(_ text: String, before: ArraySlice<UInt8>) -> Bool {
        let t = text.lowercased()
        if full.contains(t) { return true }
        guard surnames.contains(t) else { return false }
        return NameBook.followsTitle(before)
    }

    /// True when the bytes end with a title word and one space ("Mr ", "Dr. ").
    public static func followsTitle(_ before: ArraySlice<UInt8>) -> Bool {
        guard before.last == 32 else { return false }
        let trimmed = before.dropLast()
        var start = trimmed.endIndex
        while start > trimmed.startIndex, let b = Optional(trimmed[start - 1]),
              (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 46 {
            start -= 1
        }
        let word = String(decoding: trimmed[start...], as: UTF8.self).lowercased()
        return titles.contains(word)
    }
}
