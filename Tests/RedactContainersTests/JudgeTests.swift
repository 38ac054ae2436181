import Foundation
import RedactCore
import Testing
@testable import RedactContainers

/// A judge for tests: keeps one category (`required-for-case`), redacts the rest (`privacy`),
/// and remembers every locator it was asked about.
final class TestJudge: @unchecked Sendable {
    let keep: Category
    private var asked: [String?] = []
    private let lock = NSLock()

    init(keep: Category) { self.keep = keep }

    var locators: [String?] {
        lock.lock()
        defer { lock.unlock() }
        return asked
    }

    var judge: SpanJudge {
        { [self] span in
            lock.lock()
            asked.append(span.locator)
            lock.unlock()
            return span.span.category == keep
                ? SpanVerdict(redact: false, justification: "required-for-case")
                : SpanVerdict(redact: true, justification: "privacy")
        }
    }
}

func judgedEnvironment(_ judge: TestJudge) -> FormatEnvironment {
    var env = testEnvironment()
    env.judge = judge.judge
    return env
}

/// Every redaction carries a justification; kept ones have no fingerprint.
func expectJustified(_ redactions: [LocatedRedaction]) {
    for r in redactions {
        #expect(r.justification == (r.kept ? "required-for-case" : "privacy") || (!r.kept && r.justification == emptiedFieldJustification),
                "\(r.original.locator ?? "-") \(r.original.span.rule)")
    }
}

@Suite struct JudgeTests {
    // MARK: - DOCX

