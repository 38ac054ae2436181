import Foundation
import RedactCore
import Testing
@testable import RedactContainers

/// A message carrying the planted values in headers (plain, folded, encoded-words in UTF-8 and
/// Latin-1), a quoted-printable part (the NHS number cut by a soft line break), a base64
/// Windows-1252 HTML part, an 8bit Latin-1 part, and an attached DOCX.
enum EmailFixture {
    static func base64(_ bytes: [UInt8]) -> String { String(decoding: Base64.encode(bytes), as: UTF8.self) }

    static func message(docx: [UInt8]) -> [UInt8] {
        let html: [UInt8] = Array("<p>Call 07700 900123 ".utf8) + [0x93] + Array("soon".utf8) + [0x94] + Array("</p>".utf8)
        var m = ""
        m += "Received: from relay.example.net by mx.example.org; Mon, 1 Jan 2024 09:00:00 +0000\r\n"
        m += "From: Mr John Smith <john.smith@example.com>\r\n"
        m += "To: =?UTF-8?Q?Mr_John_Smith?= <office@example.org>\r\n"
        m += "Cc: Mr John\r\n Smith <clerk@example.org>\r\n"
        m += "Subject: =?ISO-8859-1?Q?Statement_caf=E9_AB123456C?=\r\n"
        m += "MIME-Version: 1.0\r\n"
        m += "Content-Type: multipart/mixed; boundary=\"outer\"\r\n"
        m += "\r\n"
        m += "This is a multi-part message in MIME format.\r\n"
        m += "--outer\r\n"
        m += "Content-Type: multipart/alternative; boundary=\"inner\"\r\n"
        m += "\r\n"
        m += "--inner\r\n"
        m += "Content-Type: text/plain; charset=utf-8\r\n"
        m += "Content-Transfer-Encoding: quoted-printable\r\n"
        m += "\r\n"
        m += "Dear Mr John Smith,\r\n"
        m += "Your NHS number is 943 476=\r\n 5919. Caf=C3=A9 =3D fine.\r\n"
        m += "--inner\r\n"
        m += "Content-Type: text/html; charset=windows-1252\r\n"
        m += "Content-Transfer-Encoding: base64\r\n"
        m += "\r\n"
        m += base64(html)
        m += "--inner--\r\n"
        m += "--outer\r\n"
        m += "Content-Type: text/plain; charset=iso-8859-1\r\n"
        m += "Content-Transfer-Encoding: 8bit\r\n"
        m += "\r\n"
        var bytes = Array(m.utf8)
        bytes += Array("NI AB123456C caf".utf8) + [0xE9] + Array(" noted.\r\n".utf8)
        var tail = ""
        tail += "--outer\r\n"
        tail += "Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document; name=\"statement.docx\"\r\n"
        tail += "Content-Disposition: attachment; filename=\"statement.docx\"\r\n"
        tail += "Content-Transfer-Encoding: base64\r\n"
        tail += "\r\n"
        tail += base64(docx)
        tail += "--outer--\r\n"
        return bytes + Array(tail.utf8)
    }

    static func bytes() throws -> [UInt8] { message(docx: try DocxFixture.bytes()) }
}

@Suite struct EmailTests {
    let env = testEnvironment()

    @Test func scanFindsHeadersPartsAndAttachment() throws {
        let bytes = try EmailFixture.bytes()
        let spans = try EmailFormat().scan(bytes, path: "m.eml", in: env)
        // Stored as-is: offsets into the file.
        let from = try #require(spans.first { $0.field == "header:From" && $0.span.category == .personName })
        #expect(from.locator == nil && Array(bytes[from.span.start..<from.span.end]) == Array("Mr John Smith".utf8))
        let folded = try #require(spans.first { $0.field == "header:Cc" })
        #expect(folded.locator == nil && Array(bytes[folded.span.start..<folded.span.end]) == Array("Mr John\r\n Smith".utf8))
        let latin = try #require(spans.first { $0.field == "mime:2" })
        #expect(latin.locator == nil && Array(bytes[latin.span.start..<latin.span.end]) == Array("AB123456C".utf8))
        // Encoded-words: the header's locator and offsets into the decoded value.
        let to = try #require(spans.first { $0.field == "header:To" })
        #expect(to.locator == "mime:0#header:3", "\(to)")
        #expect(to.span.start == 1 && to.span.end == 14, "the value starts after the colon, its space included")
        #expect(spans.contains { $0.field == "header:Subject" && $0.span.category == .nino && $0.locator == "mime:0#header:5" })
        // Decoded parts: the NHS number cut by a soft line break is one finding.
        let qp = spans.filter { $0.locator == "mime:1.1" }.map(\.span.category)
        #expect(qp == [.personName, .nhsNumber])
        #expect(spans.contains { $0.locator == "mime:1.2" && $0.span.category == .phoneNumber })
        // The attached DOCX, through its format.
        #expect(spans.contains { $0.locator == "mime:3!word/document.xml#p1" })
        #expect(spans.contains { $0.locator == "mime:3!docProps/core.xml#creator" })
    }

