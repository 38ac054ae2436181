/// A small, strict, bounded XML tokenizer over bytes.
///
/// Why not FoundationXML's `XMLParser` or a DOM library: redacting a DOCX means rewriting its
/// XML *byte-faithfully*, changing only the text of a finding and leaving every other byte (and
/// so every attribute, namespace and formatting run) as it was. That needs the byte range of each
/// token, which `XMLParser` does not give, and `XMLParser` (libxml2) expands DTD entities, the door
/// an entity bomb comes through. Here a DOCTYPE (and with it every custom entity) is refused
/// outright, only the five predefined entities and numeric references exist, nesting depth and
/// attribute counts are limited, and every token carries its byte range.
///
/// The tokenizer checks well-formedness as far as rewriting needs it: tags balance, attribute
/// values are quoted and hold no `<`, no text or markup outside the root other than whitespace,
/// comments and processing instructions. Names are not checked against the XML grammar.
struct XMLTokenizer {
    enum Kind: Equatable {
        case startTag, emptyTag, endTag, text, cdata, comment, processingInstruction
    }

    struct Attribute {
        /// The qualified name, as bytes of the document.
        var name: Range<Int>
        /// The value between the quotes, entities not decoded.
        var value: Range<Int>
    }

    struct Token {
        var kind: Kind
        /// The whole token, `<` to `>` for markup.
        var range: Range<Int>
        /// For tags: the qualified name. For text and CDATA: the content (CDATA without its
        /// `<![CDATA[`/`]]>`).
        var content: Range<Int>
        var attributes: [Attribute]
    }

    struct Limits {
        var maxDepth: Int = 256
        var maxAttributes: Int = 512
    }

    let bytes: [UInt8]
    let limits: Limits

    init(_ bytes: [UInt8], limits: Limits = Limits()) {
        self.bytes = bytes
        self.limits = limits
    }

