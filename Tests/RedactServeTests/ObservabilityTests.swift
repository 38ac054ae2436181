import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
@testable import RedactServe

/// Collects log lines in memory.
final class LogCapture: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ s: String) { lock.withLock { lines.append(s) } }
    var all: [String] { lock.withLock { lines } }

    struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(level: Logger.Level, message: Logger.Message, metadata extra: Logger.Metadata?, source: String,
                 file: String, function: String, line: UInt) {
            let all = metadata.merging(extra ?? [:]) { _, b in b }
            capture.append("\(level) \(message) " + all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
        }
    }
}

@Suite struct ObservabilityTests {
    @Test func logsAndMetricsCarryRoutesAndCountsButNoPersonalDataOrTokens() async throws {
        let server = try TestServer()
        let capture = LogCapture()
        let (router, _) = ServeApplication.router(services: server.services)
        let app = Application(router: router, logger: Logger(label: "test") { _ in LogCapture.Handler(capture: capture) })
        let names = "Ayodele%20Okafor"
        try await app.test(.router) { client in
            _ = try await client.execute(uri: "/v1/scan?filename=okafor-statement.txt&names=\(names)", method: .post,
                                         headers: server.headers("op-ne", contentType: "text/plain"), body: ByteBuffer(string: Sample.text))
            _ = try await client.execute(uri: "/v1/redact?recipient=defence&case=URN1&filename=okafor.txt", method: .post,
                                         headers: server.headers("op-ne", contentType: "text/plain"), body: ByteBuffer(string: Sample.text))
            _ = try await client.execute(uri: "/v1/scan", method: .post, headers: server.headers("rdt_bogus-token-value", contentType: "text/plain"),
                                         body: ByteBuffer(string: Sample.text))
            _ = try await client.execute(uri: "/v1/packs/\(TestServer.areas.1)/2026-04", method: .get, headers: server.headers("am-ne"))
            let metrics = try await client.execute(uri: "/metrics", method: .get)
            let m = metrics.text
            #expect(m.contains("redact_http_requests_total{"))
            #expect(m.contains("route=\"/v1/scan\""))
            #expect(m.contains("route=\"/v1/packs/{area}/{period}\""))
            #expect(m.contains("status=\"403\""))
            #expect(m.contains("redact_http_request_duration_seconds_bucket{"))
            #expect(m.contains("redact_scanned_bytes_total{endpoint=\"scan\"}"))
            #expect(m.contains("redact_findings_total{"))
            #expect(m.contains("category=\"nhs_number\""))
            #expect(m.contains("redact_disclosures_logged_total"))
            for secret in Sample.planted + ["Okafor", "okafor", "URN1", "bogus-token"] + server.tokens.values {
                #expect(!m.contains(secret), "metrics hold \(secret)")
            }
        }
        let lines = capture.all
        #expect(lines.contains { $0.contains("route=/v1/scan") && $0.contains("status=200") && $0.contains("hb.request.id=")
            && $0.contains("principal=tok_") })
        #expect(lines.contains { $0.contains("status=401") })
        for secret in Sample.planted + ["Okafor", "okafor", "URN1", "bogus-token"] + server.tokens.values {
            #expect(!lines.contains { $0.contains(secret) }, "a log line holds \(secret)")
        }
    }

    @Test func everyAnswerHasTheSecurityHeadersErrorsIncluded() async throws {
        let server = try TestServer()
        try await server.application().test(.router) { client in
            for (uri, method) in [("/healthz", HTTPRequest.Method.get), ("/v1/whoami", .get), ("/nowhere", .get), ("/", .get)] {
                let r = try await client.execute(uri: uri, method: method)
                #expect(r.headers[.contentSecurityPolicy] == SecurityHeadersMiddleware.contentSecurityPolicy, "\(uri)")
                #expect(!(r.headers[.contentSecurityPolicy] ?? "").contains("unsafe-inline"))
                #expect(r.headers[.xContentTypeOptions] == "nosniff")
                #expect(r.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
                #expect(r.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
                #expect(r.headers[ObservabilityMiddleware.requestIDHeader] != nil)
            }
        }
    }
}