    @Test func redactedMessageKeepsItsStructureAndHoldsNoPlantedValue() throws {
        let bytes = try EmailFixture.bytes()
        let doc = try EmailFormat().redact(bytes, path: "m.eml", in: env)
        let out = doc.bytes
        var parser = MimeParser(out, limits: .default)
        let root = try parser.parse()
        #expect(root.children.count == 3 && root.children[0].children.count == 2)
        // Every header, decoded, and every part, decoded, is free of the planted values.
        var texts: [[UInt8]] = []
        func collect(_ e: MimeEntity) throws {
            for h in e.headers { texts.append(HeaderValue(out, h.value).text) }
            if e.children.isEmpty {
                let decoded = e.encoding.decode(out, e.body).bytes
                if e.filename == "statement.docx" {
                    for (_, member) in try unzipAll(decoded) { texts.append(member) }
                } else {
                    texts.append(Charset(name: e.parameters["charset"]).toUTF8(XMLText.identity(decoded, 0..<decoded.count)).bytes)
                }
            }
            for c in e.children { try collect(c) }
        }
        try collect(root)
        texts.append(out)
        for text in texts {
            for fragment in Planted.fragments {
                #expect(!text.contains(fragment), "a planted value survived")
            }
        }
        // Structure, charsets and untouched bytes kept.
        let s = String(decoding: out, as: UTF8.self)
        #expect(s.contains("This is a multi-part message in MIME format.\r\n--outer\r\n"))
        #expect(s.contains("Content-Type: text/html; charset=windows-1252\r\nContent-Transfer-Encoding: base64\r\n"))
        #expect(out.contains("NI [NINO] caf") && out.contains([0xE9, 0x20]))
        #expect(s.contains("Subject: =?UTF-8?B?"))
        let qp = root.children[0].children[0]
        let qpText = String(decoding: qp.encoding.decode(out, qp.body).bytes, as: UTF8.self)
        #expect(qpText == "Dear [PERSON NAME],\r\nYour NHS number is [NHS NUMBER]. Café = fine.")
        let html = root.children[0].children[1]
        #expect(Array(html.encoding.decode(out, html.body).bytes).contains([0x93]))
    }

    @Test func storedAsIsRedactionsPointAtTheirMarksInTheOutput() throws {
        let doc = try EmailFormat().redact(try EmailFixture.bytes(), path: "m.eml", in: env)
        let asIs = doc.redactions.filter { $0.original.locator == nil }
        #expect(asIs.count >= 4)
        for r in asIs {
            let mark = String(decoding: doc.bytes[r.outputStart..<r.outputEnd], as: UTF8.self)
            #expect(mark.hasPrefix("[") && mark.hasSuffix("]"))
        }
    }

