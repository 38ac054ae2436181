import Foundation
import Hummingbird

/// Who may call a route. The route table enforces it before the handler runs (401 with no
/// principal, 403 for a role not listed) and writes it into the OpenAPI document (security
/// requirements and `x-roles`). Area checks (another area's pack or breach) are made by the
/// handler, which knows the area.
public enum RouteAccess: Sendable, Equatable {
    /// No token needed (health, metrics, the OpenAPI document, sign-in, static files).
    case open
    /// A bearer token or a session whose role is one of these.
    case roles(Set<Principal.Role>)

    public static let anyRole = RouteAccess.roles(Set(Principal.Role.allCases))
}

/// One parameter of a route, as OpenAPI describes it.
public struct RouteParameter: Sendable {
    public enum Location: String, Sendable { case path, query, header }
    public var name: String
    public var location: Location
    public var required: Bool
    public var description: String
    public var schema: JSONNode

    public init(_ name: String, in location: Location, required: Bool = false, _ description: String,
                schema: JSONNode = ["type": "string"]) {
        self.name = name
        self.location = location
        self.required = location == .path ? true : required
        self.description = description
        self.schema = schema
    }
}

/// A request body: content types and the schema of each.
public struct RouteBody: Sendable {
    public var description: String
    public var required: Bool
    public var content: [String: JSONNode]

    public init(_ description: String, required: Bool = true, content: [String: JSONNode]) {
        self.description = description
        self.required = required
        self.content = content
    }
}

/// One documented answer of a route.
public struct RouteResponse: Sendable {
    public var status: Int
    public var description: String
    /// Content type to schema (empty: no body).
    public var content: [String: JSONNode]
    public var headers: [String: String]

    public init(_ status: Int, _ description: String, content: [String: JSONNode] = [:], headers: [String: String] = [:]) {
        self.status = status
        self.description = description
        self.content = content
        self.headers = headers
    }

    /// A JSON answer whose schema is `#/components/schemas/NAME`.
    public static func json(_ status: Int, _ description: String, schema name: String) -> RouteResponse {
        RouteResponse(status, description, content: ["application/json": ["$ref": .string("#/components/schemas/\(name)")]])
    }

    /// An HTML page (the UI's routes).
    public static func html(_ description: String, status: Int = 200) -> RouteResponse {
        RouteResponse(status, description, content: ["text/html": ["type": "string"]])
    }
}

/// Everything known about one route: what registers it with Hummingbird and what documents it.
public struct RouteSpec: Sendable {
    public var method: HTTPRequest.Method
    /// Hummingbird path syntax, which for `{name}` parameters is also OpenAPI's: `/v1/packs/{area}/{period}`.
    public var path: String
    public var operationID: String
    public var summary: String
    public var description: String?
    public var tags: [String]
    public var access: RouteAccess
    public var parameters: [RouteParameter]
    public var requestBody: RouteBody?
    public var responses: [RouteResponse]
    /// Left out of the OpenAPI document's `paths` (still listed under `x-hidden-routes`, so the
    /// document stays complete). For redirects and form posts that are not an API.
    public var hidden: Bool

    public init(_ method: HTTPRequest.Method, _ path: String, id operationID: String, summary: String,
                description: String? = nil, tags: [String] = [], access: RouteAccess, parameters: [RouteParameter] = [],
                body: RouteBody? = nil, responses: [RouteResponse], hidden: Bool = false) {
        self.method = method
        self.path = path
        self.operationID = operationID
        self.summary = summary
        self.description = description
        self.tags = tags
        self.access = access
        self.parameters = parameters
        self.requestBody = body
        self.responses = responses
        self.hidden = hidden
    }
}

/// The single route table of `redact serve`: every route, API and UI alike, is added here,
/// which registers it on the Hummingbird router **and** records it for the OpenAPI document
/// (`/openapi.json` is generated from ``specs``; there is no hand-kept copy).
///
/// ```swift
/// table.add(RouteSpec(.get, "/review", id: "reviewPage", summary: "The review screen", tags: ["ui"],
///                     access: .anyRole, responses: [.html("The page")])) { request, context in
///     try HTMLResponse.page(...)
/// }
/// ```
/// Build it once at start-up (it is not meant to be changed while serving).
public final class RouteTable: @unchecked Sendable {
    public typealias Handler = @Sendable (Request, RedactRequestContext) async throws -> Response

    public let router: Router<RedactRequestContext>
    public private(set) var specs: [RouteSpec] = []

    public init(router: Router<RedactRequestContext>) {
        self.router = router
    }

    /// Registers `handler` for `spec` behind its access rule.
    public func add(_ spec: RouteSpec, _ handler: @escaping Handler) {
        precondition(!specs.contains { $0.method == spec.method && $0.path == spec.path },
                     "route \(spec.method) \(spec.path) registered twice")
        precondition(!specs.contains { $0.operationID == spec.operationID }, "operation id \(spec.operationID) used twice")
        specs.append(spec)
        let access = spec.access
        router.on(RouterPath(spec.path), method: spec.method, use: { request, context -> Response in
            try Self.check(access, context)
            return try await handler(request, context)
        })
    }

    /// 401 without a principal, 403 when its role may not use the route.
    static func check(_ access: RouteAccess, _ context: RedactRequestContext) throws {
        guard case .roles(let roles) = access else { return }
        let who = try context.requirePrincipal()
        guard roles.contains(who.role) else {
            throw ServeProblem(.forbidden, "this role may not use this route", code: "role")
        }
    }
}
