import Foundation
import Hummingbird
import Logging
import NIOCore

/// Builds the `redact serve` router and application.
///
/// Middleware order, outermost first (every route, API and UI, runs through all of them):
/// 1. ``ObservabilityMiddleware``: errors to problem responses, security headers, request id,
///    one log line and the request metrics per request;
/// 2. ``AuthMiddleware``: bearer token or session cookie to `context.principal`;
/// 3. ``CSRFMiddleware``: session-authenticated unsafe methods must echo the CSRF token.
///
/// Then the route table (``RouteTable``) checks each route's access rule. Routes are added by
/// ``SystemRoutes`` (health, metrics, OpenAPI, sign-in), ``APIRoutes`` (/v1) and
/// ``UIRoutes`` (the browser screens, owned by the UI).
///
/// ```swift
/// let services = try ServeServices.make(configuration: config, version: "0.1.0")
/// let app = ServeApplication.application(services: services)
/// try await app.runService()      // SIGINT/SIGTERM: graceful shutdown
/// ```
public enum ServeApplication {
    /// The router with every route registered, and the table that documents it.
    public static func router(services: ServeServices) -> (Router<RedactRequestContext>, RouteTable) {
        let router = Router(context: RedactRequestContext.self)
        router.add(middleware: ObservabilityMiddleware(metrics: services.metrics, hsts: services.configuration.secureCookies))
        router.add(middleware: AuthMiddleware(authority: services.authority, sessions: services.sessions))
        router.add(middleware: UIErrorPagesMiddleware())   // browsers: HTML pages for the problems below
        router.add(middleware: CSRFMiddleware(maxFormBytes: services.configuration.maxFormBytes,
                                              maxMultipartBytes: services.configuration.maxBodyBytes + (64 << 10)))
        let table = RouteTable(router: router)
        SystemRoutes.register(on: table, services: services)
        APIRoutes.register(on: table, services: services)
        UIRoutes.register(on: table, services: services)
        return (router, table)
    }

    /// The Hummingbird application on the configured host and port.
    public static func application(services: ServeServices,
                                   onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        -> some ApplicationProtocol {
        let (router, _) = router(services: services)
        let c = services.configuration
        return Application(
            router: router,
            configuration: .init(address: .hostname(c.host, port: c.port), serverName: nil),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? c.port) },
            logger: services.logger)
    }
}
