import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import RedactLog
import Testing
@testable import RedactServe

/// The browser screens in-process: sign-in, the 401/403 pages by role and area, CSRF on form
/// posts (URL-encoded and multipart), escaping, and the review flow end to end.
@Suite struct UIRouteTests {
    static let ne = TestServer.areas.0
    static let lon = TestServer.areas.1

    /// A signed-in browser: its cookie and the CSRF token its pages carry.
    struct Browser {
        var cookie: String
        var csrf: String
    }

    static func signIn(_ client: some TestClientProtocol, _ server: TestServer, _ label: String) async throws -> Browser {
        let (cookie, r) = try await SessionTests.signIn(client, token: server.tokens[label]!)
        #expect(r.status == .seeOther)
        let page = try await client.execute(uri: "/breaches", method: .get, headers: [.cookie: cookie])
        let csrf = try #require(field("csrf_token", in: page.text))
        return Browser(cookie: cookie, csrf: csrf)
    }

    /// The value of the first hidden input `name` in a page.
    static func field(_ name: String, in html: String) -> String? {
        guard let r = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(html[r.upperBound...].prefix { $0 != "\"" })
    }

    static func form(_ pairs: [(String, String)]) -> ByteBuffer {
        let allowed = CharacterSet.alphanumerics.union(.init(charactersIn: "-._~"))
        return ByteBuffer(string: pairs.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&"))
    }

    static func multipart(_ fields: [(String, String)], file: (name: String, bytes: String)?) -> (ByteBuffer, String) {
        let boundary = "----redacttest\(UUID().uuidString)"
        var body = ""
        for (k, v) in fields { body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n" }
        if let file {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: text/plain\r\n\r\n\(file.bytes)\r\n"
        }
        body += "--\(boundary)--\r\n"
        return (ByteBuffer(string: body), "multipart/form-data; boundary=\(boundary)")
    }

    @Test func withoutASessionPagesRedirectAndPostsAre401() async throws {
        let server = try TestServer()
        try await server.application().test(.router) { client in
            for uri in ["/review", "/dashboard", "/breaches", "/review/abc"] {
                let r = try await client.execute(uri: uri, method: .get)
                #expect(r.status == .seeOther, "\(uri)")
                #expect(r.headers[.location]?.hasPrefix("/signin?next=") == true, "\(uri)")
            }
            for uri in ["/review", "/breaches", "/review/abc/finish"] {
                let r = try await client.execute(uri: uri, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                 body: ByteBuffer(string: "a=b"))
                #expect(r.status == .unauthorized, "\(uri)")
                #expect(r.headers[.contentType]?.hasPrefix("text/html") == true)
                #expect(r.text.contains("Sign in"))
            }
            let signIn = try await client.execute(uri: "/signin?failed=1&next=/review", method: .get)
            #expect(signIn.status == .ok && signIn.text.contains("not accepted") && signIn.text.contains("value=\"/review\""))
            let offsite = try await client.execute(uri: "/signin?next=//evil.example", method: .get)
            #expect(!offsite.text.contains("evil.example"))
            for (uri, type) in [("/static/app.css", "text/css"), ("/static/pack.css", "text/css"), ("/static/review.js", "text/javascript")] {
                let r = try await client.execute(uri: uri, method: .get)
                #expect(r.status == .ok && r.headers[.contentType]?.hasPrefix(type) == true, "\(uri)")
                #expect(r.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
            }
        }
    }

    @Test func rolesAndAreasByPage() async throws {
        let server = try TestServer()
        let breach = BreachRecord(stage: .nearMiss, type: "failure-to-redact", area: Self.ne, becameAwareAt: Date(), recordedBy: "am-ne")
        try server.services.store.recordBreach(breach)
        let breachURI = "/breaches/\(breach.id.uuidString.lowercased())"
        let cases: [(String, [String: HTTPResponse.Status])] = [
            ("/review", ["op-ne": .ok, "am-ne": .forbidden, "nat": .forbidden]),
            ("/dashboard?period=2026-Q1", ["op-ne": .forbidden, "am-ne": .ok, "am-lon": .ok, "nat": .ok]),
            ("/dashboard?area=\(Self.ne)&period=2026-04", ["op-ne": .forbidden, "am-ne": .ok, "am-lon": .forbidden, "nat": .ok]),
            ("/dashboard?area=national&period=2026-04", ["am-ne": .forbidden, "nat": .ok]),
            ("/dashboard?area=\(Self.ne)&period=2026-Q9", ["am-ne": .unprocessableContent]),
            ("/breaches", ["op-ne": .ok, "am-ne": .ok, "nat": .ok]),
            (breachURI, ["op-ne": .ok, "op-lon": .forbidden, "am-ne": .ok, "am-lon": .forbidden, "nat": .ok]),
            ("/review/0123456789abcdef0123456789abcdef", ["op-ne": .notFound]),
        ]
        try await server.application().test(.router) { client in
            for (uri, expected) in cases {
                for (label, status) in expected.sorted(by: { $0.key < $1.key }) {
                    let r = try await client.execute(uri: uri, method: .get, headers: server.headers(label))
                    #expect(r.status == status, "\(uri) as \(label)")
                    #expect(r.headers[.contentType]?.hasPrefix("text/html") == true, "\(uri) as \(label)")
                    if status == .forbidden { #expect(r.text.contains("Not allowed")) }
                }
            }
            // The national register lists the NE breach; London's does not.
            let lon = try await client.execute(uri: "/breaches", method: .get, headers: server.headers("am-lon"))
            #expect(!lon.text.contains(breachURI))
            let nat = try await client.execute(uri: "/breaches", method: .get, headers: server.headers("nat"))
            #expect(nat.text.contains(breachURI))
        }
    }

    @Test func formPostsNeedTheSessionsCSRFToken() async throws {
        let server = try TestServer()
        try await server.application().test(.router) { client in
            let b = try await Self.signIn(client, server, "am-ne")
            let fields: [(String, String)] = [("stage", "near-miss"), ("type", "failure-to-redact"), ("became_aware", "2026-04-02T09:30")]
            let headers: HTTPFields = [.cookie: b.cookie, .contentType: "application/x-www-form-urlencoded"]
            let without = try await client.execute(uri: "/breaches", method: .post, headers: headers, body: Self.form(fields))
            #expect(without.status == .forbidden)
            let wrong = try await client.execute(uri: "/breaches", method: .post, headers: headers,
                                                 body: Self.form(fields + [("csrf_token", "wrong")]))
            #expect(wrong.status == .forbidden)
            #expect(wrong.headers[.contentType] == "application/problem+json")
            // A browser (Accept: text/html) gets the same 403 as a page.
            var browser = headers
            browser[.accept] = "text/html,application/xhtml+xml"
            let page403 = try await client.execute(uri: "/breaches", method: .post, headers: browser, body: Self.form(fields))
            #expect(page403.status == .forbidden)
            #expect(page403.headers[.contentType]?.hasPrefix("text/html") == true && page403.text.contains("security token"))
            let right = try await client.execute(uri: "/breaches", method: .post, headers: headers,
                                                 body: Self.form(fields + [("csrf_token", b.csrf), ("facts", "Sent to the wrong address")]))
            #expect(right.status == .seeOther)
            let location = try #require(right.headers[.location])
            #expect(location.hasPrefix("/breaches/"))
            let page = try await client.execute(uri: String(location.split(separator: "?")[0]), method: .get, headers: [.cookie: b.cookie])
            #expect(page.status == .ok && page.text.contains("Near miss"))
            // An update, then two versions.
            let update = try await client.execute(uri: String(location.split(separator: "?")[0]), method: .post, headers: headers,
                                                  body: Self.form([("csrf_token", b.csrf), ("status", "closed"), ("ico_reportable", "no"),
                                                                   ("decision_reason", "Contained the same day")]))
            #expect(update.status == .seeOther)
            let after = try await client.execute(uri: String(location.split(separator: "?")[0]), method: .get, headers: [.cookie: b.cookie])
            #expect(after.text.contains("Version 2"))
            // Sign-out is a form post too.
            let out = try await client.execute(uri: "/signout", method: .post, headers: headers, body: Self.form([("csrf_token", b.csrf)]))
            #expect(out.status == .seeOther)
        }
    }

    @Test func aMultipartUploadNeedsTheCSRFTokenToo() async throws {
        let server = try TestServer()
        try await server.application().test(.router) { client in
            let b = try await Self.signIn(client, server, "op-ne")
            let (noToken, type) = Self.multipart([("case", "URN1"), ("recipient", "defence")], file: ("a.txt", Sample.text))
            let r1 = try await client.execute(uri: "/review", method: .post, headers: [.cookie: b.cookie, .contentType: type], body: noToken)
            #expect(r1.status == .forbidden)
            let (wrong, type2) = Self.multipart([("csrf_token", "nope"), ("case", "URN1"), ("recipient", "defence")], file: ("a.txt", Sample.text))
            let r2 = try await client.execute(uri: "/review", method: .post, headers: [.cookie: b.cookie, .contentType: type2], body: wrong)
            #expect(r2.status == .forbidden)
        }
    }

    @Test func textAndDocumentFormatsOpenAndOtherBinaryIsRefused() async throws {
        let server = try TestServer()
        try await server.application().test(.router) { client in
            let b = try await Self.signIn(client, server, "op-ne")
            let csv = "name,nhs\nA,943 476 5919\n"
            let (ok, t1) = Self.multipart([("csrf_token", b.csrf), ("case", "URN1"), ("recipient", "defence")], file: ("list.csv", csv))
            let r1 = try await client.execute(uri: "/review", method: .post, headers: [.cookie: b.cookie, .contentType: t1], body: ok)
            #expect(r1.status == .seeOther)
            let eml = "From: a@example.org\r\nTo: b@example.org\r\nSubject: x\r\nMIME-Version: 1.0\r\n\r\nNHS 943 476 5919\r\n"
            let (no, t2) = Self.multipart([("csrf_token", b.csrf), ("case", "URN1"), ("recipient", "defence")], file: ("mail.eml", eml))
            let r2 = try await client.execute(uri: "/review", method: .post, headers: [.cookie: b.cookie, .contentType: t2], body: no)
            #expect(r2.status == .seeOther)
            let (bin, t3) = Self.multipart([("csrf_token", b.csrf), ("case", "URN1"), ("recipient", "defence")],
                                           file: ("photo.bin", "NHS 943 476 5919\u{0}\u{1}"))
            let r3 = try await client.execute(uri: "/review", method: .post, headers: [.cookie: b.cookie, .contentType: t3], body: bin)
            #expect(r3.status == .unprocessableContent)
            #expect(r3.text.contains("binary") && !r3.text.contains("943 476 5919"))
        }
    }

    @Test func aKeepDecisionIsLoggedWithItsReason() async throws {
        let server = try TestServer()
        try await server.application().test(.router) { client in
            let b = try await Self.signIn(client, server, "op-ne")
            let (body, type) = Self.multipart([("csrf_token", b.csrf), ("case", "URN1"), ("recipient", "defence")],
                                              file: ("s.txt", "Call 07700 900123 today.\n"))
            let open = try await client.execute(uri: "/review", method: .post, headers: [.cookie: b.cookie, .contentType: type], body: body)
            let screen = String(try #require(open.headers[.location]).split(separator: "?")[0])
            let form: HTTPFields = [.cookie: b.cookie, .contentType: "application/x-www-form-urlencoded"]
            let keep = try await client.execute(uri: "\(screen)/items/1", method: .post, headers: form,
                                                body: Self.form([("csrf_token", b.csrf), ("action", "keep"), ("justification", "required-for-case"),
                                                                 ("reason", "The defence must call this witness")]))
            #expect(keep.status == .seeOther)
            // A redact code is not a keep decision.
            let wrongCode = try await client.execute(uri: "\(screen)/items/1", method: .post, headers: form,
                                                     body: Self.form([("csrf_token", b.csrf), ("action", "keep"), ("justification", "privacy"),
                                                                      ("reason", "x")]))
            #expect(wrongCode.status == .unprocessableContent)
            #expect(try await client.execute(uri: "\(screen)/finish", method: .post, headers: form,
                                             body: Self.form([("csrf_token", b.csrf)])).status == .seeOther)
            let copy = try await client.execute(uri: "\(screen)/download/redacted", method: .get, headers: [.cookie: b.cookie])
            #expect(copy.text == "Call 07700 900123 today.\n")
            let manifest = try await client.execute(uri: "\(screen)/download/manifest", method: .get, headers: [.cookie: b.cookie])
            #expect(manifest.text.contains("\"keep\""))
            let out = MemoryOutput()
            _ = try server.services.store.export(format: .jsonl, filter: ExportFilter(), to: out)
            #expect(out.text.contains("The defence must call this witness"))
            #expect(out.text.contains("required-for-case"))
        }
    }

    @Test func aPlantedScriptNeverRendersAsMarkup() async throws {
        let server = try TestServer()
        try await server.application().test(.router) { client in
            let b = try await Self.signIn(client, server, "op-ne")
            let text = "<script>alert('text')</script>\n" + Sample.text
            let (body, type) = Self.multipart([("csrf_token", b.csrf), ("case", "URN1"), ("recipient", "defence")],
                                              file: ("<img src=x onerror=alert('name')>.txt", text))
            let open = try await client.execute(uri: "/review", method: .post, headers: [.cookie: b.cookie, .contentType: type], body: body)
            #expect(open.status == .seeOther)
            let page = try await client.execute(uri: open.headers[.location]!, method: .get, headers: [.cookie: b.cookie])
            #expect(page.status == .ok)
            #expect(!page.text.contains("<script>alert"))
            #expect(!page.text.contains("<img"))
            #expect(page.text.contains("&lt;img src=x onerror=alert(&#39;name&#39;)&gt;.txt"))
            #expect(page.text.contains("&lt;script&gt;alert(&#39;text&#39;)&lt;/script&gt;"))
            // No personal data in the server's own error answers either: a wrong review id is a fixed page.
            let missing = try await client.execute(uri: "/review/nope", method: .get, headers: [.cookie: b.cookie])
            #expect(missing.status == .notFound && !missing.text.contains("nope"))
        }
    }

    @Test func theReviewFlowEndToEnd() async throws {
        let server = try TestServer()
        try await server.application().test(.router) { client in
            let b = try await Self.signIn(client, server, "op-ne")
            let text = "Statement of Zoë Ünal 😀.\nNHS number 943 476 5919. Mobile 07700 900123.\nCafé owner Łukasz Brzęczyszczykiewicz saw it.\n"
            let (body, type) = Self.multipart([("csrf_token", b.csrf), ("case", "01YE1234524"), ("recipient", "defence"), ("style", "label"),
                                               ("parties", "Zoë Ünal\twitness")], file: ("mg11.txt", text))
            let open = try await client.execute(uri: "/review", method: .post, headers: [.cookie: b.cookie, .contentType: type], body: body)
            #expect(open.status == .seeOther)
            let screen = String(try #require(open.headers[.location]).split(separator: "?")[0])
            let page = try await client.execute(uri: screen, method: .get, headers: [.cookie: b.cookie])
            #expect(page.text.contains("data-label=\"NHS number\">943 476 5919</mark>"))
            #expect(page.text.contains("<script src=\"/static/review.js\" defer></script>"))
            func itemID(_ marked: String) throws -> String {
                let r = try #require(page.text.range(of: "\">\(marked)</mark>"))
                let before = page.text[..<r.lowerBound]
                let idStart = try #require(before.range(of: "<mark id=\"m-", options: .backwards))
                return String(page.text[idStart.upperBound...].prefix { $0 != "\"" })
            }
            let phone = try itemID("07700 900123")
            let nhs = try itemID("943 476 5919")
            let form: HTTPFields = [.cookie: b.cookie, .contentType: "application/x-www-form-urlencoded"]
            func post(_ uri: String, _ fields: [(String, String)]) async throws -> TestResponse {
                try await client.execute(uri: uri, method: .post, headers: form, body: Self.form([("csrf_token", b.csrf)] + fields))
            }
            #expect(try await post("\(screen)/items/\(phone)", [("action", "reject")]).status == .seeOther)
            #expect(try await post("\(screen)/items/\(nhs)", [("action", "accept"), ("justification", "medical")]).status == .seeOther)
            // A keep without a reason is refused, with the page and the fixed message.
            let noReason = try await post("\(screen)/items/\(nhs)", [("action", "keep"), ("justification", "consent"), ("reason", "")])
            #expect(noReason.status == .unprocessableContent && noReason.text.contains("needs a reason"))
            // A manual selection as review.js sends it: the last plain segment starts right after
            // the phone number (rejected, but still drawn as a mark); each end is that segment's
            // first byte and a UTF-16 offset into its text.
            let afterPhone = Array(text.utf8).count - Array(".\nCafé owner Łukasz Brzęczyszczykiewicz saw it.\n".utf8).count
            let so = ".\nCafé owner ".utf16.count
            let eo = so + "Łukasz Brzęczyszczykiewicz".utf16.count
            let manual = try await post("\(screen)/manual", [("sb", "\(afterPhone)"), ("so", "\(so)"), ("eb", "\(afterPhone)"), ("eo", "\(eo)"),
                                                              ("category", "person_name"), ("justification", "third-party-data")])
            #expect(manual.status == .seeOther)
            let keyboard = try await post("\(screen)/manual", [("match", "Statement"), ("category", "person_name")])
            #expect(keyboard.status == .seeOther)
            // Nothing to download before finishing.
            let early = try await client.execute(uri: "\(screen)/download/redacted", method: .get, headers: [.cookie: b.cookie])
            #expect(early.status == .notFound)
            let finish = try await post("\(screen)/finish", [])
            #expect(finish.status == .seeOther)
            let copy = try await client.execute(uri: "\(screen)/download/redacted", method: .get, headers: [.cookie: b.cookie])
            #expect(copy.status == .ok)
            #expect(copy.headers[.contentDisposition] == "attachment; filename=\"mg11.txt\"")
            #expect(copy.text == "[PERSON NAME] of [PERSON NAME] 😀.\nNHS number [NHS NUMBER]. Mobile 07700 900123.\nCafé owner [PERSON NAME] saw it.\n")
            let manifest = try await client.execute(uri: "\(screen)/download/manifest", method: .get, headers: [.cookie: b.cookie])
            #expect(manifest.text.contains("\"manual\""))
            let schedule = try await client.execute(uri: "\(screen)/download/schedule", method: .get, headers: [.cookie: b.cookie])
            #expect(schedule.text.hasPrefix("item,line,column,byte_start,byte_end,category,justification\n"))
            #expect(schedule.text.contains(",nhs_number,medical\n"))
            // The log holds one disclosure by op-ne in NE, and never the text.
            let out = MemoryOutput()
            _ = try server.services.store.export(format: .jsonl, filter: ExportFilter(), to: out)
            #expect(out.text.contains("\"operator\":\"op-ne\""))
            #expect(out.text.contains(Self.ne))
            for planted in ["943 476 5919", "Łukasz", "Zoë"] { #expect(!out.text.contains(planted)) }
            #expect(try server.services.store.checkpoint().count == 1)
            // Finished is final; another operator cannot see it.
            let again = try await post("\(screen)/items/\(nhs)", [("action", "reject")])
            #expect(again.status == .unprocessableContent)
            let other = try await client.execute(uri: screen, method: .get, headers: server.headers("op-lon"))
            #expect(other.status == .notFound)
        }
    }
}
