import RedactCore

/// Reads a WordprocessingML part (`word/document.xml`, headers, footers, footnotes, endnotes,
/// comments, people, glossary) into text units:
///
/// - one per paragraph (`p`), its text assembled across runs from `t` (text), `delText`
///   (tracked deletions), `instrText`/`delInstrText` (field codes such as `HYPERLINK mailto:`),
///   with `tab` as a tab and `br`/`cr` as a line break, so a value split over runs is one
///   finding. Text boxes hold paragraphs inside a paragraph: each is its own unit. Tracked
///   insertions (`ins`) hold ordinary runs and are read like them.
/// - one per stray text node outside a paragraph or a text element (never expected in Word's
///   output, but a crafted part cannot hide text there);
/// - one per attribute that holds prose: alt text (`descr`, `title` of `docPr`/`cNvPr`), VML
///   `alt`, hyperlink `tooltip`, simple-field `instr`;
/// - one per `author`, `initials` or `userId` attribute (tracked changes, comments, people),
///   which is emptied and reported as a name.
///
/// Elements are matched by local name, whatever the prefix, so text cannot be hidden behind an
/// unusual namespace prefix; DrawingML text (`a:p`/`a:t`) and Office Math (`m:t`) are read too.
struct WordPartReader {
    let part: String
    let xml: XMLTokenizer

    init(part: String, bytes: [UInt8], limits: FormatLimits) {
        self.part = part
        self.xml = XMLTokenizer(bytes, limits: XMLTokenizer.Limits(maxDepth: limits.maxDepth))
    }

    /// Every unit of the part, in document order.
    func units() throws -> [TextUnit] {
        var all: [TextUnit] = []
        try forEachUnit { all.append($0) }
        return all.enumerated().sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }.map(\.element)
    }

    /// Hands each unit to `body` as soon as it is complete (a paragraph when it closes, so a text
    /// box's paragraphs come before the paragraph holding them; `order` gives document order).
    /// Only the open paragraphs are held, so memory follows the longest paragraph, not the part.
    func forEachUnit(_ body: (TextUnit) throws -> Void) throws {
        var open: [TextUnit] = []
        var paragraphs = 0
        var stray = 0
        var attributeCount = 0
        var inText = false
        var inTabStops = 0
        let bytes = xml.bytes

        func strayUnit(_ mapped: MappedText, cdata: Bool) throws {
            stray += 1
            var u = TextUnit(locator: "\(part)#t\(stray)", order: paragraphs)
            u.append(mapped, isCDATA: cdata)
            try body(u)
        }

        try xml.forEachToken { token, _ in
            switch token.kind {
            case .startTag, .emptyTag:
                let name = token.content
                for u in try attributeUnits(token, element: name, counter: &attributeCount, order: paragraphs) { try body(u) }
                let isEmpty = token.kind == .emptyTag
                if xml.localNameIs(name, "p") {
                    paragraphs += 1
                    if !isEmpty { open.append(TextUnit(locator: "\(part)#p\(paragraphs)", order: paragraphs)) }
                } else if isTextElement(name) {
                    if !isEmpty { inText = true }
                } else if xml.localNameIs(name, "tabs") {
                    if !isEmpty { inTabStops += 1 }
                } else if inTabStops == 0, !open.isEmpty {
                    if xml.localNameIs(name, "tab") || xml.localNameIs(name, "ptab") {
                        open[open.count - 1].appendMarkup(0x09, element: token.range)
                    } else if xml.localNameIs(name, "br") || xml.localNameIs(name, "cr") {
                        open[open.count - 1].appendMarkup(0x0A, element: token.range)
                    }
                }
            case .endTag:
                let name = token.content
                if xml.localNameIs(name, "p"), let u = open.popLast() {
                    inText = false
                    try body(u)
                } else if isTextElement(name) {
                    inText = false
                } else if xml.localNameIs(name, "tabs") {
                    inTabStops = max(0, inTabStops - 1)
                }
            case .text, .cdata:
                let cdata = token.kind == .cdata
                let mapped = cdata ? XMLText.identity(bytes, token.content) : try XMLText.decode(bytes, token.content)
                if inText, !open.isEmpty {
                    open[open.count - 1].append(mapped, isCDATA: cdata)
                } else if !isBlank(mapped.bytes) {
                    try strayUnit(mapped, cdata: cdata)
                }
            case .comment, .processingInstruction:
                break
            }
        }
    }

    private func isTextElement(_ name: Range<Int>) -> Bool {
        xml.localNameIs(name, "t") || xml.localNameIs(name, "delText") || xml.localNameIs(name, "instrText")
            || xml.localNameIs(name, "delInstrText")
    }

    /// Attribute units of one element (see the type's comment).
    private func attributeUnits(_ token: XMLTokenizer.Token, element: Range<Int>, counter: inout Int, order: Int) throws
        -> [TextUnit] {
        var units: [TextUnit] = []
        for a in token.attributes {
            let name = a.name
            var policy: TextUnit.Policy
            if xml.localNameIs(name, "author") || xml.localNameIs(name, "initials") || xml.localNameIs(name, "userId") {
                policy = .empty(reportAs: (.personName, "docx.metadata.author"))
            } else if xml.localNameIs(name, "alt") || xml.localNameIs(name, "tooltip") || xml.localNameIs(name, "instr")
                        || ((xml.localNameIs(name, "descr") || xml.localNameIs(name, "title"))
                            && (xml.localNameIs(element, "docPr") || xml.localNameIs(element, "cNvPr"))) {
                policy = .redact
            } else {
                continue
            }
            let local = String(decoding: xml.bytes[xml.localName(name)], as: UTF8.self)
            counter += 1
            var u = TextUnit(locator: "\(part)#a\(counter)", field: "attribute:\(local)",
                             context: FieldContext(label: local, kind: "attribute"), policy: policy, order: order)
            u.append(try XMLText.decode(xml.bytes, a.value))
            if !u.isBlank { units.append(u) }
        }
        return units
    }

    private func isBlank(_ bytes: [UInt8]) -> Bool {
        !bytes.contains { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
    }
}
