import Foundation
import RedactTestSupport
import Hummingbird
import HummingbirdTesting
import NIOCore
import RedactLog
import Testing
import ZIPFoundation
@testable import RedactServe

/// The review screen for DOCX, email and zip (findings by part, decided and redacted by the
/// format) and PDF (findings only), in-process.
@Suite struct UIReviewDocumentTests {
    typealias Browser = UIRouteTests.Browser
    static let w = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#

    static func zip(_ members: [(String, String)]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, text) in members {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                                 provider: { p, n in data.subdata(in: Int(p)..<Int(p) + n) })
        }
        return [UInt8](archive.data!)
    }

    static func unzip(_ bytes: [UInt8]) throws -> [(String, String)] {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        return try archive.map { e in
            var d = Data()
            _ = try archive.extract(e) { d.append($0) }
            return (e.path, String(decoding: d, as: UTF8.self))
        }
    }

    /// A Word document: an NHS number, a mobile number and an email address in three
    /// paragraphs, and the author's name in the document properties.
    static func docx() throws -> [UInt8] {
        func p(_ text: String) -> String { #"<w:p><w:r><w:t xml:space="preserve">\#(text)</w:t></w:r></w:p>"# }
        return try zip([
            ("[Content_Types].xml", #"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#),
            ("_rels/.rels", #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#),
            ("word/document.xml", #"<?xml version="1.0"?><w:document \#(w)><w:body>\#(p("NHS number 943 476 5919."))\#(p("Mobile 07700 900123."))\#(p("Email j.okafor@example.org today."))</w:body></w:document>"#),
            ("docProps/core.xml", #"<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Ayodele Okafor</dc:creator></cp:coreProperties>"#),
        ])
    }

    static func multipart(_ fields: [(String, String)], name: String, bytes: [UInt8]) -> (ByteBuffer, String) {
        let boundary = "----redacttest\(UUID().uuidString)"
        var body: [UInt8] = []
        for (k, v) in fields { body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n".utf8) }
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
        body += bytes
        body += Array("\r\n--\(boundary)--\r\n".utf8)
        return (ByteBuffer(bytes: body), "multipart/form-data; boundary=\(boundary)")
    }

    /// Opens a review of `bytes` as `name` and returns the screen's path.
    static func open(_ client: some TestClientProtocol, _ b: Browser, name: String, bytes: [UInt8]) async throws -> String {
        let (body, type) = multipart([("csrf_token", b.csrf), ("case", "01YE1234524"), ("recipient", "defence"), ("style", "label")],
                                     name: name, bytes: bytes)
        let r = try await client.execute(uri: "/review", method: .post, headers: [.cookie: b.cookie, .contentType: type], body: body)
        #expect(r.status == .seeOther, "\(r.text)")
        return String(try #require(r.headers[.location]).split(separator: "?")[0])
    }

    /// The number of the finding whose value cell shows `value`.
    static func itemID(_ value: String, in html: String) throws -> String {
        let r = try #require(html.range(of: "<code class=\"value\">\(value)</code>"))
        let row = try #require(html[..<r.lowerBound].range(of: "<tr id=\"item-", options: .backwards))
        return String(html[row.upperBound...].prefix { $0 != "\"" })
    }

    @Test func aDocxIsReviewedByPartAndRedactedAsDecided() async throws {
        let server = try TestServer()
        try await server.application().test(.router) { client in
            let b = try await UIRouteTests.signIn(client, server, "op-ne")
            let screen = try await Self.open(client, b, name: "statement.docx", bytes: try Self.docx())
            let page = try await client.execute(uri: screen, method: .get, headers: [.cookie: b.cookie])
            #expect(page.status == .ok)
            #expect(page.text.contains("Part <code>word/document.xml#p1</code>"))
            #expect(page.text.contains("Part <code>docProps/core.xml#creator</code>"))
            #expect(page.text.contains("Manual selections are not available"))
            #expect(page.text.contains("nhs_number.spaced"))
            #expect(page.text.contains("/review/") && page.text.contains("/finish"))
            let nhs = try Self.itemID("943 476 5919", in: page.text)
            let phone = try Self.itemID("07700 900123", in: page.text)
            _ = try Self.itemID("j.okafor@example.org", in: page.text)
            let form: HTTPFields = [.cookie: b.cookie, .contentType: "application/x-www-form-urlencoded"]
            func post(_ uri: String, _ fields: [(String, String)]) async throws -> TestResponse {
                try await client.execute(uri: uri, method: .post, headers: form, body: UIRouteTests.form([("csrf_token", b.csrf)] + fields))
            }
            #expect(try await post("\(screen)/items/\(phone)", [("action", "reject")]).status == .seeOther)
            #expect(try await post("\(screen)/items/\(nhs)", [("action", "keep"), ("justification", "required-for-case"),
                                                              ("reason", "The defence needs the patient record")]).status == .seeOther)
            // No manual selections for a DOCX.
            let manual = try await post("\(screen)/manual", [("match", "Mobile"), ("category", "person_name")])
            #expect(manual.status == .unprocessableContent && manual.text.contains("not available"))
            // Without the session's token nothing is decided.
            let forged = try await client.execute(uri: "\(screen)/items/\(phone)", method: .post, headers: form,
                                                  body: UIRouteTests.form([("csrf_token", "nope"), ("action", "accept")]))
            #expect(forged.status == .forbidden)
            #expect(try await post("\(screen)/finish", []).status == .seeOther)

            let copy = try await client.execute(uri: "\(screen)/download/redacted", method: .get, headers: [.cookie: b.cookie])
            #expect(copy.status == .ok)
            let members = try Self.unzip(Array(buffer: copy.body))
            #expect(members.count == 4)
            for (_, text) in members {
                #expect(!text.contains("j.okafor@example.org"))
                #expect(!text.contains("Ayodele Okafor"))
            }
            let document = try #require(members.first { $0.0 == "word/document.xml" }?.1)
            #expect(document.contains("943 476 5919"))   // kept
            #expect(document.contains("07700 900123"))   // rejected: not personal data
            #expect(document.contains("[EMAIL"))
            let manifest = try await client.execute(uri: "\(screen)/download/manifest", method: .get, headers: [.cookie: b.cookie])
            let m = try #require(try JSONSerialization.jsonObject(with: Data(manifest.text.utf8)) as? [String: Any])
            #expect(m["format"] as? String == "docx")
            let entries = try #require(m["redactions"] as? [[String: Any]])
            let kept = entries.filter { $0["style"] as? String == "keep" }
            #expect(kept.count == 1)
            #expect(kept.first?["justification"] as? String == "required-for-case")
            #expect(kept.first?["category"] as? String == "nhs_number")
            #expect((kept.first?["locator"] as? String)?.hasPrefix("word/document.xml#p") == true)
            // The rejected finding is not listed; every entry has its part.
            #expect(!entries.contains { $0["category"] as? String == "uk_phone" || ($0["rule"] as? String ?? "").hasPrefix("uk_phone") })
            #expect(entries.allSatisfy { $0["locator"] as? String != nil })
            #expect(entries.contains { $0["locator"] as? String == "docProps/core.xml#creator" && $0["style"] as? String == "label" })
            let schedule = try await client.execute(uri: "\(screen)/download/schedule", method: .get, headers: [.cookie: b.cookie])
            #expect(schedule.text.hasPrefix("item,line,column,byte_start,byte_end,category,justification,locator\n"))
            #expect(schedule.text.contains("docProps/core.xml#creator"))
            #expect(!schedule.text.contains("nhs_number"))
            // One disclosure, by op-ne, with the keep's reason, and no document text.
            let out = MemoryOutput()
            _ = try server.services.store.export(format: .jsonl, filter: ExportFilter(), to: out)
            #expect(out.text.contains("\"operator\":\"op-ne\""))
            #expect(out.text.contains(UIRouteTests.ne))
            #expect(out.text.contains("The defence needs the patient record"))
            for planted in ["943 476 5919", "j.okafor@example.org", "Ayodele Okafor"] { #expect(!out.text.contains(planted)) }
            #expect(try server.services.store.checkpoint().count == 1)
            // Finished: the page shows the downloads and no more forms; nobody else sees it.
            let done = try await client.execute(uri: screen, method: .get, headers: [.cookie: b.cookie])
            #expect(done.text.contains("/download/redacted") && !done.text.contains("/items/\(nhs)\""))
            let other = try await client.execute(uri: screen, method: .get, headers: server.headers("op-lon"))
            #expect(other.status == .notFound)
        }
    }

    @Test func anEmailWithABase64PartIsRedactedInThatPart() async throws {
        let server = try TestServer()
        try await server.application().test(.router) { client in
            let b = try await UIRouteTests.signIn(client, server, "op-ne")
            let encoded = Data("Witness statement.\nNHS number 943 476 5919.\n".utf8).base64EncodedString()
            let eml = "From: a@example.org\r\nTo: b@example.org\r\nSubject: statement\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"BOUND\"\r\n\r\n"
                + "--BOUND\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSee attached.\r\n"
                + "--BOUND\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n\(encoded)\r\n"
                + "--BOUND--\r\n"
            let screen = try await Self.open(client, b, name: "mail.eml", bytes: Array(eml.utf8))
            let page = try await client.execute(uri: screen, method: .get, headers: [.cookie: b.cookie])
            #expect(page.text.contains("Part <code>mime:"))
            #expect(page.text.contains("nhs_number"))
            let form: HTTPFields = [.cookie: b.cookie, .contentType: "application/x-www-form-urlencoded"]
            #expect(try await client.execute(uri: "\(screen)/finish", method: .post, headers: form,
                                             body: UIRouteTests.form([("csrf_token", b.csrf)])).status == .seeOther)
            let copy = try await client.execute(uri: "\(screen)/download/redacted", method: .get, headers: [.cookie: b.cookie])
            #expect(copy.status == .ok)
            #expect(!copy.text.contains(encoded))
            // The base64 part, decoded, holds the mark and not the number.
            let tail = try #require(copy.text.components(separatedBy: "Content-Transfer-Encoding: base64\r\n\r\n").last)
            let base64 = tail.components(separatedBy: "--BOUND").first!.filter { !$0.isWhitespace }
            let decoded = String(decoding: try #require(Data(base64Encoded: base64)), as: UTF8.self)
            #expect(decoded.contains("[NHS NUMBER]") && !decoded.contains("943 476 5919"))
            let manifest = try await client.execute(uri: "\(screen)/download/manifest", method: .get, headers: [.cookie: b.cookie])
            #expect(manifest.text.contains("\"locator\" : \"mime:"))
            #expect(try server.services.store.checkpoint().count == 1)
        }
    }

    @Test func aZipBundleOpensAndItsMembersAreRedacted() async throws {
        let server = try TestServer()
        try await server.application().test(.router) { client in
            let b = try await UIRouteTests.signIn(client, server, "op-ne")
            let zipped = try Self.zip([("case/notes.txt", "Call 07700 900123.\n")])
            let screen = try await Self.open(client, b, name: "bundle.zip", bytes: zipped)
            let page = try await client.execute(uri: screen, method: .get, headers: [.cookie: b.cookie])
            #expect(page.text.contains("Part <code>member:case/notes.txt"))
            let form: HTTPFields = [.cookie: b.cookie, .contentType: "application/x-www-form-urlencoded"]
            #expect(try await client.execute(uri: "\(screen)/finish", method: .post, headers: form,
                                             body: UIRouteTests.form([("csrf_token", b.csrf)])).status == .seeOther)
            let copy = try await client.execute(uri: "\(screen)/download/redacted", method: .get, headers: [.cookie: b.cookie])
            let members = try Self.unzip(Array(buffer: copy.body))
            #expect(members.count == 1 && !members[0].1.contains("07700 900123") && members[0].1.contains("[PHONE"))
        }
    }

    @Test func aPDFShowsItsFindingsAndCannotBeFinished() async throws {
        let server = try TestServer()
        try await server.application().test(.router) { client in
            let b = try await UIRouteTests.signIn(client, server, "op-ne")
            let screen = try await Self.open(client, b, name: "letter.pdf", bytes: makePDF(pages: ["NHS number 943 476 5919"]))
            let page = try await client.execute(uri: screen, method: .get, headers: [.cookie: b.cookie])
            #expect(page.status == .ok)
            #expect(page.text.contains("Part <code>page:1</code>"))
            #expect(page.text.contains("nhs_number"))
            #expect(page.text.contains("cannot be redacted here"))
            #expect(!page.text.contains("/finish\""))
            #expect(!page.text.contains("/items/"))
            let form: HTTPFields = [.cookie: b.cookie, .contentType: "application/x-www-form-urlencoded"]
            let finish = try await client.execute(uri: "\(screen)/finish", method: .post, headers: form, body: UIRouteTests.form([("csrf_token", b.csrf)]))
            #expect(finish.status == .unprocessableContent)
            let decide = try await client.execute(uri: "\(screen)/items/1", method: .post, headers: form,
                                                  body: UIRouteTests.form([("csrf_token", b.csrf), ("action", "reject")]))
            #expect(decide.status == .unprocessableContent)
            #expect(try server.services.store.checkpoint().count == 0)
        }
    }

    @Test func onlyOperatorsOpenADocumentReview() async throws {
        let server = try TestServer()
        try await server.application().test(.router) { client in
            let am = try await UIRouteTests.signIn(client, server, "am-ne")
            let (body, type) = Self.multipart([("csrf_token", am.csrf), ("case", "URN1"), ("recipient", "defence")],
                                              name: "statement.docx", bytes: try Self.docx())
            let r = try await client.execute(uri: "/review", method: .post, headers: [.cookie: am.cookie, .contentType: type], body: body)
            #expect(r.status == .forbidden)
            let op = try await UIRouteTests.signIn(client, server, "op-ne")
            let (noToken, type2) = Self.multipart([("case", "URN1"), ("recipient", "defence")], name: "statement.docx", bytes: try Self.docx())
            let r2 = try await client.execute(uri: "/review", method: .post, headers: [.cookie: op.cookie, .contentType: type2], body: noToken)
            #expect(r2.status == .forbidden)
        }
    }
}
