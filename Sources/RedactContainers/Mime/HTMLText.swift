/// The text of an HTML part as a reader sees it, for scanning: tags left out, so a value split
/// by inline markup (`<b>John</b> Smith`, Outlook's `<span>`s) is one finding; entities decoded
/// (`&nbsp;` as a space, `&#64;` as `@`); block tags and `<br>` read as line breaks so words of
/// two paragraphs do not join. Each stretch of text keeps its stored bytes, so a mark goes into
/// the first stretch and the rest of the value is removed from the later ones, every tag kept.
///
/// Lenient, unlike `XMLTokenizer`: HTML in mail is rarely well-formed, and nothing here is
/// rewritten but text. `<script>`/`<style>` content is read as text; comments are skipped.
enum HTMLText {
    static let blockTags: Set<String> = [
        "br", "p", "div", "li", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "hr", "pre",
        "ul", "ol", "title", "body", "head",
    ]

    static func unit(_ bytes: [UInt8], _ range: Range<Int>, locator: String, field: String?) -> TextUnit {
        var unit = TextUnit(locator: locator, field: field, order: 0)
        unit.keepsMarkup = true
        var text = MappedText()
        var i = range.lowerBound
        let end = range.upperBound
        func flush(at rawEnd: Int) {
            if !text.bytes.isEmpty {
                text.finish(rawEnd: rawEnd)
                unit.append(text)
            }
            text = MappedText()
        }
        while i < end {
            let b = bytes[i]
            // `<` opens markup only before a name, `/`, `!` or `?`; "a < b" is text.
            if b == UInt8(ascii: "<"), i + 1 < end,
               isLetter(bytes[i + 1]) || bytes[i + 1] == UInt8(ascii: "/") || bytes[i + 1] == UInt8(ascii: "!") || bytes[i + 1] == UInt8(ascii: "?") {
                flush(at: i)
                let isComment = i + 3 < end && bytes[i + 1] == UInt8(ascii: "!") && bytes[i + 2] == UInt8(ascii: "-")
                    && bytes[i + 3] == UInt8(ascii: "-")
                var j = i + 1
                if isComment {
                    while j + 2 < end && !(bytes[j] == UInt8(ascii: "-") && bytes[j + 1] == UInt8(ascii: "-") && bytes[j + 2] == UInt8(ascii: ">")) { j += 1 }
                    j = min(end, j + 3)
                } else {
                    var quote: UInt8 = 0
                    while j < end {
                        let c = bytes[j]
                        if quote != 0 { if c == quote { quote = 0 } } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") { quote = c } else if c == UInt8(ascii: ">") { break }
                        j += 1
                    }
                    j = min(end, j + 1)
                    if blockTags.contains(tagName(bytes, i..<j)) { unit.appendMarkup(0x0A, element: i..<j) }
                }
                i = j
                continue
            }
            if b == UInt8(ascii: "&"), let (decoded, next) = entity(bytes, at: i, end: end) {
                text.append(decoded, from: i)
                i = next
                continue
            }
            // A no-break space (U+00A0) reads as a space.
            if b == 0xC2 && i + 1 < end && bytes[i + 1] == 0xA0 {
                text.append(CollectionOfOne(0x20), from: i)
                i += 2
                continue
            }
            text.append(CollectionOfOne(b), from: i)
            i += 1
        }
        flush(at: end)
        return unit
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }

    /// Lower-cased name of the tag in `r` (`</P class=x>` gives `p`).
    private static func tagName(_ bytes: [UInt8], _ r: Range<Int>) -> String {
        var k = r.lowerBound + 1
        if k < r.upperBound && bytes[k] == UInt8(ascii: "/") { k += 1 }
        let start = k
        while k < r.upperBound, isLetter(bytes[k]) || (bytes[k] >= 0x30 && bytes[k] <= 0x39) { k += 1 }
        return String(decoding: bytes[start..<k], as: UTF8.self).lowercased()
    }

    /// The entity at `start` and where it ends; nil for an `&` that starts none (kept as text).
    private static func entity(_ bytes: [UInt8], at start: Int, end: Int) -> ([UInt8], Int)? {
        var j = start + 1
        while j < end && j - start <= 10 && bytes[j] != UInt8(ascii: ";") { j += 1 }
        guard j < end, bytes[j] == UInt8(ascii: ";"), j > start + 1 else { return nil }
        let name = String(decoding: bytes[(start + 1)..<j], as: UTF8.self)
        switch name {
        case "nbsp", "#160", "#xa0", "#xA0": return ([0x20], j + 1)
        case "amp": return ([UInt8(ascii: "&")], j + 1)
        case "lt": return ([UInt8(ascii: "<")], j + 1)
        case "gt": return ([UInt8(ascii: ">")], j + 1)
        case "quot": return ([UInt8(ascii: "\"")], j + 1)
        case "apos": return ([UInt8(ascii: "'")], j + 1)
        default: break
        }
        guard name.hasPrefix("#") else { return nil }
        let hex = name.dropFirst().first == "x" || name.dropFirst().first == "X"
        guard let v = UInt32(name.dropFirst(hex ? 2 : 1), radix: hex ? 16 : 10), v != 0, let scalar = Unicode.Scalar(v) else { return nil }
        return (Array(String(Character(scalar)).utf8), j + 1)
    }
}
