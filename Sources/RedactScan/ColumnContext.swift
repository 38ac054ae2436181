import Foundation
import RedactCore

/// Context from a table's header row: in a CSV or TSV export, a column headed `DOB` makes its
/// cells dates of birth (a `VRM` column, vehicle registrations; `Sort code`, sort codes...),
/// though the header is far outside any byte window. It stands in for the required context
/// words of rules of that category; validators still apply.
///
/// The header is read from the start of the input; a cell's column is found by walking back
/// from the cell to its line start and counting delimiters outside quotes. The walk is bounded
/// by `maxWalk` bytes whatever the buffer holds, so the answer never depends on chunk size
/// (a cell more than `maxWalk` bytes into its row gets no column context). Quoted fields with
/// embedded line breaks before the cell can mislead the count; that is the price of streaming.
public struct ColumnContext: Sendable, Hashable {
    public var delimiter: UInt8
    /// Per column index: the category its header names.
    public var columns: [Int: Category]
    /// Set for a single field scanned on its own (a CSV cell, a JSON value): every offset is
    /// in a column of this category, with no walk (`RedactFormats` parses the table itself).
    public var field: Category? = nil
    public static let maxWalk = 512

    public init(delimiter: UInt8, columns: [Int: Category]) {
        self.delimiter = delimiter
        self.columns = columns
    }

    /// Context for one field whose label names `category` (see `category(forLabel:)`).
    public init(field category: Category) {
        self.delimiter = 0
        self.columns = [:]
        self.field = category
    }

    /// The category a header or key names (`DOB`, `date_of_birth`, `dateOfBirth`, `Sort code`),
    /// or nil: lower case, `_` and `-` read as spaces, camelCase split, spaces collapsed.
    public static func category(forLabel label: String) -> Category? {
        headers[normalise(label)]
    }

    /// A label as the header tables spell it: `dateOfBirth` and `DATE_OF_BIRTH` give `date of birth`.
    public static func normalise(_ label: String) -> String {
        var out = ""
        var previousLower = false
        for ch in label {
            if ch == "_" || ch == "-" || ch == " " || ch == "\t" {
                out.append(" ")
                previousLower = false
                continue
            }
            if ch.isUppercase && previousLower { out.append(" ") }
            previousLower = ch.isLowercase
            out.append(contentsOf: ch.lowercased())
        }
        return out.trimmingCharacters(in: CharacterSet(charactersIn: " \r\"")).split(separator: " ").joined(separator: " ")
    }

    /// Header names (lower case, spaces collapsed; `_` and `-` read as spaces) and their category.
    static let headers: [String: Category] = {
        var h: [String: Category] = [:]
        for name in ["dob", "d.o.b", "d.o.b.", "date of birth", "dateofbirth", "birth date", "birthdate", "born", "date born"] {
            h[name] = .dateOfBirth
        }
        for name in ["vehicle", "vrm", "vehicle registration", "registration", "reg", "reg no", "vehicle reg", "number plate", "plate"] {
            h[name] = .vehicleRegistration
        }
        for name in ["sort code", "sortcode"] { h[name] = .sortCode }
        for name in ["account number", "account no", "bank account", "account", "acc no"] { h[name] = .bankAccount }
        for name in ["passport", "passport number", "passport no"] { h[name] = .passportNumber }
        for name in ["crn", "case reference number", "ndelius crn"] { h[name] = .crn }
        for name in ["nhs", "nhs number", "nhs no", "chi", "chi number", "h&c number"] { h[name] = .nhsNumber }
        for name in ["ni number", "nino", "national insurance number", "ni no"] { h[name] = .nino }
        return h
    }()

    /// Reads the header row at the start of `prefix` (the first bytes of the input), or nil when
    /// the input is not a table with a recognised header.
    public static func fromHeader(path: String, prefix: UnsafeBufferPointer<UInt8>) -> ColumnContext? {
        let lower = path.lowercased()
        let delimiter: UInt8
        if lower.hasSuffix(".csv") { delimiter = UInt8(ascii: ",") } else if lower.hasSuffix(".tsv") || lower.hasSuffix(".tab") {
            delimiter = UInt8(ascii: "\t")
        } else { return nil }
        var start = 0
        if prefix.count >= 3 && prefix[0] == 0xEF && prefix[1] == 0xBB && prefix[2] == 0xBF { start = 3 }
        guard let newline = prefix[start...].firstIndex(of: 0x0A) else { return nil }
        var columns: [Int: Category] = [:]
        var index = 0
        var field: [UInt8] = []
        var quoted = false
        func finish() {
            let name = String(decoding: field.map { $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") ? 0x20 : $0 }, as: UTF8.self)
                .lowercased().trimmingCharacters(in: " \t\r\"").split(separator: " ").joined(separator: " ")
            if let c = headers[name] { columns[index] = c }
            field.removeAll()
            index += 1
        }
        for b in prefix[start..<newline] {
            if b == UInt8(ascii: "\"") { quoted.toggle(); continue }
            if b == delimiter && !quoted { finish() } else { field.append(b) }
        }
        finish()
        return columns.isEmpty ? nil : ColumnContext(delimiter: delimiter, columns: columns)
    }

    /// The category the header gives the cell holding `offset`, if any. `absolute` is the
    /// offset's position in the whole input (row 0, the header itself, gets nothing).
    func category(_ p: UnsafePointer<UInt8>, offset: Int, absolute: Int) -> Category? {
        if let field { return field }
        var i = offset
        var delimiters = 0
        var quotes = 0
        // The engine keeps more than `maxWalk` bytes before every span it reports, so this walk
        // sees the same bytes for every chunk size.
        while offset - i < Self.maxWalk && i > 0 && p[i - 1] != 0x0A {
            let b = p[i - 1]
            if b == UInt8(ascii: "\"") { quotes += 1 } else if b == delimiter && quotes % 2 == 0 { delimiters += 1 }
            i -= 1
        }
        let lineStart = absolute - (offset - i)
        let foundLineStart = (i > 0 && p[i - 1] == 0x0A) || lineStart == 0
        // Unknown row (too far into it), or the header row itself (the input's first line).
        guard foundLineStart, lineStart > 3 else { return nil }
        return columns[delimiters]
    }
}

/// Trims the characters of `set` from both ends (header cells: spaces, tabs, CRs and quotes).
extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        let chars = Set(set)
        var s = Substring(self)
        while let f = s.first, chars.contains(f) { s = s.dropFirst() }
        while let l = s.last, chars.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
