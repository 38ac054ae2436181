/// The charsets a text part is decoded from for scanning and encoded back into after redaction.
/// The finder works on UTF-8; a Latin-1 or Windows-1252 part is mapped to UTF-8 with each byte's
/// source kept, so a finding still maps to its bytes in the part.
enum Charset: Equatable {
    /// UTF-8, US-ASCII, and any charset not known here (scanned as its bytes: an ASCII-compatible
    /// charset still shows its ASCII identifiers and names).
    case utf8
    case latin1
    case windows1252

    init(name: String?) {
        switch name?.lowercased() {
        case "iso-8859-1", "iso_8859-1", "latin1", "l1", "iso8859-1", "iso-8859-15": self = .latin1
        case "windows-1252", "cp1252", "x-cp1252": self = .windows1252
        default: self = .utf8
        }
    }

    /// Windows-1252's 0x80-0x9F; 0 where the code page leaves a byte undefined.
    private static let cp1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// `text` (already transfer-decoded, with raw offsets) as UTF-8, each byte still mapped to
    /// its raw source.
    func toUTF8(_ text: MappedText) -> MappedText {
        if self == .utf8 { return text }
        var out = MappedText(tracking: text.tracksOffsets)
        out.bytes.reserveCapacity(text.bytes.count)
        for (i, b) in text.bytes.enumerated() {
            let raw = text.tracksOffsets ? text.rawOffsets[i] : 0
            if b < 0x80 { out.append(CollectionOfOne(b), from: raw); continue }
            var scalar = UInt32(b)
            if self == .windows1252, b < 0xA0, Self.cp1252High[Int(b - 0x80)] != 0 { scalar = Self.cp1252High[Int(b - 0x80)] }
            out.append(Array(String(Character(Unicode.Scalar(scalar)!)).utf8), from: raw)
        }
        out.finish(rawEnd: text.tracksOffsets ? text.rawOffsets[text.bytes.count] : 0)
        return out
    }

    /// UTF-8 `bytes` in this charset; a character the charset cannot hold becomes `#` (a mark's
    /// `█` in a Latin-1 part), so the output is never mis-encoded.
    func fromUTF8(_ bytes: [UInt8]) -> [UInt8] {
        if self == .utf8 { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            let v = scalar.value
            if v < 0x80 || (self == .latin1 && v < 0x100) || (self == .windows1252 && v >= 0xA0 && v < 0x100) {
                out.append(UInt8(v))
            } else if self == .windows1252, let k = Self.cp1252High.firstIndex(of: v) {
                out.append(UInt8(0x80 + k))
            } else {
                out.append(UInt8(ascii: "#"))
            }
        }
        return out
    }
}