    @Test func deepNestingIsRefused() throws {
        var m = "Content-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n"
        for k in 1...40 { m += "--b\(k - 1)\r\nContent-Type: multipart/mixed; boundary=\"b\(k)\"\r\n\r\n" }
        var limits = FormatLimits.default
        limits.maxDepth = 16
        let error = try #require(throws: FormatError.self) {
            try EmailFormat().scan(Array(m.utf8), path: "m.eml", in: testEnvironment(limits: limits))
        }
        #expect(error.kind == .limitExceeded)
    }

    /// A message is held in memory whole, so the 2 GB attachment is refused by the message's
    /// size before any part is decoded (the per-part check guards nested budgets too).
    @Test func largeAttachmentIsRefusedBeforeDecoding() throws {
        var limits = FormatLimits.default
        limits.maxPartBytes = 64 << 10
        let big = [UInt8](repeating: 0x41, count: 200 << 10)
        let m = Array("Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: application/octet-stream; name=\"x.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n".utf8)
            + big + Array("\r\n--b--\r\n".utf8)
        let env = testEnvironment(limits: limits)
        let error = try #require(throws: FormatError.self) { try EmailFormat().scan(m, path: "m.eml", in: env) }
        #expect(error.kind == .limitExceeded)
        #expect(env.budget.total == 0, "nothing was decoded")
    }

    @Test func attachmentNamesAreRedactedButNotTheBoundary() throws {
        let m = Array(("Content-Type: multipart/mixed; boundary=\"AB123456C\"\r\n\r\n--AB123456C\r\n"
            + "Content-Type: application/octet-stream; name=\"Statement of Mr John Smith.bin\"\r\n"
            + "Content-Disposition: attachment; filename=\"Statement of Mr John Smith.bin\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\nAAEC\r\n--AB123456C--\r\n").utf8)
        let doc = try EmailFormat().redact(m, path: "m.eml", in: env)
        #expect(doc.redactions.map(\.original.field) == ["header:Content-Type", "header:Content-Disposition"])
        let s = String(decoding: doc.bytes, as: UTF8.self)
        #expect(s.contains("boundary=\"AB123456C\"") && s.contains("--AB123456C--"))
        #expect(s.contains("name=\"Statement of [PERSON NAME].bin\"") && s.contains("filename=\"Statement of [PERSON NAME].bin\""))
        var p = MimeParser(doc.bytes, limits: .default)
        #expect(try p.parse().children.count == 1)
    }

    @Test func attachedMessageIsReadAsAMessage() throws {
        let inner = "From: Mr John Smith <x@example.org>\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nNI AB123=\r\n456C\r\n"
        let m = Array(("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nhello\r\n"
            + "--b\r\nContent-Type: message/rfc822\r\n\r\n" + inner + "--b--\r\n").utf8)
        let spans = try EmailFormat().scan(m, path: "m.eml", in: env)
        #expect(spans.contains { $0.field == "header:From" && $0.locator == nil })
        #expect(spans.contains { $0.locator == "mime:2.1" && $0.span.category == .nino })
    }

    @Test func htmlIsReadThroughItsText() throws {
        let head = "Content-Type: text/html; charset=utf-8\r\n\r\n"
        let html = "<p class=\"x\">Dear Mr&nbsp;<b>John</b> Smith,</p><p>NI AB1<span>23456C</span> &amp; a &lt; b</p>"
        let m = Array((head + html).utf8)
        let doc = try EmailFormat().redact(m, path: "m.eml", in: env)
        #expect(doc.redactions.map(\.original.span.category) == [.personName, .nino])
        // Stored as-is: the finding covers its bytes in the file, markup between included.
        let name = try #require(doc.redactions.first)
        #expect(name.original.locator == nil)
        #expect(String(decoding: m[name.original.span.start..<name.original.span.end], as: UTF8.self) == "Mr&nbsp;<b>John</b> Smith")
        #expect(String(decoding: doc.bytes[name.outputStart..<name.outputEnd], as: UTF8.self) == "[PERSON NAME]")
        #expect(String(decoding: doc.bytes, as: UTF8.self)
            == head + "<p class=\"x\">Dear [PERSON NAME]<b></b>,</p><p>NI [NINO]<span></span> &amp; a &lt; b</p>")
        // Block tags separate words: two paragraphs do not make one name.
        let split = Array((head + "<p>Mr John</p><p>Smith</p>").utf8)
        #expect(try EmailFormat().scan(split, path: "m.eml", in: env).isEmpty)
        // Encoded HTML: offsets into the decoded source, the part re-encoded.
        let encoded = Array("Content-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n".utf8) + Base64.encode(Array(html.utf8))
        let redacted = try EmailFormat().redact(encoded, path: "m.eml", in: env)
        #expect(redacted.redactions.map(\.original.locator) == ["mime:1", "mime:1"])
        #expect(redacted.redactions.first?.original.span.start == 18)
        var p = MimeParser(redacted.bytes, limits: .default)
        let root = try p.parse()
        #expect(String(decoding: root.encoding.decode(redacted.bytes, root.body).bytes, as: UTF8.self)
            == "<p class=\"x\">Dear [PERSON NAME]<b></b>,</p><p>NI [NINO]<span></span> &amp; a &lt; b</p>")
    }

    @Test func singlePartBase64Message() throws {
        let m = Array("From: a@example.org\r\nContent-Transfer-Encoding: base64\r\n\r\n".utf8)
            + Base64.encode(Array("Patient 943 476 5919".utf8))
        let doc = try EmailFormat().redact(m, path: "m.eml", in: env)
        #expect(doc.redactions.map(\.original.locator) == ["mime:1"])
        var p = MimeParser(doc.bytes, limits: .default)
        let root = try p.parse()
        #expect(root.encoding.decode(doc.bytes, root.body).bytes == Array("Patient [NHS NUMBER]".utf8))
    }
}

