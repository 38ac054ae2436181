import Foundation
import RedactCore
import Testing
import ZIPFoundation
@testable import RedactContainers

@Suite struct ZipBundleTests {
    let env = testEnvironment()

    static func bundle() throws -> [UInt8] {
        let inner = try makeZip([("a.txt", Array("Phone \(Planted.phone)".utf8))])
        return try makeZip([
            ("case/notes.txt", Array("Subject NI \(Planted.nino), seen by \(Planted.name).\n".utf8)),
            ("case/statement.docx", try DocxFixture.bytes()),
            ("case/mail.eml", try EmailFixture.bytes()),
            ("case/photo.png", DocxFixture.png),
            ("inner.zip", inner),
        ])
    }

    @Test func scanReachesEveryMemberWithNestedLocators() throws {
        let bytes = try Self.bundle()
        let spans = try ZipBundleFormat().scan(bytes, path: "b.zip", in: env)
        let notes = spans.filter { $0.locator == "member:case/notes.txt" }
        #expect(notes.map(\.span.category) == [.nino, .personName])
        // A plain-text member's offsets index the member's bytes.
        #expect(notes.first?.span.start == 11 && notes.first?.span.end == 20)
        #expect(spans.contains { $0.locator == "member:case/statement.docx!word/document.xml#p2" && $0.span.category == .nino })
        #expect(spans.contains { $0.locator == "member:case/mail.eml!mime:1.1" })
        #expect(spans.contains { $0.locator == "member:case/mail.eml!mime:3!word/document.xml#p1" })
        #expect(spans.contains { $0.locator == "member:inner.zip!member:a.txt" && $0.span.category == .phoneNumber })
    }

    @Test func redactedBundleKeepsMembersAndHoldsNoPlantedValue() throws {
        let bytes = try Self.bundle()
        let doc = try ZipBundleFormat().redact(bytes, path: "b.zip", in: env)
        let members = try unzipAll(doc.bytes)
        #expect(members.map(\.0) == ["case/notes.txt", "case/statement.docx", "case/mail.eml", "case/photo.png", "inner.zip"])
        #expect(members[0].1 == Array("Subject NI [NINO], seen by [PERSON NAME].\n".utf8))
        #expect(members[3].1 == DocxFixture.png)
        // Scanning the output again finds nothing: no value left at any depth, metadata included.
        #expect(try ZipBundleFormat().scan(doc.bytes, path: "b.zip", in: env).isEmpty)
        #expect(doc.redactions.count == (try ZipBundleFormat().scan(bytes, path: "b.zip", in: env)).count)
    }

    @Test func memberNamesAreScannedAndRedacted() throws {
        let bytes = try makeZip([("Statement of Mr John Smith.txt", Array("NI AB123456C".utf8)),
                                 ("Statement of Mr John Smith.csv", Array("x".utf8))])
        let spans = try ZipBundleFormat().scan(bytes, path: "b.zip", in: env)
        let name = try #require(spans.first { $0.field == "member-name" })
        #expect(name.span.start == 13 && name.span.end == 26 && name.locator == "member:Statement of [PERSON NAME].txt")
        #expect(spans.contains { $0.locator == "member:Statement of [PERSON NAME].txt" && $0.span.category == .nino })
        let doc = try ZipBundleFormat().redact(bytes, path: "b.zip", in: env)
        #expect(try unzipAll(doc.bytes).map(\.0) == ["Statement of [PERSON NAME].txt", "Statement of [PERSON NAME].csv"])
        for r in doc.redactions { #expect(!(r.original.locator ?? "").contains("Smith")) }
    }

    @Test func aWordPackageUnderAnotherNameIsReadAsWord() throws {
        let spans = try ZipBundleFormat().scan(try DocxFixture.bytes(), path: "renamed.zip", in: env)
        #expect(spans.contains { $0.locator == "word/document.xml#p1" && $0.span.start == 13 })
    }

    @Test func claimsZipsButNotOtherPackages() {
        let head: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0, 0]
        head.withUnsafeBufferPointer { h in
            #expect(ZipBundleFormat().claims(path: "x.zip", head: h))
            #expect(ZipBundleFormat().claims(path: "bundle", head: h))
            #expect(!ZipBundleFormat().claims(path: "x.xlsx", head: h))
            #expect(!ZipBundleFormat().claims(path: "x.docx", head: h))
            #expect(DocxFormat().claims(path: "x.docx", head: h))
        }
    }
}