    @Test func docxKeepsAJudgedNameAcrossRunsByteForByte() throws {
        let judge = TestJudge(keep: .personName)
        let original = try DocxFixture.bytes()
        let doc = try DocxFormat().redact(original, path: "s.docx", in: judgedEnvironment(judge))
        let members = Dictionary(uniqueKeysWithValues: try unzipAll(doc.bytes))
        let body = String(decoding: try #require(members["word/document.xml"]), as: UTF8.self)
        // The name split over two runs stays as stored, the bold run included.
        #expect(body.contains(#"<w:p><w:r><w:t xml:space="preserve">Statement of Mr John</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> Smith, witness.</w:t></w:r></w:p>"#))
        // Other categories are still redacted, across runs too.
        #expect(body.contains(#"<w:t xml:space="preserve">NI number [NINO]</w:t>"#))
        #expect(!body.contains("AB1") && !body.contains("943 476") && !body.contains("john.smith"))
        // Alt text: the name kept, the NI number in the title redacted.
        #expect(body.contains(#"descr="Photo of Mr John Smith""#) && body.contains(#"title="[NINO]""#))
        // The hyperlink target (an email address) is redacted.
        let rels = String(decoding: try #require(members["word/_rels/document.xml.rels"]), as: UTF8.self)
        #expect(rels.contains(#"Target="mailto:[EMAIL ADDRESS]""#))

        let p1 = doc.redactions.filter { $0.original.locator == "word/document.xml#p1" }
        #expect(p1.count == 1)
        let kept = try #require(p1.first)
        #expect(kept.kept && kept.justification == "required-for-case" && kept.valueHMAC == nil)
        #expect(kept.original.span.start == 13 && kept.original.span.end == 26)
        #expect(kept.outputStart == 13 && kept.outputEnd == 26, "output range is the value's, unchanged")
        let nino = try #require(doc.redactions.first { $0.original.locator == "word/document.xml#p2" })
        #expect(!nino.kept && nino.justification == "privacy")
        expectJustified(doc.redactions)
        // The judge was asked with the locators the manifest gets.
        #expect(judge.locators.contains("word/document.xml#p1") && judge.locators.contains("docProps/core.xml#creator"))
    }

    @Test func docxPropertiesFollowTheJudgeWhereTheValueIsTheFinding() throws {
        let judge = TestJudge(keep: .personName)
        let doc = try DocxFormat().redact(try DocxFixture.bytes(), path: "s.docx", in: judgedEnvironment(judge))
        let members = Dictionary(uniqueKeysWithValues: try unzipAll(doc.bytes))
        let core = String(decoding: try #require(members["docProps/core.xml"]), as: UTF8.self)
        // creator is reported as one person_name: kept, it stays.
        #expect(core.contains("<dc:creator>\(Planted.author)</dc:creator>"))
        #expect(core.contains("<dc:title>Statement of \(Planted.name)</dc:title>") && core.contains("<dc:subject>NI [NINO]</dc:subject>"))
        let creator = try #require(doc.redactions.first { $0.original.locator == "docProps/core.xml#creator" })
        #expect(creator.kept && creator.outputEnd == Planted.author.utf8.count)
        // A custom string property is emptied whatever the judge says of what it holds.
        let custom = String(decoding: try #require(members["docProps/custom.xml"]), as: UTF8.self)
        #expect(!custom.contains(Planted.name) && !custom.contains(Planted.nino))
        let subject = doc.redactions.filter { $0.original.locator == "docProps/custom.xml#lpwstr:2" }
        #expect(subject.map(\.kept) == [false, false])
        #expect(subject.map(\.justification) == [emptiedFieldJustification, "privacy"])
        expectJustified(doc.redactions)
    }

    @Test func noJudgeAndAJudgeThatRedactsEverythingGiveTheSameDocuments() throws {
        var everything = testEnvironment()
        everything.judge = { _ in SpanVerdict(redact: true) }
        let docx = try DocxFixture.bytes()
        let email = try EmailFixture.bytes()
        let bundle = try ZipBundleTests.bundle()
        for (format, bytes) in [(DocxFormat() as any DocumentFormat, docx), (EmailFormat(), email), (ZipBundleFormat(), bundle)] {
            let plain = try format.redact(bytes, path: "x", in: testEnvironment())
            let judged = try format.redact(bytes, path: "x", in: everything)
            #expect(plain.bytes == judged.bytes, "\(format.id)")
            #expect(plain.redactions == judged.redactions, "\(format.id)")
            #expect(!plain.redactions.contains { $0.kept || $0.justification != nil })
        }
    }

    // MARK: - Email

    @Test func emailKeepsJudgedNamesInHeadersAndQuotedPrintable() throws {
        let judge = TestJudge(keep: .personName)
        let bytes = try EmailFixture.bytes()
        let doc = try EmailFormat().redact(bytes, path: "m.eml", in: judgedEnvironment(judge))
        let out = doc.bytes
        let s = String(decoding: out, as: UTF8.self)
        // Stored as-is, folded and encoded-word headers: the name stays as stored.
        #expect(s.contains("From: Mr John Smith <[EMAIL ADDRESS]>\r\n"))
        #expect(s.contains("To: =?UTF-8?Q?Mr_John_Smith?= <office@example.org>\r\n"))
        #expect(s.contains("Cc: Mr John\r\n Smith <clerk@example.org>\r\n"))
        #expect(!s.contains("AB123456C") && !s.contains("john.smith@"))
        // The quoted-printable part: the name kept, the NHS number (cut by a soft break) redacted.
        var parser = MimeParser(out, limits: .default)
        let root = try parser.parse()
        let qp = root.children[0].children[0]
        let qpText = String(decoding: qp.encoding.decode(out, qp.body).bytes, as: UTF8.self)
        #expect(qpText == "Dear Mr John Smith,\r\nYour NHS number is [NHS NUMBER]. Café = fine.")
        let inQP = doc.redactions.filter { $0.original.locator == "mime:1.1" }
        #expect(inQP.map(\.kept) == [true, false])
        let keptInQP = try #require(inQP.first)
        #expect(Array(Array(qpText.utf8)[keptInQP.outputStart..<keptInQP.outputEnd]) == Array(Planted.name.utf8))
        // A kept value stored as-is: file offsets, and its output range holds it.
        let from = try #require(doc.redactions.first { $0.original.field == "header:From" && $0.kept })
        #expect(Array(bytes[from.original.span.start..<from.original.span.end]) == Array(Planted.name.utf8))
        #expect(Array(out[from.outputStart..<from.outputEnd]) == Array(Planted.name.utf8))
        // The attached DOCX is judged with the attachment's locator in front.
        #expect(judge.locators.contains("mime:3!word/document.xml#p1"))
        #expect(doc.redactions.contains { $0.original.locator == "mime:3!word/document.xml#p1" && $0.kept })
        expectJustified(doc.redactions)
    }

    @Test func emailPartWhoseFindingsAreAllKeptIsLeftAsStored() throws {
        var m = "From: office@example.org\r\nSubject: note\r\nMIME-Version: 1.0\r\n"
        m += "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
        m += "Seen by Mr John=\r\n Smith today, caf=C3=A9.\r\n"
        let bytes = Array(m.utf8)
        let doc = try EmailFormat().redact(bytes, path: "m.eml", in: judgedEnvironment(TestJudge(keep: .personName)))
        #expect(doc.bytes == bytes)
        #expect(doc.redactions.count == 1 && doc.redactions[0].kept && doc.redactions[0].original.locator == "mime:1")
    }

    @Test func decodedTextPartsSpendTheBudget() throws {
        var m = "From: office@example.org\r\nMIME-Version: 1.0\r\n"
        m += "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        m += EmailFixture.base64(Array(String(repeating: "plain text ", count: 20).utf8))
        let env = testEnvironment(limits: FormatLimits(maxTotalBytes: 100))
        let error = try #require(throws: FormatError.self) { try EmailFormat().scan(Array(m.utf8), path: "m.eml", in: env) }
        #expect(error.kind == .limitExceeded)
        let roomy = testEnvironment()
        _ = try EmailFormat().scan(Array(m.utf8), path: "m.eml", in: roomy)
        #expect(roomy.budget.total == 220)
    }

    @Test func emailHTMLStoredAsIsKeepsAJudgedValueAcrossTags() throws {
        var m = "From: office@example.org\r\nMIME-Version: 1.0\r\n"
        m += "Content-Type: text/html; charset=utf-8\r\n\r\n"
        m += "<p>Mr <b>John</b> Smith, 07700 900123</p>\r\n"
        let bytes = Array(m.utf8)
        let doc = try EmailFormat().redact(bytes, path: "m.eml", in: judgedEnvironment(TestJudge(keep: .personName)))
        let s = String(decoding: doc.bytes, as: UTF8.self)
        #expect(s.hasSuffix("<p>Mr <b>John</b> Smith, [PHONE NUMBER]</p>\r\n"), "\(s)")
        let kept = try #require(doc.redactions.first { $0.kept })
        // File offsets over the stored bytes (tags included), and the output range holds them.
        let stored = Array("Mr <b>John</b> Smith".utf8)
        #expect(kept.original.locator == nil && Array(bytes[kept.original.span.start..<kept.original.span.end]) == stored)
        #expect(Array(doc.bytes[kept.outputStart..<kept.outputEnd]) == stored)
        let phone = try #require(doc.redactions.first { !$0.kept })
        #expect(Array(doc.bytes[phone.outputStart..<phone.outputEnd]) == Array("[PHONE NUMBER]".utf8))
        expectJustified(doc.redactions)
    }

    // MARK: - Zip

    @Test func zipJudgesNestedDocxAndMemberNamesWithFullLocators() throws {
        let judge = TestJudge(keep: .personName)
        let bytes = try makeZip([
            ("case/statement.docx", try DocxFixture.bytes()),
            ("Notes on \(Planted.name).txt", Array("NI \(Planted.nino), \(Planted.name).\n".utf8)),
            ("\(Planted.nino).txt", Array("nothing".utf8)),
        ])
        let doc = try ZipBundleFormat().redact(bytes, path: "b.zip", in: judgedEnvironment(judge))
        let members = try unzipAll(doc.bytes)
        // A kept name stays in a member name; a redacted value does not.
        #expect(members.map(\.0) == ["case/statement.docx", "Notes on \(Planted.name).txt", "[NINO].txt"])
        #expect(members[1].1 == Array("NI [NINO], \(Planted.name).\n".utf8))
        let inner = Dictionary(uniqueKeysWithValues: try unzipAll(members[0].1))
        let body = String(decoding: try #require(inner["word/document.xml"]), as: UTF8.self)
        #expect(body.contains(#"Statement of Mr John</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> Smith, witness."#))
        #expect(body.contains("NI number [NINO]"))
        // The nested format's judge sees the member in front of its locator.
        #expect(judge.locators.contains("member:case/statement.docx!word/document.xml#p1"))
        #expect(judge.locators.contains("member:Notes on \(Planted.name).txt"))
        let p1 = try #require(doc.redactions.first { $0.original.locator == "member:case/statement.docx!word/document.xml#p1" })
        #expect(p1.kept && p1.justification == "required-for-case")
        let names = doc.redactions.filter { $0.original.field == "member-name" }
        #expect(names.map(\.kept).sorted { !$0 && $1 } == [false, true])
        expectJustified(doc.redactions)
    }

    // MARK: - Edits

    @Test func aKeptValueNeverStandsInForAnOverlappingMark() {
        let bytes = Array("abcdefghij".utf8)
        let kept = ByteEdit(range: 2..<6, replacement: Array(bytes[2..<6]), redaction: 0, keeps: true)
        let mark = ByteEdit(range: 4..<8, replacement: Array("[X]".utf8), redaction: 1)
        #expect(ByteEdits.apply([kept, mark], to: bytes) == Array("ab[X]ij".utf8))
        let markFirst = ByteEdit(range: 2..<6, replacement: Array("[X]".utf8), redaction: 1)
        let keptAfter = ByteEdit(range: 4..<8, replacement: Array(bytes[4..<8]), redaction: 0, keeps: true)
        #expect(ByteEdits.apply([markFirst, keptAfter], to: bytes) == Array("ab[X]ij".utf8))
    }
}
