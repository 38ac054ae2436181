/// The package thumbnail (`docProps/thumbnail.jpeg`, `.emf`, `.wmf`, `.png`) is a picture of the
/// first page as it was saved: unredacted text no finder can read. It is dropped, with its
/// relationship in `_rels/.rels` and its override in `[Content_Types].xml`, so the package
/// stays consistent.
enum Thumbnail {
    static func isThumbnail(_ partName: String) -> Bool {
        var name = partName.lowercased()
        if name.hasPrefix("/") { name.removeFirst() }
        return name.hasPrefix("docprops/thumbnail")
    }

    /// Edits removing every element named `element` whose `attribute` names the thumbnail.
    static func removals(in bytes: [UInt8], element: StaticString, attribute: StaticString) throws -> [ByteEdit] {
        let xml = XMLTokenizer(bytes)
        var edits: [ByteEdit] = []
        try xml.forEachToken { token, _ in
            guard token.kind == .emptyTag, xml.localNameIs(token.content, element),
                  let a = token.attributes.first(where: { xml.nameIs($0.name, attribute) }) else { return }
            let target = try XMLText.decode(bytes, a.value).bytes
            if isThumbnail(String(decoding: target, as: UTF8.self)) { edits.append(ByteEdit(range: token.range, replacement: [])) }
        }
        return edits
    }
}
