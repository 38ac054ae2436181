/// A header field's value decoded for scanning: unfolded, RFC 2047 encoded-words decoded
/// (`=?UTF-8?Q?Mr_John_Smith?=`), each stretch remembering where it is stored so a redaction
/// can be written back: into the raw bytes for plain text, as a new encoded-word for an
/// encoded one.
struct HeaderValue {
    struct Segment {
        var start: Int
        var text: MappedText
        /// The raw range of the encoded-word, or nil for plain text stored as-is.
        var encodedWord: Range<Int>?
    }

    private(set) var text: [UInt8] = []
    private(set) var segments: [Segment] = []
    var hasEncodedWords: Bool { segments.contains { $0.encodedWord != nil } }

    init(_ raw: [UInt8], _ range: Range<Int>) {
        var plain = MappedText()
        var i = range.lowerBound
        var lastWasWord = false
        func flushPlain() {
            guard !plain.bytes.isEmpty else { plain = MappedText(); return }
            plain.finish(rawEnd: i)
            segments.append(Segment(start: text.count, text: plain, encodedWord: nil))
            text += plain.bytes
            plain = MappedText()
        }
        while i < range.upperBound {
            if raw[i] == UInt8(ascii: "="), i + 1 < range.upperBound, raw[i + 1] == UInt8(ascii: "?"),
               let (end, decoded) = Self.encodedWord(raw, at: i, limit: range.upperBound) {
                // Whitespace between two encoded-words is not part of the text (RFC 2047 section 6.2).
                if lastWasWord && plain.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { plain = MappedText() }
                flushPlain()
                var word = MappedText()
                word.append(decoded, from: i)
                word.finish(rawEnd: end)
                segments.append(Segment(start: text.count, text: word, encodedWord: i..<end))
                text += decoded
                i = end
                lastWasWord = true
                continue
            }
            let b = raw[i]
            if b == 0x0D || b == 0x0A {
                i += 1
                continue
            }
            if !(b == 0x20 || b == 0x09) { lastWasWord = false }
            plain.append(CollectionOfOne(b), from: i)
            i += 1
        }
        flushPlain()
    }

    /// The encoded-word at `start` (`=?charset?B|Q?text?=`) and its decoded UTF-8, or nil when
    /// the bytes there are not one.
    static func encodedWord(_ raw: [UInt8], at start: Int, limit: Int) -> (Int, [UInt8])? {
        var i = start + 2
        let charsetStart = i
        while i < limit && raw[i] != UInt8(ascii: "?") && raw[i] > 0x20 { i += 1 }
        guard i + 2 < limit, raw[i] == UInt8(ascii: "?"), i > charsetStart else { return nil }
        let charsetName = String(decoding: raw[charsetStart..<i], as: UTF8.self).split(separator: "*").first.map(String.init)
        let mode = raw[i + 1] | 0x20
        guard mode == UInt8(ascii: "b") || mode == UInt8(ascii: "q"), raw[i + 2] == UInt8(ascii: "?") else { return nil }
        let textStart = i + 3
        var j = textStart
        while j + 1 < limit && !(raw[j] == UInt8(ascii: "?") && raw[j + 1] == UInt8(ascii: "=")) {
            if raw[j] <= 0x20 { return nil }
            j += 1
        }
        guard j + 1 < limit else { return nil }
        var bytes: [UInt8]
        if mode == UInt8(ascii: "b") {
            bytes = Base64.decode(raw, textStart..<j).bytes
        } else {
            let underscoresAsSpaces = raw[textStart..<j].map { $0 == UInt8(ascii: "_") ? 0x20 : $0 }
            bytes = QuotedPrintable.decode(underscoresAsSpaces, 0..<underscoresAsSpaces.count).bytes
        }
        let charset = Charset(name: charsetName)
        if charset != .utf8 {
            var m = MappedText()
            m.append(bytes, from: 0)
            m.finish(rawEnd: 0)
            bytes = charset.toUTF8(m).bytes
        }
        return (j + 2, bytes)
    }

    /// `text` as one or more UTF-8 B encoded-words of at most 75 characters, separated by a
    /// space (which decoders drop between encoded-words).
    static func encodeWords(_ text: [UInt8]) -> [UInt8] {
        guard !text.isEmpty else { return [] }
        var out: [UInt8] = []
        var i = 0
        while i < text.count {
            // 45 bytes of UTF-8 make 60 base64 characters, inside the 75-character limit; never
            // cut a character in two.
            var end = min(text.count, i + 45)
            while end < text.count && end > i + 1 && (text[end] & 0xC0) == 0x80 { end -= 1 }
            if !out.isEmpty { out.append(0x20) }
            out += Array("=?UTF-8?B?".utf8)
            out += Base64.encode(Array(text[i..<end])).filter { $0 != 0x0D && $0 != 0x0A }
            out += Array("?=".utf8)
            i = end
        }
        return out
    }
}
