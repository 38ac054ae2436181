import RedactCore
import RedactFormats
import Testing

@Suite struct ProtocolTests {
    @Test func locatorsJoinOutermostFirst() {
        #expect(Locator.join("member:a.docx", "word/document.xml#p3") == "member:a.docx!word/document.xml#p3")
        #expect(Locator.join("member:a.csv", nil) == "member:a.csv")
    }

    @Test func detectionByExtensionAndMagic() {
        let formats = DocumentFormats.standard
        let pdf = Array("%PDF-1.7\n".utf8)
        pdf.withUnsafeBufferPointer { head in
            #expect(formats.detect(path: "x.bin", head: head)?.id == "pdf")
        }
        let none: [UInt8] = []
        none.withUnsafeBufferPointer { head in
            #expect(formats.detect(path: "a/B.CSV", head: head)?.id == "csv")
            #expect(formats.detect(path: "b.tsv", head: head)?.id == "tsv")
            #expect(formats.detect(path: "c.json", head: head)?.id == "json")
            #expect(formats.detect(path: "d.ndjson", head: head)?.id == "jsonl")
            #expect(formats.detect(path: "e.txt", head: head) == nil)
            #expect(formats.format(for: "e.txt", head: head)?.id == "text")
        }
    }
}
