import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `redact token` and one live `redact serve` over loopback: a real process on a free port, real
/// HTTP requests, then SIGTERM and a clean exit.
@Suite(.serialized) struct ServeCLITests {
    @Test func tokenCreatePrintsTheTokenLastAndListNeverShowsIt() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("log.sqlite").path
        let created = try CLI.run(["token", "create", "--role", "area-manager", "--area", "cps-wessex", "--name", "wessex-am", "--log", log])
        #expect(created.status == 0, "\(created.stderr)")
        let token = try #require(created.stdout.split(whereSeparator: \.isWhitespace).last.map(String.init))
        #expect(token.hasPrefix("rdt_") && token.count == 47)
        let list = try CLI.run(["token", "list", "--log", log])
        #expect(list.status == 0)
        #expect(list.stdout.contains("wessex-am") && list.stdout.contains("area-manager") && list.stdout.contains("cps-wessex"))
        #expect(!list.stdout.contains(token))
        // The file holds the hash, never the token.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: log))
        #expect(bytes.range(of: Data(token.utf8)) == nil)
        #expect(try CLI.run(["token", "revoke", "wessex-am", "--log", log]).status == 0)
        #expect(try CLI.run(["token", "list", "--log", log]).stdout.split(separator: "\n").last?.hasSuffix("-") == false)
        // Bad uses: a role that needs an area, an unknown area, a duplicate name.
        #expect(try CLI.run(["token", "create", "--role", "operator", "--name", "x", "--log", log]).status != 0)
        #expect(try CLI.run(["token", "create", "--role", "operator", "--area", "atlantis", "--name", "x", "--log", log]).status != 0)
        #expect(try CLI.run(["token", "create", "--role", "national", "--name", "wessex-am", "--log", log]).status != 0)
        #expect(try CLI.run(["token", "revoke", "nobody", "--log", log]).status != 0)
    }

    @Test func serveAnswersOverLoopbackAndStopsCleanlyOnSIGTERM() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("log.sqlite").path
        let created = try CLI.run(["token", "create", "--role", "operator", "--area", "cps-north-east", "--name", "live-op", "--log", log])
        let token = try #require(created.stdout.split(whereSeparator: \.isWhitespace).last.map(String.init))

        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = ["serve", "--port", "0", "--log", log]
        var env = ProcessInfo.processInfo.environment
        env["REDACT_PATTERNS"] = CLI.root.appendingPathComponent("patterns/uk").path
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        defer { if p.isRunning { p.terminate() } }
        let errBox = DataBox()
        let errDone = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            errDone.signal()
        }
        // The first line names the port.
        var line = Data()
        while true {
            let b = out.fileHandleForReading.readData(ofLength: 1)
            if b.isEmpty || b == Data("\n".utf8) { break }
            line += b
        }
        let first = String(decoding: line, as: UTF8.self)
        let port = try #require(first.split(separator: ":").last.flatMap { Int($0) }, "first line: \(first)")
        let base = "http://127.0.0.1:\(port)"

        let health = try HTTP.request("\(base)/healthz")
        #expect(health.status == 200)
        #expect(health.headers["content-security-policy"]?.contains("default-src 'self'") == true)
        let anonymous = try HTTP.request("\(base)/v1/scan", method: "POST", body: Data(Fixture.text.utf8), headers: ["Content-Type": "text/plain"])
        #expect(anonymous.status == 401)
        let scan = try HTTP.request("\(base)/v1/scan?filename=mg11.txt", method: "POST", body: Data(Fixture.text.utf8),
                                    headers: ["Content-Type": "text/plain", "Authorization": "Bearer \(token)"])
        #expect(scan.status == 200)
        let json = try JSONSerialization.jsonObject(with: scan.body) as? [String: Any]
        #expect(((json?["findings"] as? [Any])?.count ?? 0) >= 4)
        let redact = try HTTP.request("\(base)/v1/redact?recipient=defence&case=LIVE1&filename=mg11.txt", method: "POST",
                                      body: Data(Fixture.text.utf8), headers: ["Content-Type": "text/plain", "Authorization": "Bearer \(token)"])
        #expect(redact.status == 200)
        let metrics = try HTTP.request("\(base)/metrics")
        #expect(String(decoding: metrics.body, as: UTF8.self).contains("redact_http_requests_total"))

        kill(p.processIdentifier, SIGTERM)
        p.waitUntilExit()
        errDone.wait()
        #expect(p.terminationReason == .exit && p.terminationStatus == 0, "stderr: \(String(decoding: errBox.data, as: UTF8.self))")
        // One JSON log line per request, with no document text and no token.
        let logs = String(decoding: errBox.data, as: UTF8.self)
        #expect(logs.contains("\"route\":\"/v1/scan\""))
        for secret in Fixture.planted + [token, "LIVE1"] { #expect(!logs.contains(secret), "log holds \(secret)") }
        // The disclosure is in the log, and the chain verifies.
        #expect(try CLI.run(["log", "verify", "--log", log]).status == 0)
    }
}

/// A minimal synchronous HTTP client over URLSession (loopback only).
enum HTTP {
    struct Answer {
        var status: Int
        var headers: [String: String]
        var body: Data
    }

    static func request(_ url: String, method: String = "GET", body: Data? = nil, headers: [String: String] = [:]) throws -> Answer {
        var r = URLRequest(url: URL(string: url)!)
        r.httpMethod = method
        r.httpBody = body
        r.timeoutInterval = 30
        for (k, v) in headers { r.setValue(v, forHTTPHeaderField: k) }
        let done = DispatchSemaphore(value: 0)
        let box = AnswerBox()
        URLSession.shared.dataTask(with: r) { data, response, error in
            if let h = response as? HTTPURLResponse {
                var fields: [String: String] = [:]
                for (k, v) in h.allHeaderFields { fields["\(k)".lowercased()] = "\(v)" }
                box.answer = Answer(status: h.statusCode, headers: fields, body: data ?? Data())
            }
            box.error = error
            done.signal()
        }.resume()
        done.wait()
        if let a = box.answer { return a }
        throw box.error ?? URLError(.badServerResponse)
    }

    final class AnswerBox: @unchecked Sendable {
        var answer: Answer?
        var error: (any Error)?
    }
}
