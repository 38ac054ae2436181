import Foundation
import ZIPFoundation

/// Builds zip archives in memory with ZIPFoundation (not with the code under test).
func makeZip(_ members: [(String, [UInt8])], compress: Bool = true) throws -> [UInt8] {
    let archive = try Archive(data: Data(), accessMode: .create)
    for (name, content) in members {
        let data = Data(content)
        try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count),
                             compressionMethod: compress ? .deflate : .none,
                             provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
    }
    return [UInt8](archive.data!)
}

/// Every member of a zip, read with ZIPFoundation.
func unzipAll(_ bytes: [UInt8]) throws -> [(String, [UInt8])] {
    let archive = try Archive(data: Data(bytes), accessMode: .read)
    var out: [(String, [UInt8])] = []
    for entry in archive {
        var content = Data()
        _ = try archive.extract(entry) { content.append($0) }
        out.append((entry.path, [UInt8](content)))
    }
    return out
}

/// A Word document carrying the planted values in every part that can hold text.
enum DocxFixture {
    static let w = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#
    static let drawingNS = #"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture""#

    static var contentTypes: String {
        #"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/word/endnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/><Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/><Override PartName="/docProps/thumbnail.jpeg" ContentType="image/jpeg"/></Types>
        """#
    }

    static var packageRels: String {
        #"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail" Target="docProps/thumbnail.jpeg"/></Relationships>
        """#
    }

    static var documentRels: String {
        #"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes" Target="endnotes.xml"/><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/><Relationship Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="mailto:john.smith@example.com" TargetMode="External"/><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/></Relationships>
        """#
    }

    /// Paragraph 1: the name split over two runs (the second bold). Paragraph 2: the NI number
    /// split over three runs. Paragraph 3: a tracked insertion and a tracked deletion.
    /// Paragraph 4: a hyperlink and an escaped email. Paragraph 5: a picture with alt text.
    /// Paragraph 6: footnote, endnote and comment references.
    static var document: String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document \(w) \(drawingNS)><w:body>\
        <w:p><w:r><w:t xml:space="preserve">Statement of Mr John</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> Smith, witness.</w:t></w:r></w:p>\
        <w:p><w:r><w:t xml:space="preserve">NI number AB1</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>2345</w:t></w:r><w:r><w:t xml:space="preserve">6C recorded.</w:t></w:r></w:p>\
        <w:p><w:ins w:id="1" w:author="\(Planted.author)" w:date="2024-01-01T00:00:00Z"><w:r><w:t xml:space="preserve">NHS 943 476 5919 </w:t></w:r></w:ins><w:del w:id="2" w:author="\(Planted.author)" w:date="2024-01-01T00:00:00Z"><w:r><w:delText xml:space="preserve">phone 07700 900123</w:delText></w:r></w:del></w:p>\
        <w:p><w:hyperlink r:id="rId6" w:tooltip="Write to john.smith@example.com"><w:r><w:t>email him</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve"> at john.smith&#64;example.com&amp;co</w:t></w:r></w:p>\
        <w:p><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="95250" cy="95250"/><wp:docPr id="1" name="Picture 1" descr="Photo of Mr John Smith" title="AB123456C"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="image1.png" descr="Photo of Mr John Smith"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rId7"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="95250" cy="95250"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>\
        <w:p><w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve">See note</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t xml:space="preserve"> and</w:t></w:r><w:r><w:endnoteReference w:id="1"/></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>\
        <w:p><w:r><w:t xml:space="preserve">Phone</w:t><w:tab/><w:t xml:space="preserve">07700</w:t></w:r><w:r><w:t xml:space="preserve"> 900123</w:t></w:r></w:p>\
        <w:sectPr><w:headerReference w:type="default" r:id="rId1"/><w:footerReference w:type="default" r:id="rId2"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>\
        </w:body></w:document>
        """
    }

    static func story(_ root: String, _ text: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:\(root) \(w)><w:p><w:r><w:t xml:space="preserve">\(text)</w:t></w:r></w:p></w:\(root)>
        """
    }

    static func notes(_ kind: String, _ text: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:\(kind)s \(w)>\
        <w:\(kind) w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:\(kind)>\
        <w:\(kind) w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:\(kind)>\
        <w:\(kind) w:id="1"><w:p><w:r><w:\(kind)Ref/></w:r><w:r><w:t xml:space="preserve"> \(text)</w:t></w:r></w:p></w:\(kind)>\
        </w:\(kind)s>
        """
    }

    static var comments: String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:comments \(w)><w:comment w:id="0" w:author="\(Planted.author)" w:initials="JD" w:date="2024-01-01T00:00:00Z"><w:p><w:r><w:t>Ask \(Planted.email) first</w:t></w:r></w:p></w:comment></w:comments>
        """
    }

    static var core: String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Statement of \(Planted.name)</dc:title><dc:subject>NI \(Planted.nino)</dc:subject><dc:creator>\(Planted.author)</dc:creator><cp:keywords>\(Planted.phone)</cp:keywords><dc:description>NHS \(Planted.nhs)</dc:description><cp:lastModifiedBy>\(Planted.author)</cp:lastModifiedBy><cp:revision>2</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:created></cp:coreProperties>
        """
    }

    static var app: String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Office Word</Application><Manager>\(Planted.author)</Manager><Company>\(Planted.company)</Company><Pages>1</Pages></Properties>
        """
    }

    static var custom: String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="CaseOfficer"><vt:lpwstr>\(Planted.author)</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="Subject"><vt:lpwstr>\(Planted.name), \(Planted.nino)</vt:lpwstr></property></Properties>
        """
    }

    /// A 1x1 PNG.
    static let png: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01,
        0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41,
        0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0, 0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00,
        0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]

    static var members: [(String, [UInt8])] {
        [
            ("[Content_Types].xml", Array(contentTypes.utf8)),
            ("_rels/.rels", Array(packageRels.utf8)),
            ("word/document.xml", Array(document.utf8)),
            ("word/_rels/document.xml.rels", Array(documentRels.utf8)),
            ("word/header1.xml", Array(story("hdr", "Officer's note on \(Planted.name)").utf8)),
            ("word/footer1.xml", Array(story("ftr", "Ref \(Planted.nino)").utf8)),
            ("word/footnotes.xml", Array(notes("footnote", "Call \(Planted.phone)").utf8)),
            ("word/endnotes.xml", Array(notes("endnote", "NHS \(Planted.nhs)").utf8)),
            ("word/comments.xml", Array(comments.utf8)),
            ("word/media/image1.png", png),
            ("docProps/core.xml", Array(core.utf8)),
            ("docProps/app.xml", Array(app.utf8)),
            ("docProps/custom.xml", Array(custom.utf8)),
            // A picture of the unredacted first page (here stand-in bytes; only its removal matters).
            ("docProps/thumbnail.jpeg", [0xFF, 0xD8, 0xFF, 0xE0] + Array("first page".utf8)),
        ]
    }

    static func bytes() throws -> [UInt8] { try makeZip(members) }
}
