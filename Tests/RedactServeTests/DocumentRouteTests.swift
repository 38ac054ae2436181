import Foundation
import GRDB
@testable import RedactLog
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ZIPFoundation
@testable import RedactServe

@Suite struct DocumentRouteTests {
    @Test func scanAnswersTheFindingsContractWithByteOffsets() async throws {
        let server = try TestServer()
        // A multi-byte prefix: offsets must be UTF-8 bytes, not characters or UTF-16 units.
        let text = "Café — été. " + Sample.text
        try await server.application().test(.router) { client in
            let r = try await client.execute(uri: "/v1/scan?filename=mg11.txt&names=Ayodele%20Okafor", method: .post,
                                             headers: server.headers("op-ne", contentType: "text/plain; charset=utf-8"),
                                             body: ByteBuffer(string: text))
            #expect(r.status == .ok, "\(r.text)")
            let findings = r.json["findings"] as? [[String: Any]] ?? []
            let bytes = Array(text.utf8)
            var found: [String] = []
            for f in findings {
                let start = f["start"] as! Int, end = f["end"] as! Int
                #expect(f["path"] as? String == "mg11.txt")
                #expect(f["category"] is String && f["rule"] is String)
                found.append(String(decoding: bytes[start..<end], as: UTF8.self))
            }
            for value in ["943 476 5919", "07700 900123", "j.okafor@example.org", "SW1A 1AA"] {
                #expect(found.contains(value), "\(value) in \(found)")
            }
            #expect(found.contains { $0.contains("Okafor") })
            #expect(r.json["bytes"] as? Int == bytes.count)
            // The matched text is never in the answer.
            for value in Sample.planted { #expect(!r.text.contains(value)) }
        }
    }

    @Test func checkSaysCleanOrNotWithCounts() async throws {
        let server = try TestServer()
        try await server.application().test(.router) { client in
            let dirty = try await client.execute(uri: "/v1/check", method: .post, headers: server.headers("am-ne", contentType: "text/plain"),
                                                 body: ByteBuffer(string: Sample.text))
            #expect(dirty.json["clean"] as? Bool == false)
            #expect((dirty.json["findings"] as? Int ?? 0) >= 4)
            #expect((dirty.json["by_category"] as? [String: Int])?["nhs_number"] == 1)
            let clean = try await client.execute(uri: "/v1/check", method: .post, headers: server.headers("am-ne", contentType: "text/plain"),
                                                 body: ByteBuffer(string: "Nothing personal here.\n"))
            #expect(clean.json["clean"] as? Bool == true)
            #expect(clean.json["findings"] as? Int == 0)
        }
    }

    @Test func checkWithASourceLogsAnIncomingFailureInTheTokensArea() async throws {
        let server = try TestServer()
        try await server.application().test(.router) { client in
            let r = try await client.execute(uri: "/v1/check?source=avon-and-somerset-police&case=URN9", method: .post,
                                             headers: server.headers("op-ne", contentType: "text/plain"), body: ByteBuffer(string: Sample.text))
            #expect(r.status == .ok, "\(r.text)")
            #expect(r.json["logged_entry"] is String)
            let breaches = try server.services.store.breaches(.init())
            #expect(breaches.count == 1)
            #expect(breaches.first?.area == TestServer.areas.0)
            #expect(breaches.first?.recordedBy == "op-ne")
        }
    }

    @Test func redactAnswersTheCopyAndManifestAndLogsTheDisclosure() async throws {
        let server = try TestServer()
        try await server.application().test(.router) { client in
            let r = try await client.execute(uri: "/v1/redact?recipient=defence&case=URN1&filename=mg11.txt&style=label", method: .post,
                                             headers: server.headers("op-lon", contentType: "text/plain"), body: ByteBuffer(string: Sample.text))
            #expect(r.status == .ok, "\(r.text)")
            let copy = String(decoding: Data(base64Encoded: r.json["document"] as? String ?? "") ?? Data(), as: UTF8.self)
            #expect(copy.contains("WITNESS STATEMENT"))
            for value in ["943 476 5919", "07700 900123", "j.okafor@example.org", "SW1A 1AA"] { #expect(!copy.contains(value), "\(value)") }
            let manifest = r.json["manifest"] as? [String: Any] ?? [:]
            #expect(manifest["source"] as? String == "mg11.txt")
            #expect((manifest["redactions"] as? [Any])?.isEmpty == false)
            #expect(r.json["held"] as? Bool == false)
            let entry = try #require(r.json["log_entry"] as? String)
            // The disclosure is in the log with the token's name and area, and the chain verifies.
            let row = try (server.services.store as! SQLiteLogStore).writer.read { db in
                try Row.fetchOne(db, sql: """
                    SELECT e.area, d.operator, d.recipient, d.case_ref FROM entry e JOIN disclosure d ON d.seq = e.seq WHERE e.entry_id = ?
                    """, arguments: [entry])
            }
            #expect(row?["area"] as String? == TestServer.areas.1)
            #expect(row?["operator"] as String? == "op-lon")
            #expect(row?["recipient"] as String? == "defence")
            #expect(try server.services.store.verify(against: nil).isValid)
        }
    }

    @Test func redactNeedsARecipientAndACase() async throws {
        let server = try TestServer()
        try await server.application().test(.router) { client in
            for uri in ["/v1/redact?case=URN1", "/v1/redact?recipient=defence", "/v1/redact?recipient=nobody&case=U",
                        "/v1/redact?recipient=defence&case=U&style=pseudonym"] {
                let r = try await client.execute(uri: uri, method: .post, headers: server.headers("op-ne", contentType: "text/plain"),
                                                 body: ByteBuffer(string: Sample.text))
                #expect(r.status == .unprocessableContent, "\(uri)")
                #expect(r.headers[.contentType] == "application/problem+json")
            }
        }
    }

    @Test func bodiesOverTheLimitAre413StreamedOrDeclared() async throws {
        let server = try TestServer(maxBodyBytes: 1000)
        let big = String(repeating: "a line of plain text\n", count: 200)
        try await server.application().test(.router) { client in
            var declared = server.headers("op-ne", contentType: "text/plain")
            declared[.contentLength] = String(big.utf8.count)
            for headers in [declared, server.headers("op-ne", contentType: "text/plain")] {
                let r = try await client.execute(uri: "/v1/scan", method: .post, headers: headers, body: ByteBuffer(string: big))
                #expect(r.status == .contentTooLarge)
                #expect(r.json["code"] as? String == "body-too-large")
            }
            let small = try await client.execute(uri: "/v1/scan", method: .post, headers: server.headers("op-ne", contentType: "text/plain"),
                                                 body: ByteBuffer(string: "short"))
            #expect(small.status == .ok)
        }
        // Nothing is left behind in the work folder.
        let left = try FileManager.default.contentsOfDirectory(atPath: server.folder.path).filter { $0.hasPrefix("redact-serve-") }
        #expect(left.isEmpty)
    }

    @Test func unknownFormatsAndBinaryTextAre415() async throws {
        let server = try TestServer()
        try await server.application().test(.router) { client in
            let cases: [(String, String?, ByteBuffer)] = [
                ("/v1/scan", "application/octet-stream", ByteBuffer(string: "??")),
                ("/v1/scan?filename=statement.xyz", "text/plain", ByteBuffer(string: "plain")),
                ("/v1/scan", "text/plain", ByteBuffer(bytes: [0x41, 0x00, 0x42, 0x0A])),
                ("/v1/scan", "application/x-www-form-urlencoded", ByteBuffer(string: "a=b")),
            ]
            for (uri, type, body) in cases {
                let r = try await client.execute(uri: uri, method: .post, headers: server.headers("op-ne", contentType: type), body: body)
                #expect(r.status == .unsupportedMediaType, "\(uri) \(type ?? "")")
                #expect(r.json["code"] as? String == "unsupported-format")
            }
            // A filename with a text extension decides, whatever the content type.
            let r = try await client.execute(uri: "/v1/scan?filename=notes.txt", method: .post,
                                             headers: server.headers("op-ne", contentType: "application/octet-stream"),
                                             body: ByteBuffer(string: "plain"))
            #expect(r.status == .ok)
        }
    }
}

/// Bodies the format registry reads (issue 7): CSV, JSON, zip; a corrupt one is a 422.
@Suite struct DocumentFormatRouteTests {
    static let csv = "name,nhs_number,phone\nAyodele Okafor,943 476 5919,07700 900123\n"

    static func zip(_ members: [(String, String)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, text) in members {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                                 provider: { p, n in data.subdata(in: Int(p)..<Int(p) + n) })
        }
        return archive.data!
    }

    @Test func csvAndJSONAreScannedByTheirFormat() async throws {
        let server = try TestServer()
        try await server.application().test(.router) { client in
            let r = try await client.execute(uri: "/v1/scan", method: .post, headers: server.headers("op-ne", contentType: "text/csv"),
                                             body: ByteBuffer(string: Self.csv))
            #expect(r.status == .ok, "\(r.text)")
            #expect(r.json["format"] as? String == "csv")
            let bytes = Array(Self.csv.utf8)
            let found = (r.json["findings"] as? [[String: Any]] ?? []).map { String(decoding: bytes[($0["start"] as! Int)..<($0["end"] as! Int)], as: UTF8.self) }
            #expect(found.contains("943 476 5919") && found.contains("07700 900123"), "\(found)")
            let json = "{\"contact\": {\"email\": \"j.okafor@example.org\"}}\n"
            let j = try await client.execute(uri: "/v1/check?filename=record.json", method: .post, headers: server.headers("op-ne"),
                                             body: ByteBuffer(string: json))
            #expect(j.json["format"] as? String == "json")
            #expect((j.json["by_category"] as? [String: Int])?["email_address"] == 1)
        }
    }

    @Test func aCSVIsRedactedAsCSVAndAZipMemberByItsLocator() async throws {
        let server = try TestServer()
        try await server.application().test(.router) { client in
            let r = try await client.execute(uri: "/v1/redact?recipient=defence&case=URN4&filename=people.csv", method: .post,
                                             headers: server.headers("op-ne"), body: ByteBuffer(string: Self.csv))
            #expect(r.status == .ok, "\(r.text)")
            #expect(r.json["content_type"] as? String == "text/csv")
            let copy = String(decoding: Data(base64Encoded: r.json["document"] as? String ?? "") ?? Data(), as: UTF8.self)
            #expect(copy.hasPrefix("name,nhs_number,phone\n"))
            #expect(!copy.contains("943 476 5919") && !copy.contains("07700 900123"))

            let zip = try Self.zip([("bundle/mg11.txt", Sample.text)])
            let z = try await client.execute(uri: "/v1/scan?filename=bundle.zip", method: .post, headers: server.headers("op-ne"),
                                             body: ByteBuffer(bytes: zip))
            #expect(z.status == .ok, "\(z.text)")
            let findings = z.json["findings"] as? [[String: Any]] ?? []
            #expect(findings.contains { ($0["locator"] as? String)?.contains("mg11.txt") == true })
            let corrupt = try await client.execute(uri: "/v1/scan?filename=broken.zip", method: .post, headers: server.headers("op-ne"),
                                                   body: ByteBuffer(bytes: Array("PK\u{03}\u{04}not really a zip".utf8)))
            #expect(corrupt.status == .unprocessableContent, "\(corrupt.text)")
            #expect(!corrupt.text.contains("broken.zip"))
        }
    }
}

@Suite struct KeepDecisionRouteTests {
    @Test func aKeptCategoryStaysInTheCopyAndIsLoggedAsKept() async throws {
        let server = try TestServer()
        try await server.application().test(.router) { client in
            let r = try await client.execute(uri: "/v1/redact?recipient=defence&case=URN2&keep=phone_number&reason=needed%20for%20the%20case",
                                             method: .post, headers: server.headers("op-ne", contentType: "text/plain"),
                                             body: ByteBuffer(string: Sample.text))
            #expect(r.status == .ok, "\(r.text)")
            let copy = String(decoding: Data(base64Encoded: r.json["document"] as? String ?? "") ?? Data(), as: UTF8.self)
            #expect(copy.contains("07700 900123"))
            #expect(!copy.contains("943 476 5919"))
            let redactions = (r.json["manifest"] as? [String: Any])?["redactions"] as? [[String: Any]] ?? []
            #expect(redactions.contains { $0["category"] as? String == "phone_number" && $0["style"] as? String == "keep" })
        }
    }

