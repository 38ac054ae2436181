/// How a document's bytes look in the browser, and how a browser position maps back to a byte.
///
/// The review screen shows a document as a run of elements, each holding one text node and
/// carrying the UTF-8 byte offset where its text starts (`data-b`). JavaScript counts positions
/// in a text node in UTF-16 code units; the server, not the browser, turns (segment start,
/// UTF-16 offset) into a byte offset, walking the same units it rendered. So the mapping has one
/// implementation, in Swift, tested with accented and astral-plane characters.
///
/// Rendering and mapping agree because both use ``units(_:_:)``:
/// - a valid UTF-8 sequence is one scalar (1 UTF-16 unit, or 2 above U+FFFF);
/// - each byte of an invalid sequence, and NUL (which the HTML parser drops), shows as U+FFFD
///   (1 unit for 1 byte);
/// - CR is written as `&#13;`, so the HTML parser does not fold CR LF into LF.
public enum DisplayText {
    public struct Unit: Equatable, Sendable {
        public var scalar: Unicode.Scalar
        /// How many bytes of the document the unit stands for (1 to 4).
        public var bytes: Int
        public var utf16: Int { scalar.value > 0xFFFF ? 2 : 1 }
    }

    /// The display units of `bytes[range]`.
    public static func units(_ bytes: [UInt8], _ range: Range<Int>) -> [Unit] {
        var out: [Unit] = []
        out.reserveCapacity(range.count)
        var i = range.lowerBound
        while i < range.upperBound {
            let (scalar, n) = decode(bytes, at: i, limit: range.upperBound)
            out.append(Unit(scalar: scalar, bytes: n))
            i += n
        }
        return out
    }

    /// One scalar at `i`: the scalar and its length, or U+FFFD and 1 for an invalid byte or NUL.
    static func decode(_ b: [UInt8], at i: Int, limit: Int) -> (Unicode.Scalar, Int) {
        let replacement: (Unicode.Scalar, Int) = ("\u{FFFD}", 1)
        let c = b[i]
        if c == 0 { return replacement }
        if c < 0x80 { return (Unicode.Scalar(c), 1) }
        let n: Int, minimum: UInt32
        var v: UInt32
        switch c {
        case 0xC2...0xDF: n = 2; v = UInt32(c & 0x1F); minimum = 0x80
        case 0xE0...0xEF: n = 3; v = UInt32(c & 0x0F); minimum = 0x800
        case 0xF0...0xF4: n = 4; v = UInt32(c & 0x07); minimum = 0x10000
        default: return replacement
        }
        guard i + n <= limit else { return replacement }
        for k in 1..<n {
            let d = b[i + k]
            guard d & 0xC0 == 0x80 else { return replacement }
            v = v << 6 | UInt32(d & 0x3F)
        }
        guard v >= minimum, v <= 0x10FFFF, !(0xD800...0xDFFF).contains(v), let s = Unicode.Scalar(v) else { return replacement }
        return (s, n)
    }

    /// The byte offset reached after `utf16` code units of the text shown for `bytes[start..<limit]`.
    ///
    /// A position inside a surrogate pair rounds down (`roundUp` false, for a selection's start)
    /// or up (for its end), so a selection never splits a character. Nil when `utf16` is negative
    /// or beyond the segment.
    public static func byteOffset(in bytes: [UInt8], segmentStart start: Int, limit: Int, utf16: Int, roundUp: Bool) -> Int? {
        guard start >= 0, start <= limit, limit <= bytes.count, utf16 >= 0 else { return nil }
        var at = start, counted = 0
        while counted < utf16 {
            guard at < limit else { return nil }
            let (scalar, n) = decode(bytes, at: at, limit: limit)
            let width = scalar.value > 0xFFFF ? 2 : 1
            if counted + width > utf16 {
                // Inside a surrogate pair.
                return roundUp ? at + n : at
            }
            counted += width
            at += n
        }
        return at
    }

    /// The UTF-16 length of the text shown for `bytes[range]` (what `text.length` is in the browser).
    public static func utf16Length(_ bytes: [UInt8], _ range: Range<Int>) -> Int {
        units(bytes, range).reduce(0) { $0 + $1.utf16 }
    }

    /// HTML text for `bytes[range]`, escaped, with CR as a character reference.
    public static func html(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        var out = ""
        out.reserveCapacity(range.count + 16)
        for u in units(bytes, range) {
            switch u.scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(u.scalar)
            }
        }
        return out
    }
}
