import Foundation
import Testing
import ZIPFoundation

/// `scan`, `apply` and `check` on Word documents, emails and zip bundles, through the real
/// scanner and the format registry.
@Suite struct ContainerCLITests {
    static let w = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#

    static func zip(_ members: [(String, String)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, text) in members {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                                 provider: { p, n in data.subdata(in: Int(p)..<Int(p) + n) })
        }
        return archive.data!
    }

    static func unzip(_ data: Data) throws -> [(String, Data)] {
        let archive = try Archive(data: data, accessMode: .read)
        return try archive.map { e in
            var d = Data()
            _ = try archive.extract(e) { d.append($0) }
            return (e.path, d)
        }
    }

    /// A small Word document: the NHS number split over two runs, the author in the properties.
    static func docx() throws -> Data {
        try zip([
            ("[Content_Types].xml", #"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#),
            ("_rels/.rels", #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#),
            ("word/document.xml", #"<?xml version="1.0"?><w:document \#(w)><w:body><w:p><w:r><w:t xml:space="preserve">NHS number 943 476</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> 5919, mobile 07700 900123.</w:t></w:r></w:p></w:body></w:document>"#),
            ("docProps/core.xml", #"<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Ayodele Okafor</dc:creator></cp:coreProperties>"#),
        ])
    }

    static let eml = "From: Mr Ayodele Okafor <j.okafor@example.org>\r\nSubject: =?UTF-8?Q?NI_AB_12_34_56_C?=\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nNHS number 943 476=\r\n 5919.\r\n"

    func setUp() throws -> URL {
        let dir = try CLI.tempDir()
        try Self.docx().write(to: dir.appendingPathComponent("statement.docx"))
        try Data(Self.eml.utf8).write(to: dir.appendingPathComponent("mail.eml"))
        try Self.zip([("case/notes.txt", "Call 07700 900123.\n"), ("case/mail.eml", Self.eml)])
            .write(to: dir.appendingPathComponent("bundle.zip"))
        return dir
    }

    @Test func scanReportsLocatorsForEachContainer() throws {
        let dir = try setUp()
        let r = try CLI.run(["scan", "--format", "jsonl", "statement.docx", "mail.eml", "bundle.zip"], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let out = r.stdout
        #expect(out.contains(#""path":"statement.docx","start":11,"end":23,"category":"nhs_number""#))
        #expect(out.contains(#""format":"docx","locator":"word/document.xml#p1""#))
        #expect(out.contains(#""locator":"docProps/core.xml#creator","field":"property:creator""#))
        #expect(out.contains(#""format":"eml","field":"header:From""#))
        #expect(out.contains(#""category":"nino","rule":"nino.standard","format":"eml","locator":"mime:0#header:2""#))
        #expect(out.contains(#""category":"nhs_number","rule":"nhs_number.spaced","format":"eml","locator":"mime:1""#))
        #expect(out.contains(#""format":"zip","locator":"member:case/notes.txt""#))
        #expect(out.contains(#""locator":"member:case/mail.eml!mime:1""#))
    }

    @Test func applyWritesValidContainersAndManifestsWithLocators() throws {
        let dir = try setUp()
        let r = try CLI.run(["apply", "statement.docx", "mail.eml", "bundle.zip", "--out", "out"], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let out = dir.appendingPathComponent("out")
        let docx = try Self.unzip(Data(contentsOf: out.appendingPathComponent("statement.docx")))
        #expect(docx.map(\.0) == ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "docProps/core.xml"])
        for (_, content) in docx {
            let s = String(decoding: content, as: UTF8.self)
            for v in ["943 476", "5919", "07700 900123", "Ayodele", "Okafor"] { #expect(!s.contains(v)) }
        }
        let manifest = try String(contentsOf: out.appendingPathComponent("statement.docx.manifest.json"), encoding: .utf8)
        #expect(manifest.contains(#""locator" : "word/document.xml#p1""#))
        let mail = try String(contentsOf: out.appendingPathComponent("mail.eml"), encoding: .utf8)
        #expect(mail.hasPrefix("From: Mr [PERSON NAME] <[EMAIL ADDRESS]>\r\nSubject: =?UTF-8?B?"))
        #expect(mail.hasSuffix("Content-Transfer-Encoding: quoted-printable\r\n\r\nNHS number [NHS NUMBER].\r\n"))
        let bundle = try Self.unzip(Data(contentsOf: out.appendingPathComponent("bundle.zip")))
        #expect(bundle.map(\.0) == ["case/notes.txt", "case/mail.eml"])
        #expect(String(decoding: bundle[0].1, as: UTF8.self) == "Call [PHONE NUMBER].\n")
        // The redacted copies pass the gate.
        let check = try CLI.run(["check", "out/statement.docx", "out/mail.eml", "out/bundle.zip"], cwd: dir)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test func checkFindsAndReportsCorruptContainers() throws {
        let dir = try setUp()
        try Data("PK\u{3}\u{4} not really a zip".utf8).write(to: dir.appendingPathComponent("broken.docx"))
        let found = try CLI.run(["check", "statement.docx"], cwd: dir)
        #expect(found.status == 1 && found.stdout.contains("statement.docx: FOUND"), "\(found.stdout)")
        let broken = try CLI.run(["check", "broken.docx"], cwd: dir)
        #expect(broken.status == 2 && broken.stdout.contains("broken.docx: ERROR"), "\(broken.stdout)\(broken.stderr)")
    }
}