/// Hostile input: each case ends in a `FormatError` within the limits, never a crash, a hang
/// or unbounded memory.
@Suite struct HostileInputTests {
    let env = testEnvironment()

    func error(_ bytes: [UInt8], _ format: any DocumentFormat = ZipBundleFormat(), path: String = "b.zip",
               limits: FormatLimits = .default) -> FormatError? {
        do {
            _ = try format.scan(bytes, path: path, in: testEnvironment(limits: limits))
            return nil
        } catch let e as FormatError {
            return e
        } catch {
            Issue.record("not a FormatError: \(error)")
            return nil
        }
    }

    @Test func corruptZip() throws {
        let good = try ZipBundleTests.bundle()
        #expect(error(Array("not a zip at all".utf8))?.kind == .corrupt)
        #expect(error(Array(good.prefix(good.count / 2)))?.kind == .corrupt)
        var flipped = good
        flipped[50] ^= 0xFF  // inside the first member's compressed data (its local header is 44 bytes)
        #expect(error(flipped)?.kind == .corrupt)
    }

    @Test func zipBombStopsAtTheRatioWhileInflating() throws {
        let zeros = [UInt8](repeating: 0, count: 8 << 20)
        let bomb = try makeZip([("zeros.txt", zeros)])
        #expect(bomb.count < 100_000)
        let e = error(bomb)
        #expect(e?.kind == .limitExceeded && e?.detail.contains("ratio") == true)
    }

    @Test func headersClaimingASmallSizeAreNotTrusted() throws {
        var bytes = try makeZip([("a.txt", [UInt8](repeating: UInt8(ascii: "a"), count: 300_000))])
        // Rewrite the uncompressed size in the central directory to 10 bytes.
        let cd = try #require(findSignature(bytes, [0x50, 0x4B, 0x01, 0x02]))
        bytes.replaceSubrange((cd + 24)..<(cd + 28), with: [10, 0, 0, 0])
        #expect(error(bytes)?.kind == .corrupt)
        var limits = FormatLimits.default
        limits.maxPartBytes = 100_000
        #expect(error(bytes, limits: limits)?.kind == .limitExceeded, "the limit is met while inflating")
    }