@Suite struct TransferEncodingTests {
    @Test func quotedPrintableAndBase64RoundTrip() {
        var rng = SeededRandom(seed: 3)
        for _ in 0..<300 {
            let content = (0..<rng.below(400)).map { _ in
                rng.below(3) == 0 ? UInt8(truncatingIfNeeded: rng.next()) : Array("ab =\t\r\n.".utf8)[rng.below(8)]
            }
            // Quoted-printable carries line breaks as CRLF; compare with bare LFs made CRLF.
            var crlf: [UInt8] = []
            for (i, b) in content.enumerated() {
                if b == 0x0A && (i == 0 || content[i - 1] != 0x0D) { crlf.append(0x0D) }
                crlf.append(b)
            }
            let qp = QuotedPrintable.encode(content)
            #expect(QuotedPrintable.decode(qp, 0..<qp.count).bytes == crlf)
            #expect(!qp.split(separator: 0x0A).contains { $0.count > 77 }, "lines of at most 76 characters")
            let b64 = Base64.encode(content)
            #expect(Base64.decode(b64, 0..<b64.count).bytes == content)
        }
    }

    @Test func quotedPrintableMapsEscapesToTheirSource() {
        let raw = Array("a=3Db=\r\nc".utf8)
        let text = QuotedPrintable.decode(raw, 0..<raw.count)
        #expect(text.bytes == Array("a=bc".utf8))
        #expect(text.rawRange(1..<2) == 1..<4)
        #expect(text.rawRange(2..<4) == 4..<9)
    }

    @Test func windows1252AndLatin1() {
        let cp = Charset(name: "windows-1252")
        let raw: [UInt8] = [0x93, 0x41, 0xE9, 0x80]
        let utf8 = cp.toUTF8(XMLText.identity(raw, 0..<raw.count))
        #expect(String(decoding: utf8.bytes, as: UTF8.self) == "\u{201C}Aé€")
        #expect(utf8.rawRange(0..<3) == 0..<1)
        #expect(cp.fromUTF8(utf8.bytes) == raw)
        #expect(Charset(name: "ISO-8859-1").fromUTF8(Array("é█".utf8)) == [0xE9, UInt8(ascii: "#")])
    }

    @Test func encodedWordsDecodeAndReencode() {
        let raw = Array(" =?UTF-8?B?TXIgSm9obg==?= =?iso-8859-1?q?_Sm=EFth?= <a@b>".utf8)
        let v = HeaderValue(raw, 0..<raw.count)
        #expect(String(decoding: v.text, as: UTF8.self) == " Mr John Smïth <a@b>")
        let words = HeaderValue.encodeWords(Array(String(repeating: "é", count: 40).utf8))
        let again = HeaderValue(words, 0..<words.count)
        #expect(String(decoding: again.text, as: UTF8.self) == String(repeating: "é", count: 40))
        #expect(!words.split(separator: 0x20).contains { $0.count > 75 })
    }
}