    /// Calls `body` with every token in document order, with the current element depth (the
    /// depth of a start tag is that of its parent). Throws `XMLError` on malformed input.
    func forEachToken(_ body: (Token, Int) throws -> Void) throws {
        var open: [Range<Int>] = []
        var seenRoot = false
        var i = 0
        let n = bytes.count
        // A UTF-8 byte order mark is kept, untouched, outside every token; UTF-16 is refused
        // (Word writes UTF-8; a UTF-16 part would be read as noise and its text missed).
        if n >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)) {
            throw XMLError.utf16
        }
        if n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
        while i < n {
            if bytes[i] != UInt8(ascii: "<") {
                var j = i
                while j < n && bytes[j] != UInt8(ascii: "<") { j += 1 }
                if open.isEmpty && !isWhitespace(i..<j) { throw XMLError.malformed(at: i) }
                try body(Token(kind: .text, range: i..<j, content: i..<j, attributes: []), open.count)
                i = j
                continue
            }
            if has("<?", at: i) {
                let end = try find("?>", from: i + 2)
                try body(Token(kind: .processingInstruction, range: i..<end + 2, content: i + 2..<end, attributes: []), open.count)
                i = end + 2
            } else if has("<!--", at: i) {
                let end = try find("-->", from: i + 4)
                try body(Token(kind: .comment, range: i..<end + 3, content: i + 4..<end, attributes: []), open.count)
                i = end + 3
            } else if has("<![CDATA[", at: i) {
                if open.isEmpty { throw XMLError.malformed(at: i) }
                let end = try find("]]>", from: i + 9)
                try body(Token(kind: .cdata, range: i..<end + 3, content: i + 9..<end, attributes: []), open.count)
                i = end + 3
            } else if has("<!", at: i) {
                // <!DOCTYPE, <!ENTITY, <!ELEMENT...: the entity-bomb defence is to accept none.
                throw XMLError.doctypeRefused
            } else if has("</", at: i) {
                var j = i + 2
                let nameStart = j
                while j < n && !isNameEnd(bytes[j]) { j += 1 }
                let name = nameStart..<j
                while j < n && isSpace(bytes[j]) { j += 1 }
                guard j < n, bytes[j] == UInt8(ascii: ">"), let top = open.last, equal(top, name) else {
                    throw XMLError.malformed(at: i)
                }
                open.removeLast()
                try body(Token(kind: .endTag, range: i..<j + 1, content: name, attributes: []), open.count)
                i = j + 1
            } else {
                let (token, next) = try startTag(at: i)
                if open.isEmpty {
                    if seenRoot { throw XMLError.malformed(at: i) }
                    seenRoot = true
                }
                try body(token, open.count)
                if token.kind == .startTag {
                    open.append(token.content)
                    if open.count > limits.maxDepth { throw XMLError.tooDeep }
                }
                i = next
            }
        }
        if !open.isEmpty || !seenRoot { throw XMLError.malformed(at: n) }
    }

    private func startTag(at start: Int) throws -> (Token, Int) {
        let n = bytes.count
        var j = start + 1
        let nameStart = j
        while j < n && !isNameEnd(bytes[j]) { j += 1 }
        if j == nameStart { throw XMLError.malformed(at: start) }
        let name = nameStart..<j
        var attributes: [Attribute] = []
        while true {
            let beforeSpace = j
            while j < n && isSpace(bytes[j]) { j += 1 }
            guard j < n else { throw XMLError.malformed(at: start) }
            if bytes[j] == UInt8(ascii: ">") {
                return (Token(kind: .startTag, range: start..<j + 1, content: name, attributes: attributes), j + 1)
            }
            if bytes[j] == UInt8(ascii: "/") {
                guard j + 1 < n, bytes[j + 1] == UInt8(ascii: ">") else { throw XMLError.malformed(at: j) }
                return (Token(kind: .emptyTag, range: start..<j + 2, content: name, attributes: attributes), j + 2)
            }
            // An attribute must be separated from what precedes it by whitespace.
            if j == beforeSpace { throw XMLError.malformed(at: j) }
            let attrStart = j
            while j < n && !isNameEnd(bytes[j]) { j += 1 }
            if j == attrStart { throw XMLError.malformed(at: j) }
            let attrName = attrStart..<j
            while j < n && isSpace(bytes[j]) { j += 1 }
            guard j < n, bytes[j] == UInt8(ascii: "=") else { throw XMLError.malformed(at: j) }
            j += 1
            while j < n && isSpace(bytes[j]) { j += 1 }
            guard j < n, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") else {
                throw XMLError.malformed(at: j)
            }
            let quote = bytes[j]
            j += 1
            let valueStart = j
            while j < n && bytes[j] != quote {
                if bytes[j] == UInt8(ascii: "<") { throw XMLError.malformed(at: j) }
                j += 1
            }
            guard j < n else { throw XMLError.malformed(at: start) }
            for a in attributes where equal(a.name, attrName) { throw XMLError.malformed(at: attrStart) }
            attributes.append(Attribute(name: attrName, value: valueStart..<j))
            if attributes.count > limits.maxAttributes { throw XMLError.tooManyAttributes }
            j += 1
        }
    }

    // MARK: - Byte helpers

    func has(_ literal: StaticString, at i: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard i + count <= bytes.count else { return false }
        return literal.withUTF8Buffer { lit in
            for k in 0..<count where bytes[i + k] != lit[k] { return false }
            return true
        }
    }

    private func find(_ literal: StaticString, from i: Int) throws -> Int {
        var j = i
        while j < bytes.count {
            if has(literal, at: j) { return j }
            j += 1
        }
        throw XMLError.malformed(at: i)
    }

    func equal(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard a.count == b.count else { return false }
        for k in 0..<a.count where bytes[a.lowerBound + k] != bytes[b.lowerBound + k] { return false }
        return true
    }

    private func isWhitespace(_ r: Range<Int>) -> Bool {
        for k in r where !isSpace(bytes[k]) { return false }
        return true
    }

    private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    private func isNameEnd(_ b: UInt8) -> Bool {
        isSpace(b) || b == UInt8(ascii: "/") || b == UInt8(ascii: ">") || b == UInt8(ascii: "=")
            || b == UInt8(ascii: "<") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'")
    }
}

/// The local part of a qualified name (`w:t` -> `t`), so a document cannot hide its text from the
/// walker by binding the WordprocessingML namespace to an unusual prefix.
extension XMLTokenizer {
    func localName(_ name: Range<Int>) -> Range<Int> {
        var k = name.upperBound
        while k > name.lowerBound && bytes[k - 1] != UInt8(ascii: ":") { k -= 1 }
        return k..<name.upperBound
    }

    func localNameIs(_ name: Range<Int>, _ literal: StaticString) -> Bool {
        let local = localName(name)
        return local.count == literal.utf8CodeUnitCount && has(literal, at: local.lowerBound)
    }

    func nameIs(_ name: Range<Int>, _ literal: StaticString) -> Bool {
        name.count == literal.utf8CodeUnitCount && has(literal, at: name.lowerBound)
    }
}

enum XMLError: Error, Equatable {
    case malformed(at: Int)
    case doctypeRefused
    case tooDeep
    case tooManyAttributes
    case badReference(at: Int)
    case utf16
}