    @Test func keepNeedsAReasonAndAKnownTarget() async throws {
        let server = try TestServer()
        try await server.application().test(.router) { client in
            for uri in ["/v1/redact?recipient=defence&case=U&keep=phone_number", "/v1/redact?recipient=defence&case=U&reason=x",
                        "/v1/redact?recipient=defence&case=U&keep=no_such_thing&reason=x",
                        "/v1/redact?recipient=defence&case=U&keep=phone_number&reason=x&keep_justification=medical"] {
                let r = try await client.execute(uri: uri, method: .post, headers: server.headers("op-ne", contentType: "text/plain"),
                                                 body: ByteBuffer(string: Sample.text))
                #expect(r.status == .unprocessableContent, "\(uri): \(r.text)")
            }
        }
    }
}

@Suite struct ConfigurationTests {
    func write(_ text: String) throws -> (TempFolder, String) {
        let folder = TempFolder()
        let path = (folder.path as NSString).appendingPathComponent("serve.json")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (folder, path)
    }

    @Test func readsEveryKey() throws {
        let (folder, path) = try write("""
            {"host": "0.0.0.0", "port": 9000, "log": "/tmp/x.sqlite", "max_body_bytes": 1000, "max_form_bytes": 2048,
             "default_style": "block", "default_profile": "defence", "patterns": ["p"], "profiles": ["q"], "reference": "r",
             "value_hmac_key": "k", "work_dir": "/tmp", "session_hours": 2, "secure_cookies": true, "tls": {"enabled": false}}
            """)
        _ = folder
        let c = try ServeConfiguration.load(path: path)
        #expect(c.host == "0.0.0.0" && c.port == 9000 && c.logPath == "/tmp/x.sqlite")
        #expect(c.maxBodyBytes == 1000 && c.maxFormBytes == 2048 && c.defaultStyle == "block" && c.defaultProfile == "defence")
        #expect(c.patternDirectories == ["p"] && c.profileDirectories == ["q"] && c.referenceDirectory == "r")
        #expect(c.valueHMACKeyFile == "k" && c.workDirectory == "/tmp" && c.sessionHours == 2 && c.secureCookies)
    }

