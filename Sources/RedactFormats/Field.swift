import RedactCore

/// How a field is written in its document, which decides how a mark is written back.
enum FieldEncoding {
    /// A CSV cell without quotes: marks are written raw unless one holds a delimiter (`,;\t|`), a
    /// quote or a line break, in which case the whole cell is rewritten quoted.
    case csvBare(delimiter: UInt8)
    /// A CSV cell in quotes: marks have their quotes doubled.
    case csvQuoted
    /// A JSON string (key or value): marks are JSON-escaped.
    case jsonString
    /// A JSON number: once redacted, it becomes a JSON string (a mark is not a number).
    case jsonNumber
}

/// One field a parser has finished reading: where it is stored and its decoded text.
struct Field {
    /// The whole token as stored (quotes included), absolute offsets.
    var raw: Range<Int>
    /// Absolute offset of the first content byte (after an opening quote).
    var contentStart: Int
    var encoding: FieldEncoding
    var context: FieldContext?
}
