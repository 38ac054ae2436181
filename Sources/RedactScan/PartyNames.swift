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
    /// are skipped; spaces and tabs around a line, its name and its role are dropped, and runs of
    /// them inside a name become one space.
    ///
    /// Why bytes throughout: as `Character`s (grapheme breaking to trim each line, split it and
    /// normalise its spaces), ten thousand names took 50 ms, a fifth of the startup.
    /// - Throws: `ScanError` naming the line (never its text) when a role is unknown or the file
    ///   is not UTF-8.
    public init(fileBytes: [UInt8], path: String) throws {
        var bytes = fileBytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw ScanError(.invalidNames, path: path, detail: "the names file is not valid UTF-8")
        }
        @inline(__always) func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
        var lineNumber = 0
        var name: [UInt8] = []
        // Lines are cut on bytes (`TextLines`): split as Characters, a names file saved on
        // Windows was read as a single line naming nobody.
        for rawLine in TextLines.split(bytes) {
            lineNumber += 1
            let line = Self.trimmed(rawLine)
            if line.isEmpty || line.first == UInt8(ascii: "#") { continue }
            var role = PartyRole.unspecified
            var namePart = line
            if let tab = line.firstIndex(of: 0x09) {
                namePart = line[..<tab]
                let word = Self.trimmed(line[(tab + 1)...]).map(Decide.lowerASCII)
                guard let r = PartyRole(rawValue: String(decoding: word, as: UTF8.self)) else {
                    let valid = PartyRole.allCases.map(\.rawValue).joined(separator: ", ")
                    throw ScanError(.invalidNames, path: path, detail: "line \(lineNumber): unknown role (valid: \(valid))")
                }
                role = r
            }
            name.removeAll(keepingCapacity: true)
            for token in namePart.split(whereSeparator: isBlank) {
                if !name.isEmpty { name.append(0x20) }
                name.append(contentsOf: token)
            }
            if name.isEmpty { continue }
            parties.append(Party(name: String(decoding: name, as: UTF8.self), role: role))
        }
    }

    /// `line` without the spaces, tabs and carriage returns around it.
    private static func trimmed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        @inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }
        guard let first = line.firstIndex(where: { !isSpace($0) }) else { return line[line.endIndex...] }
        let last = line.lastIndex(where: { !isSpace($0) })!
        return line[first...last]
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

    /// Titles that make a surname alone a mention, lower case, without a full stop, each packed
    /// into an integer (one byte per letter) as `WordBoundary.titleBefore` reads them.
    static let titles: Set<UInt64> = Set(["mr", "mrs", "ms", "miss", "mx", "dr", "mister", "master", "sir", "dame", "lady", "lord",
                                          "pc", "ds", "dc", "sgt", "insp"].map { $0.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } })
}
