import Foundation
import RedactCore
import RedactTestSupport
import Testing
@testable import RedactFormats

@Suite struct PDFTests {
    static let pdf = makePDF(pages: ["Cover page, nothing here", "NHS number 943 476 5919 and j.okafor@example.org"])

    @Test func scansEachPageWithAPageLocator() throws {
        try #require(PDFText.locate() != nil, "pdftotext (poppler-utils) must be installed for this test")
        let spans = try PDFFormat().scan(Self.pdf, path: "x.pdf", in: Support.env())
        #expect(spans.map(\.locator) == ["page:2", "page:2"])
        #expect(spans.map(\.span.category) == [.nhsNumber, .emailAddress])
        // Offsets index the page's extracted text.
        #expect(spans.first?.span.start == 11)
    }

    @Test func refusesToRedact() {
        #expect(throws: FormatError.self) { try PDFFormat().redact(Self.pdf, path: "x.pdf", in: Support.env()) }
    }

    @Test func damagedPDFIsAClearError() throws {
        try #require(PDFText.locate() != nil)
        do {
            _ = try PDFFormat().scan(Array("%PDF-1.4\ngarbage".utf8), path: "bad.pdf", in: Support.env())
            Issue.record("no error")
        } catch let e as FormatError {
            #expect(e.kind == .corrupt)
            #expect(e.description.hasPrefix("bad.pdf: "))
        }
    }

    @Test func missingToolIsNamed() {
        #expect(PDFText.locate(environment: ["PATH": "/nonexistent"]) == nil)
    }
}
