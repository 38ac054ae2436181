import RedactCore

/// Reads XML parts whose text is element values (document properties, custom XML data) into
/// one text unit per text node, the policy chosen by the element's local name.
///
/// What is cleaned (see docs/formats-containers.md):
/// - `docProps/core.xml`: `creator` and `lastModifiedBy` emptied and reported as a name; every
///   other value (title, subject, description, keywords, category...) scanned and redacted.
/// - `docProps/app.xml`: `Manager` emptied and reported as a name; `Company` emptied (its
///   findings, if any, reported); the rest scanned and redacted.
/// - `docProps/custom.xml`: every string value (`lpwstr`, `lpstr`, `bstr`) emptied, its findings
///   reported; other values (numbers, dates) scanned and redacted.
/// - anything else (`customXml/item1.xml`): every value scanned and redacted.
enum ValuePartReader {
    static func units(part: String, bytes: [UInt8], limits: FormatLimits) throws -> [TextUnit] {
        let xml = XMLTokenizer(bytes, limits: XMLTokenizer.Limits(maxDepth: limits.maxDepth))
        var stack: [String] = []
        // The `name` attribute of each open element: a custom property's name ("DOB",
        // "CaseOfficer") is the context its value is read with.
        var names: [String?] = []
        var seen: [String: Int] = [:]
        var units: [TextUnit] = []
        try xml.forEachToken { token, _ in
            switch token.kind {
            case .startTag:
                stack.append(String(decoding: bytes[xml.localName(token.content)], as: UTF8.self))
                let name = try token.attributes.first { xml.nameIs($0.name, "name") }
                    .map { String(decoding: try XMLText.decode(bytes, $0.value).bytes, as: UTF8.self) }
                names.append(name)
            case .endTag:
                _ = stack.popLast()
                _ = names.popLast()
            case .text, .cdata:
                let cdata = token.kind == .cdata
                let mapped = cdata ? XMLText.identity(bytes, token.content) : try XMLText.decode(bytes, token.content)
                let element = stack.last ?? ""
                seen[element, default: 0] += 1
                let k = seen[element]!
                let label = names.last(where: { $0 != nil }).flatMap { $0 } ?? element
                var u = TextUnit(locator: "\(part)#\(element)" + (k > 1 ? ":\(k)" : ""), field: "property:\(element)",
                                 context: FieldContext(label: label, kind: "property"),
                                 policy: policy(part: part, element: element), order: units.count)
                u.append(mapped, isCDATA: cdata)
                if !u.isBlank { units.append(u) }
            case .emptyTag, .comment, .processingInstruction:
                break
            }
        }
        return units
    }

    static func policy(part: String, element: String) -> TextUnit.Policy {
        // Part names are case-insensitive in a package.
        switch (part.lowercased(), element) {
        case ("docprops/core.xml", "creator"), ("docprops/core.xml", "lastModifiedBy"):
            return .empty(reportAs: (.personName, "docx.metadata.\(element)"))
        case ("docprops/app.xml", "Manager"):
            return .empty(reportAs: (.personName, "docx.metadata.manager"))
        case ("docprops/app.xml", "Company"):
            return .empty(reportAs: nil)
        case ("docprops/custom.xml", "lpwstr"), ("docprops/custom.xml", "lpstr"), ("docprops/custom.xml", "bstr"):
            return .empty(reportAs: nil)
        default:
            return .redact
        }
    }
}

/// `text` with `%XX` escapes decoded, each decoded byte still mapped to its stored source.
func percentDecoded(_ text: MappedText) -> MappedText {
    guard text.bytes.contains(UInt8(ascii: "%")) else { return text }
    var out = MappedText()
    var i = 0
    let b = text.bytes
    while i < b.count {
        if b[i] == UInt8(ascii: "%"), i + 2 < b.count,
           let v = UInt8(String(decoding: b[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
            out.append(CollectionOfOne(v), from: text.rawOffsets[i])
            i += 3
        } else {
            out.append(CollectionOfOne(b[i]), from: text.rawOffsets[i])
            i += 1
        }
    }
    out.finish(rawEnd: text.rawOffsets[b.count])
    return out
}

/// Reads a relationships part (`word/_rels/document.xml.rels`...): the `Target` of every
/// external relationship (a hyperlink's `mailto:` or URL) is a text unit, scanned and redacted.
/// Internal targets name parts of the package and are left alone.
enum RelationshipsReader {
    static func units(part: String, bytes: [UInt8], limits: FormatLimits) throws -> [TextUnit] {
        let xml = XMLTokenizer(bytes, limits: XMLTokenizer.Limits(maxDepth: limits.maxDepth))
        var units: [TextUnit] = []
        try xml.forEachToken { token, _ in
            guard token.kind == .startTag || token.kind == .emptyTag, xml.localNameIs(token.content, "Relationship") else { return }
            let external = token.attributes.contains {
                xml.nameIs($0.name, "TargetMode") && xml.bytes[$0.value].elementsEqual("External".utf8)
            }
            guard external, let target = token.attributes.first(where: { xml.nameIs($0.name, "Target") }) else { return }
            var u = TextUnit(locator: "\(part)#r\(units.count + 1)", field: "relationship:Target",
                             context: FieldContext(label: "Target", kind: "attribute"), order: units.count)
            // A URL may hide a value behind percent-escapes (`john%40example.com`).
            u.append(percentDecoded(try XMLText.decode(bytes, target.value)))
            if !u.isBlank { units.append(u) }
        }
        return units
    }
}
