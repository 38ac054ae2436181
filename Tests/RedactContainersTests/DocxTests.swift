import Foundation
import RedactCore
import Testing
@testable import RedactContainers

@Suite struct DocxTests {
    let env = testEnvironment()

    @Test func scanFindsValuesInEveryPart() throws {
        let spans = try DocxFormat().scan(try DocxFixture.bytes(), path: "s.docx", in: env)
        let locators = Set(spans.compactMap(\.locator))
        for expected in [
            "word/document.xml#p1", "word/document.xml#p2", "word/document.xml#p3", "word/document.xml#p4",
            "word/document.xml#p7", "word/header1.xml#p1", "word/footer1.xml#p1", "word/footnotes.xml#p3",
            "word/endnotes.xml#p3", "word/comments.xml#p1", "docProps/core.xml#title", "docProps/core.xml#creator",
            "docProps/core.xml#lastModifiedBy", "docProps/core.xml#subject", "docProps/core.xml#keywords",
            "docProps/core.xml#description", "docProps/app.xml#Manager", "docProps/custom.xml#lpwstr:2",
            "word/_rels/document.xml.rels#r1",
        ] {
            #expect(locators.contains(expected), "no finding at \(expected)")
        }
        // The name split over two runs is one finding, at its offsets in the paragraph's text.
        let p1 = spans.filter { $0.locator == "word/document.xml#p1" }
        #expect(p1.map(\.span.start) == [13] && p1.map(\.span.end) == [26] && p1.first?.span.category == .personName)
        // The NI number split over three runs.
        let p2 = spans.filter { $0.locator == "word/document.xml#p2" }
        #expect(p2.count == 1 && p2.first?.span.category == .nino && p2.first?.span.start == 10)
        // Tracked insertion and deletion both read; the author of each change reported.
        let p3 = spans.filter { $0.locator == "word/document.xml#p3" }.map(\.span.category)
        #expect(p3 == [.nhsNumber, .phoneNumber])
        #expect(spans.contains { $0.span.rule == "docx.metadata.author" })
        // Alt text of the picture (docPr and cNvPr) and the hyperlink tooltip.
        #expect(spans.filter { $0.field == "attribute:descr" }.count == 2)
        #expect(spans.contains { $0.field == "attribute:title" && $0.span.category == .nino })
        #expect(spans.contains { $0.field == "attribute:tooltip" })
        // A value split by a run boundary and a tab's neighbour: "07700" + " 900123" across runs.
        #expect(spans.contains { $0.locator == "word/document.xml#p7" && $0.span.category == .phoneNumber })
    }

