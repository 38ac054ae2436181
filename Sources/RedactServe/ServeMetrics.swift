import CoreMetrics
import Foundation
import Metrics
import Prometheus

/// The server's metrics: swift-metrics objects made by a Prometheus factory over this server's
/// own registry (so two servers in one test process never share counts), emitted at `/metrics`
/// in the Prometheus text format. Counts and latencies only: no label ever holds a document,
/// a finding's text, a token, a query value or a party name. Labels are route templates
/// (`/v1/packs/{area}/{period}`), methods, status codes and taxonomy category ids.
///
/// | metric | type | labels |
/// |---|---|---|
/// | `redact_http_requests_total` | counter | route, method, status |
/// | `redact_http_request_duration_seconds` | histogram | route, method, status |
/// | `redact_scanned_bytes_total` | counter | endpoint |
/// | `redact_findings_total` | counter | endpoint, category |
/// | `redact_disclosures_logged_total` | counter | — |
public final class ServeMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    let factory: PrometheusMetricsFactory

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
            .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
            .milliseconds(2500), .seconds(5), .seconds(10),
        ]
        self.factory = factory
    }

    /// One finished request.
    public func request(route: String, method: String, status: Int, nanoseconds: UInt64) {
        let dims = [("route", route), ("method", method), ("status", String(status))]
        CoreMetrics.Counter(label: "redact_http_requests_total", dimensions: dims, factory: factory).increment()
        CoreMetrics.Timer(label: "redact_http_request_duration_seconds", dimensions: dims, factory: factory)
            .recordNanoseconds(Int64(clamping: nanoseconds))
    }

    /// Bytes scanned by one request of `endpoint` (`scan`, `redact`, `check`).
    public func scanned(bytes: Int, endpoint: String) {
        CoreMetrics.Counter(label: "redact_scanned_bytes_total", dimensions: [("endpoint", endpoint)], factory: factory)
            .increment(by: bytes)
    }

    /// Findings of one request, by taxonomy category id.
    public func findings(_ counts: [String: Int], endpoint: String) {
        for (category, n) in counts where n > 0 {
            CoreMetrics.Counter(label: "redact_findings_total", dimensions: [("endpoint", endpoint), ("category", category)],
                                factory: factory).increment(by: n)
        }
    }

    public func disclosureLogged() {
        CoreMetrics.Counter(label: "redact_disclosures_logged_total", dimensions: [], factory: factory).increment()
    }

    /// The Prometheus text exposition.
    public func exposition() -> [UInt8] {
        registry.emitToBuffer()
    }
}
