import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// The outermost middleware: turns every error into a response (a ``ServeProblem`` as itself,
/// Hummingbird's `HTTPError` as a problem with its status, anything else as a bare 500), adds
/// the security headers, and then records the request: one structured log line and the
/// request metrics.
///
/// The log line carries the request id (also answered as `X-Request-Id`), the route template
/// (never the URI: query strings may hold party names), the method, the status, the duration
/// in milliseconds and the principal's token id. Nothing else: no body, no finding, no token,
/// no query value.
public struct ObservabilityMiddleware: RouterMiddleware {
    public typealias Context = RedactRequestContext
    let metrics: ServeMetrics
    let hsts: Bool

    public init(metrics: ServeMetrics, hsts: Bool = false) {
        self.metrics = metrics
        self.hsts = hsts
    }

    public static let requestIDHeader = HTTPField.Name("X-Request-Id")!

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = Self.response(for: error, request: request, context: context)
        }
        SecurityHeadersMiddleware.apply(to: &response.headers, hsts: hsts)
        response.headers[Self.requestIDHeader] = context.id
        let route = context.endpointPath ?? "unmatched"
        let status = Int(response.status.code)
        let elapsed = DispatchTime.now().uptimeNanoseconds &- start
        metrics.request(route: route, method: request.method.rawValue, status: status, nanoseconds: elapsed)
        context.logger.log(level: status >= 500 ? .error : .info, "request", metadata: [
            "route": .string(route),
            "method": .string(request.method.rawValue),
            "status": .stringConvertible(status),
            "duration_ms": .string(String(format: "%.2f", Double(elapsed) / 1e6)),
            "principal": .string(context.notes.principalID ?? "-"),
        ])
        return response
    }

    static func response(for error: any Error, request: Request, context: Context) -> Response {
        if let problem = error as? ServeProblem, let r = try? problem.response(from: request, context: context) { return r }
        if let http = error as? any HTTPResponseError {
            let status = http.status
            let detail = status == .notFound ? "no such route" : status.code == 413 ? "the body is larger than the limit"
                : status.reasonPhrase
            if let r = try? ServeProblem(status, detail).response(from: request, context: context) { return r }
        }
        // The error's description may hold anything; only its type name is logged.
        context.logger.error("unhandled error", metadata: ["error_type": .string(String(describing: type(of: error)))])
        return (try? ServeProblem(.internalServerError, "internal error").response(from: request, context: context))
            ?? Response(status: .internalServerError)
    }
}
