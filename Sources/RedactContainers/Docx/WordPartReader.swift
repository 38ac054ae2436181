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

    func units() throws -> [TextUnit] {
        var done: [TextUnit] = []
        var open: [TextUnit] = []
        var paragraphs = 0
        var stray = 0
        var attributeUnits = 0
        var inText = false
        var inTabStops = 0
        let bytes = xml.bytes

        func strayUnit(_ mapped: MappedText, cdata: Bool) {
            stray += 1
            var u = TextUnit(locator: "\(part)#t\(stray)", order: paragraphs)
            u.append(mapped, isCDATA: cdata)
            done.append(u)
        }

        try xml.forEachToken { token, _ in
            switch token.kind {
            case .startTag, .emptyTag:
                let name = token.content
                try readAttributes(token, element: name, counter: &attributeUnits, order: paragraphs, into: &done)
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
                    done.append(u)
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
                    strayUnit(mapped, cdata: cdata)
                }
            case .comment, .processingInstruction:
                break
            }
        }
        return done.sorted { $0.order < $1.order }
    }

    private func isTextElement(_ name: Range<Int>) -> Bool {
        xml.localNameIs(name, "t") || xml.localNameIs(name, "delText") || xml.localNameIs(name, "instrText")
            || xml.localNameIs(name, "delInstrText")
    }

    /// Attribute units of one element (see the type's comment).
    private func readAttributes(_ token: XMLTokenizer.Token, element: Range<Int>, counter: inout Int, order: Int,
                                into units: inout [TextUnit]) throws {
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
    }

    private func isBlank(_ bytes: [UInt8]) -> Bool {
        !bytes.contains { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
    }
}
