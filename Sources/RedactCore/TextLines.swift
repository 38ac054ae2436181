/// The lines of a text file people edit, cut on bytes.
///
/// Why bytes: as `Character`s, `"\r\n"` is one grapheme that is not `"\n"`, so splitting a
/// `String` on `"\n"` leaves a file saved on Windows as a single line. Cutting at ASCII bytes
/// also keeps every line valid UTF-8 when the whole text is.
public enum TextLines {
    /// The lines of `bytes` without their terminators (LF, CRLF or a lone CR). A terminator at
    /// the very end adds no empty line after it.
    /// Inlinable so that it is specialised for the caller's collection: generic across the
    /// module boundary, every byte went through protocol witnesses.
    @inlinable
    public static func split<Bytes: Collection>(_ bytes: Bytes) -> [Bytes.SubSequence] where Bytes.Element == UInt8 {
        var lines: [Bytes.SubSequence] = []
        var start = bytes.startIndex
        var i = start
        while i != bytes.endIndex {
            let b = bytes[i]
            if b == 0x0A || b == 0x0D {
                lines.append(bytes[start..<i])
                let next = bytes.index(after: i)
                if b == 0x0D && next != bytes.endIndex && bytes[next] == 0x0A { i = next }
                start = bytes.index(after: i)
            }
            i = bytes.index(after: i)
        }
        if start != bytes.endIndex { lines.append(bytes[start...]) }
        return lines
    }

    /// The lines of `text` as strings, without their terminators (see `split(_:)` on bytes).
    public static func split(_ text: String) -> [String] {
        split(text.utf8).map { String(decoding: $0, as: UTF8.self) }
    }
}