    @Test func redactedPackageHoldsNoPlantedValueInAnyMember() throws {
        let original = try DocxFixture.bytes()
        let doc = try DocxFormat().redact(original, path: "s.docx", in: env)
        let members = try unzipAll(doc.bytes)
        #expect(members.map(\.0) == DocxFixture.members.map(\.0).filter { $0 != "docProps/thumbnail.jpeg" },
                "same members, same order, the thumbnail dropped")
        for (name, content) in members {
            for fragment in Planted.fragments {
                for form in escapedForms(fragment) {
                    #expect(!content.contains(form), "\(name) still holds a planted value")
                }
            }
            if name.hasSuffix(".xml") || name.hasSuffix(".rels") {
                #expect(throws: Never.self) { try XMLTokenizer(content).forEachToken { _, _ in } }
            }
        }
        // The image is kept byte for byte.
        #expect(members.first { $0.0 == "word/media/image1.png" }?.1 == DocxFixture.png)
    }

    @Test func marksGoInTheFirstRunAndFormattingIsKept() throws {
        let doc = try DocxFormat().redact(try DocxFixture.bytes(), path: "s.docx", in: env)
        let body = try #require(try unzipAll(doc.bytes).first { $0.0 == "word/document.xml" }?.1)
        let text = String(decoding: body, as: UTF8.self)
        #expect(text.contains(#"<w:t xml:space="preserve">Statement of [PERSON NAME]</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">, witness.</w:t>"#))
        #expect(text.contains(#"<w:t xml:space="preserve">NI number [NINO]</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t></w:t></w:r><w:r><w:t xml:space="preserve"> recorded.</w:t>"#))
        #expect(text.contains(#"at [EMAIL ADDRESS]&amp;co"#))
        #expect(text.contains(#"<w:ins w:id="1" w:author="" "#))
        // The tab before the phone number is kept: it is not part of the finding.
        #expect(text.contains(#"<w:t xml:space="preserve">Phone</w:t><w:tab/><w:t xml:space="preserve">[PHONE NUMBER]</w:t></w:r><w:r><w:t xml:space="preserve"></w:t>"#))
    }

    @Test func metadataIsEmptiedOrRedacted() throws {
        let doc = try DocxFormat().redact(try DocxFixture.bytes(), path: "s.docx", in: env)
        let members = Dictionary(uniqueKeysWithValues: try unzipAll(doc.bytes))
        let core = String(decoding: try #require(members["docProps/core.xml"]), as: UTF8.self)
        #expect(core.contains("<dc:creator></dc:creator>") && core.contains("<cp:lastModifiedBy></cp:lastModifiedBy>"))
        #expect(core.contains("<dc:title>Statement of [PERSON NAME]</dc:title>"))
        let app = String(decoding: try #require(members["docProps/app.xml"]), as: UTF8.self)
        #expect(app.contains("<Manager></Manager><Company></Company>"))
        let custom = String(decoding: try #require(members["docProps/custom.xml"]), as: UTF8.self)
        #expect(custom.contains(#"name="CaseOfficer"><vt:lpwstr></vt:lpwstr>"#))
        let rels = String(decoding: try #require(members["word/_rels/document.xml.rels"]), as: UTF8.self)
        #expect(rels.contains(#"Target="mailto:[EMAIL ADDRESS]""#))
        #expect(rels.contains(#"Target="media/image1.png""#))
        // The thumbnail (a picture of the unredacted page) is gone, and every reference to it.
        #expect(members["docProps/thumbnail.jpeg"] == nil)
        for name in ["_rels/.rels", "[Content_Types].xml"] {
            #expect(!(try #require(members[name])).contains("thumbnail"))
        }
    }

    @Test func redactionsCarryOutputOffsetsIntoTheRedactedParagraph() throws {
        let doc = try DocxFormat().redact(try DocxFixture.bytes(), path: "s.docx", in: env)
        let first = try #require(doc.redactions.first { $0.original.locator == "word/document.xml#p1" })
        #expect(first.outputStart == 13 && first.outputEnd == 13 + "[PERSON NAME]".utf8.count)
        let creator = try #require(doc.redactions.first { $0.original.locator == "docProps/core.xml#creator" })
        #expect(creator.outputStart == 0 && creator.outputEnd == 0)
    }

    @Test func unusualNamespacePrefixCannotHideText() throws {
        var members = DocxFixture.members
        let hidden = #"<?xml version="1.0"?><x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:body><x:p><x:r><x:t>NI AB123456C</x:t></x:r></x:p><x:p><x:customThing>Mr John Smith</x:customThing></x:p></x:body></x:document>"#
        members[2] = ("word/document.xml", Array(hidden.utf8))
        let spans = try DocxFormat().scan(try makeZip(members), path: "s.docx", in: env)
        #expect(spans.contains { $0.locator == "word/document.xml#p1" && $0.span.category == .nino })
        #expect(spans.contains { $0.locator == "word/document.xml#t1" && $0.span.category == .personName })
    }

    @Test func textBoxParagraphsAreUnitsOfTheirOwn() throws {
        var members = DocxFixture.members
        let body = """
            <w:document \(DocxFixture.w) xmlns:wps="x" xmlns:mc="y"><w:body><w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>\
            <w:r><w:t xml:space="preserve">Outer Mr John</w:t></w:r><w:r><mc:AlternateContent><mc:Choice><w:drawing><wps:txbx><w:txbxContent>\
            <w:p><w:r><w:t xml:space="preserve">Box NI AB123456C</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice></mc:AlternateContent></w:r>\
            <w:r><w:t xml:space="preserve"> Smith end</w:t></w:r></w:p></w:body></w:document>
            """
        members[2] = ("word/document.xml", Array(body.utf8))
        let doc = try DocxFormat().redact(try makeZip(members), path: "s.docx", in: env)
        let found = doc.redactions.filter { $0.original.locator?.hasPrefix("word/document.xml") == true }
        #expect(found.map(\.original.locator) == ["word/document.xml#p1", "word/document.xml#p2"])
        // The outer paragraph reads "Outer Mr John Smith end": the box in between is not part of it.
        #expect(found.first?.original.span.start == 6 && found.first?.original.span.category == .personName)
        let out = String(decoding: try #require(try unzipAll(doc.bytes).first { $0.0 == "word/document.xml" }?.1), as: UTF8.self)
        #expect(out.contains(#"<w:tab w:val="left" w:pos="720"/>"#), "tab stops are not text")
        #expect(out.contains("Box NI [NINO]") && out.contains("Outer [PERSON NAME]</w:t>") && out.contains(">\u{20}end</w:t>"))
    }

    @Test func embeddedDocumentIsRedactedThroughItsFormat() throws {
        var members = DocxFixture.members
        members.append(("word/embeddings/inner.docx", try DocxFixture.bytes()))
        let doc = try DocxFormat().redact(try makeZip(members), path: "s.docx", in: env)
        #expect(doc.redactions.contains { $0.original.locator == "word/embeddings/inner.docx!word/document.xml#p1" })
        let inner = try #require(try unzipAll(doc.bytes).first { $0.0 == "word/embeddings/inner.docx" }?.1)
        for (_, content) in try unzipAll(inner) { #expect(!content.contains("AB123456C")) }
    }

    /// A finder that remembers the context labels it was given.
    final class LabelRecorder: TextFinder, @unchecked Sendable {
        private let lock = NSLock()
        private(set) var labels: [String] = []
        func spans(in text: UnsafeBufferPointer<UInt8>, context: FieldContext?) -> [TextSpan] {
            lock.lock()
            labels.append(context?.label ?? "-")
            lock.unlock()
            return []
        }
        func mark(for span: TextSpan, value: UnsafeBufferPointer<UInt8>) -> [UInt8] { [] }
    }

    @Test func propertiesAreReadWithTheirNamesAsContext() throws {
        let recorder = LabelRecorder()
        _ = try DocxFormat().scan(try DocxFixture.bytes(), path: "s.docx", in: testEnvironment(finder: recorder))
        for label in ["CaseOfficer", "Subject", "title", "creator", "Manager", "descr", "Target"] {
            #expect(recorder.labels.contains(label), "\(label)")
        }
    }

    @Test func percentEscapedHyperlinkTargets() throws {
        var members = DocxFixture.members
        members[3].1 = Array(String(decoding: members[3].1, as: UTF8.self)
            .replacingOccurrences(of: "mailto:john.smith@example.com", with: "https://example.org/?who=Mr%20John%20Smith&amp;x=1").utf8)
        let doc = try DocxFormat().redact(try makeZip(members), path: "s.docx", in: env)
        #expect(doc.redactions.contains { $0.original.locator == "word/_rels/document.xml.rels#r1" && $0.original.span.category == .personName })
        let rels = String(decoding: try #require(try unzipAll(doc.bytes).first { $0.0 == "word/_rels/document.xml.rels" }?.1), as: UTF8.self)
        #expect(rels.contains(#"Target="https://example.org/?who=[PERSON NAME]&amp;x=1""#))
    }

    @Test func notAWordDocument() throws {
        let zip = try makeZip([("a.txt", Array("hello".utf8))])
        #expect(throws: FormatError.self) { try DocxFormat().scan(zip, path: "x.docx", in: env) }
    }
}
