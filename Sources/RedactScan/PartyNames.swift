import Foundation
import RedactCore

/// Case parties handed in with `--names FILE`: one full name per line, optionally a tab and a
/// role. An alias is another line with the same role.
public struct PartyList: Sendable {
    public struct Party: Sendable, Hashable {
        public var name: String
        public var role: PartyRole
    }
    public private(set) var parties: [Party] = []

    public init() {}

    /// Parses the file's bytes. Lines end with LF, CRLF or CR; blank lines and `#` comments
    /// are skipped.
    /// - Throws: `ScanError` naming the line (never its text) when a role is unknown or the file
    ///   is not UTF-8.
    public init(fileBytes: [UInt8], path: String) throws {
        var bytes = fileBytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw ScanError(.invalidNames, path: path, detail: "the names file is not valid UTF-8")
        }
        var lineNumber = 0
        // Lines are cut on bytes (`TextLines`): split as Characters, a names file saved on
        // Windows was read as a single line naming nobody.
        for rawLine in TextLines.split(bytes) {
            lineNumber += 1
            let line = String(decoding: rawLine, as: UTF8.self).trimmingCharacters(in: " \t\r")
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", maxSplits: 1).map { $0.trimmingCharacters(in: " \t") }
            var role = PartyRole.unspecified
            if fields.count == 2 {
                guard let r = PartyRole(rawValue: fields[1].lowercased()) else {
                    let valid = PartyRole.allCases.map(\.rawValue).joined(separator: ", ")
                    throw ScanError(.invalidNames, path: path, detail: "line \(lineNumber): unknown role (valid: \(valid))")
                }
                role = r
            }
            let name = fields[0].split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
            if name.isEmpty { continue }
            parties.append(Party(name: name, role: role))
        }
    }

    public init(parties: [Party]) { self.parties = parties }

    /// Both lists (duplicates kept once).
    public func merged(with other: PartyList) -> PartyList {
        var seen = Set(parties)
        var all = parties
        for p in other.parties where seen.insert(p).inserted { all.append(p) }
        return PartyList(parties: all)
    }

    /// Reads a names file. - Throws: `ScanError` naming the path (never a name).
    public static func load(path: String) throws -> PartyList {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScanError(.unreadable, path: path, detail: "cannot read the names file")
        }
        return try PartyList(fileBytes: [UInt8](data), path: path)
    }

    /// One literal the automaton looks for.
    struct Variant: Hashable {
        var bytes: [UInt8]
        var party: Int32
        /// A surname that counts only after a title (`Mr Smith`); the title stays outside the span.
        var needsTitle: Bool
    }

    /// Titles that make a surname alone a mention, lower case, without a full stop, each packed
    /// into an integer (one byte per letter) as `WordBoundary.titleBefore` reads them.
    static let titles: Set<UInt64> = Set(["mr", "mrs", "ms", "miss", "mx", "dr", "mister", "master", "sir", "dame", "lady", "lord",
                                          "pc", "ds", "dc", "sgt", "insp"].map { $0.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } })

    /// Every written form that counts as a mention: the full name, forename + surname,
    /// `SURNAME, Forename`, and the surname after a title (checked where it is found, so a
    /// title does not multiply the literals). A forename alone is never a mention. ASCII case is
    /// folded by the automaton; non-ASCII letters get explicit case variants.
    func variants() -> [Variant] {
        var out: [Variant] = []
        // Forms of one party can coincide, forms of two parties never do (the party is part of
        // a variant): dedupe and order per party, not in one set of every variant (with ten
        // thousand names, hashing and sorting them all was most of the startup).
        var own: [Variant] = []
        for (index, party) in parties.enumerated() {
            let tokens = party.name.split(separator: " ").map(String.init)
            var forms: [(String, Bool)] = [(party.name, false)]
            if tokens.count >= 2, let first = tokens.first, let last = tokens.last {
                if tokens.count > 2 {
                    forms.append(("\(first) \(last)", false))
                    forms.append(("\(last), \(tokens.dropLast().joined(separator: " "))", false))
                }
                forms.append(("\(last), \(first)", false))
                forms.append(("\(last),\(first)", false))
                forms.append((last, true))
            }
            own.removeAll(keepingCapacity: true)
            for (form, needsTitle) in forms {
                for cased in Self.caseVariants(form) {
                    own.append(Variant(bytes: Array(cased.utf8), party: Int32(index), needsTitle: needsTitle))
                }
            }
            own.sort { a, b in
                if a.bytes.count != b.bytes.count { return a.bytes.count < b.bytes.count }
                if a.needsTitle != b.needsTitle { return !a.needsTitle }
                return a.bytes.lexicographicallyPrecedes(b.bytes)
            }
            // Sorted, equal variants are neighbours.
            for (k, v) in own.enumerated() where k == 0 || v != own[k - 1] { out.append(v) }
        }
        return out
    }

    /// The form as written plus its case variants when it has non-ASCII letters (the automaton
    /// folds ASCII case itself): each word as written, in capitals or capitalised, in every
    /// combination for up to four words (`SZABÓ, Björn`), else whole-form variants only.
    static func caseVariants(_ s: String) -> [String] {
        guard s.utf8.contains(where: { $0 >= 0x80 }) else { return [s] }
        func capitalised(_ w: Substring) -> String {
            guard let f = w.first else { return "" }
            return f.uppercased() + w.dropFirst().lowercased()
        }
        let words = s.split(separator: " ", omittingEmptySubsequences: false)
        var out: Set<String> = [s, s.uppercased(), s.lowercased()]
        guard words.count <= 4 else {
            out.insert(words.map(capitalised).joined(separator: " "))
            return out.sorted()
        }
        var forms: [String] = [""]
        for (i, w) in words.enumerated() {
            let options = Set([String(w), w.uppercased(), capitalised(w)])
            forms = forms.flatMap { prefix in options.map { prefix + (i == 0 ? "" : " ") + $0 } }
        }
        out.formUnion(forms)
        return out.sorted()
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        let chars = Set(set)
        var s = Substring(self)
        while let f = s.first, chars.contains(f) { s = s.dropFirst() }
        while let l = s.last, chars.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