    @Test(arguments: [
        "{\"prot\": 1}", "{\"port\": \"80\"}", "{\"port\": 70000}", "{\"max_body_bytes\": 0}", "{\"default_style\": \"pseudonym\"}",
        "{\"tls\": {\"enabled\": true}}", "[1]", "not json",
    ])
    func refusesBadFiles(_ text: String) throws {
        let (folder, path) = try write(text)
        _ = folder
        #expect(throws: ServeConfiguration.Failure.self) { try ServeConfiguration.load(path: path) }
    }
}

@Suite struct OffenceProfileTests {
    static let text = Sample.text + "\nPREVIOUS CONVICTIONS: see attached. He received a conditional caution in 2019.\n"

    @Test func aProfileThatRunsTheOffencePackHoldsTheCopyAndLogsTheHold() async throws {
        let server = try TestServer()
        try await server.application().test(.router) { client in
            let scan = try await client.execute(uri: "/v1/scan?recipient=charity", method: .post,
                                                headers: server.headers("op-ne", contentType: "text/plain"), body: ByteBuffer(string: Self.text))
            #expect(scan.status == .ok, "\(scan.text)")
            #expect((scan.json["by_category"] as? [String: Int])?["offence_information"] ?? 0 >= 1)
            #expect(scan.json["profile"] as? String == "charity")
            let r = try await client.execute(uri: "/v1/redact?recipient=charity&case=URN3&basis=consent", method: .post,
                                             headers: server.headers("op-ne", contentType: "text/plain"), body: ByteBuffer(string: Self.text))
            #expect(r.status == .ok, "\(r.text)")
            #expect(r.json["held"] as? Bool == true)
            #expect(r.json["document"] as? String == "")
            #expect(r.json["log_entry"] is String)
            // Without offence information the same profile releases the copy.
            let clean = try await client.execute(uri: "/v1/redact?recipient=charity&case=URN3&basis=consent", method: .post,
                                                 headers: server.headers("op-ne", contentType: "text/plain"), body: ByteBuffer(string: Sample.text))
            #expect(clean.json["held"] as? Bool == false)
            #expect((clean.json["document"] as? String)?.isEmpty == false)
        }
    }
}