    @Test func truncatedDeflateStreamEndsInAnErrorNotALoop() throws {
        var bytes = try makeZip([("a.txt", Array((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 9) }))])
        let cd = try #require(findSignature(bytes, [0x50, 0x4B, 0x01, 0x02]))
        // Claim only the first 100 compressed bytes belong to the member.
        bytes.replaceSubrange((cd + 20)..<(cd + 24), with: [100, 0, 0, 0])
        #expect(error(bytes)?.kind == .corrupt)
    }

    @Test func totalBudgetCoversAllMembers() throws {
        let chunk = Array((0..<60_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) })
        let bytes = try makeZip((1...4).map { ("m\($0).txt", chunk) })
        var limits = FormatLimits.default
        limits.maxTotalBytes = 150_000
        #expect(error(bytes, limits: limits)?.kind == .limitExceeded)
    }

    @Test func pathTraversalAndAbsoluteNamesAreRefused() throws {
        for name in ["../evil.txt", "a/../../evil.txt", "/etc/passwd", "C:/x.txt", "a\\..\\b.txt"] {
            let bytes = try makeZip([("ok.txt", Array("x".utf8)), (name, Array("y".utf8))])
            let e = error(bytes)
            #expect(e?.kind == .corrupt, "\(name)")
            #expect(e?.description.contains("evil") == false, "errors do not echo member names")
        }
    }

    @Test func errorsHoldNoPersonalData() throws {
        let broken = try makeZip([("Mr John Smith.docx", Array("PK\u{3}\u{4} AB123456C".utf8))])
        let e = try #require(error(try makeZip([("Mr John Smith/bundle.zip", broken)])))
        #expect(e.kind == .corrupt)
        for v in ["Smith", "AB123456C"] { #expect(!e.description.contains(v), "\(e.description)") }
        #expect(e.description.hasPrefix("b.zip!member #1!member #1"))
    }

    @Test func duplicateMembersAreRefused() throws {
        let bytes = try makeZip([("a.txt", Array("x".utf8)), ("a.txt", Array("AB123456C".utf8))])
        #expect(error(bytes)?.kind == .corrupt)
    }

    @Test func tooManyMembers() throws {
        let bytes = try makeZip((1...30).map { ("m\($0).txt", [UInt8(ascii: "x")]) })
        var limits = FormatLimits.default
        limits.maxMembers = 20
        #expect(error(bytes, limits: limits)?.kind == .limitExceeded)
    }

    @Test func nestingBeyondTheLimit() throws {
        var bytes = try makeZip([("a.txt", Array("x".utf8))])
        for k in 0..<6 { bytes = try makeZip([("z\(k).zip", bytes)]) }
        var limits = FormatLimits.default
        limits.maxNesting = 3
        #expect(error(bytes, limits: limits)?.kind == .limitExceeded)
        #expect(error(bytes) == nil)
    }

    @Test func xmlEntityBombIsRefused() throws {
        let bomb = #"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"#
        var members = DocxFixture.members
        members[2] = ("word/document.xml", Array(bomb.utf8))
        let e = error(try makeZip(members), DocxFormat(), path: "s.docx")
        #expect(e?.kind == .unsupported && e?.part == "word/document.xml")
        // An entity that was never declared is malformed, not expanded.
        members[2] = ("word/document.xml", Array(#"<w:document xmlns:w="x"><w:p><w:r><w:t>&lol;</w:t></w:r></w:p></w:document>"#.utf8))
        #expect(error(try makeZip(members), DocxFormat(), path: "s.docx")?.kind == .corrupt)
    }

    @Test func deeplyNestedXML() throws {
        let deep = String(repeating: "<a>", count: 5000) + String(repeating: "</a>", count: 5000)
        var members = DocxFixture.members
        members[2] = ("word/document.xml", Array(deep.utf8))
        #expect(error(try makeZip(members), DocxFormat(), path: "s.docx")?.kind == .limitExceeded)
    }

    func findSignature(_ bytes: [UInt8], _ sig: [UInt8]) -> Int? {
        var i = 0
        while i + 4 <= bytes.count {
            if bytes[i..<i + 4].elementsEqual(sig) { return i }
            i += 1
        }
        return nil
    }
}

@Suite struct XMLTokenizerTests {
    func tokens(_ s: String) throws -> [XMLTokenizer.Kind] {
        var kinds: [XMLTokenizer.Kind] = []
        try XMLTokenizer(Array(s.utf8)).forEachToken { t, _ in kinds.append(t.kind) }
        return kinds
    }

    @Test func tokenKinds() throws {
        #expect(try tokens("<?xml version=\"1.0\"?><a x='1'><!-- c --><b/>t<![CDATA[<x>]]></a>")
            == [.processingInstruction, .startTag, .comment, .emptyTag, .text, .cdata, .endTag])
    }

    @Test func malformedInputIsRefused() {
        for bad in ["<a>", "<a></b>", "</a>", "<a x=1/>", "<a x='1' x='2'/>", "<a/><b/>", "text<a/>", "<a x='<'/>", "<a", "<a><!-- </a>"] {
            #expect(throws: XMLError.self, "\(bad)") { try tokens(bad) }
        }
    }

    @Test func byteOrderMarks() throws {
        #expect(try XMLTokenizer([0xEF, 0xBB, 0xBF] + Array("<a>x</a>".utf8)).forEachToken { _, _ in } == ())
        #expect(throws: XMLError.utf16) { try XMLTokenizer([0xFF, 0xFE, 0x3C, 0x00]).forEachToken { _, _ in } }
    }

    @Test func referencesDecodeWithTheirSourceRanges() throws {
        let raw = Array("a&amp;b&#x41;&#66;c".utf8)
        let text = try XMLText.decode(raw, 0..<raw.count)
        #expect(text.bytes == Array("a&bABc".utf8))
        // "&" (decoded 1..<2) is the 5 bytes of "&amp;"; a range ending inside a multi-byte
        // source is widened to all of it.
        #expect(text.rawRange(1..<2) == 1..<6)
        #expect(text.rawRange(3..<5) == 7..<18)
        let e = Array("&#x1F600;".utf8)
        let emoji = try XMLText.decode(e, 0..<e.count)
        #expect(emoji.bytes.count == 4 && emoji.rawRange(1..<2) == 0..<9)
        for bad in ["&nbsp;", "&#0;", "&#xD800;", "&#x110000;", "& x", "&;"] {
            let b = Array(bad.utf8)
            #expect(throws: XMLError.self, "\(bad)") { try XMLText.decode(b, 0..<b.count) }
        }
    }
}
