import Foundation

/// Writes the OpenAPI 3.1 document from the route table: paths, operations, parameters,
/// bodies, answers, security. Schemas shared by several routes are in ``APISchemas``.
public enum OpenAPIDocument {
    public static func build(_ specs: [RouteSpec], version: String) -> JSONNode {
        var paths: [String: JSONNode] = [:]
        var hidden: [JSONNode] = []
        for spec in specs {
            if spec.hidden {
                hidden.append(["method": .string(spec.method.rawValue), "path": .string(spec.path),
                               "operationId": .string(spec.operationID), "summary": .string(spec.summary)])
                continue
            }
            var item: [String: JSONNode] = [:]
            if case .object(let existing) = paths[spec.path] ?? [:] { item = existing }
            item[spec.method.rawValue.lowercased()] = operation(spec)
            paths[spec.path] = .object(item)
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "redact serve",
                "version": .string(version),
                "description": "Find, redact and log UK personal data in criminal-justice case material. Offsets are UTF-8 byte offsets. Errors are RFC 9457 problem objects and never contain personal data.",
            ],
            "paths": .object(paths),
            "components": [
                "schemas": .object(APISchemas.all),
                "securitySchemes": [
                    "bearerToken": ["type": "http", "scheme": "bearer",
                                    "description": "A token from `redact token create` (rdt_…)."],
                    "sessionCookie": ["type": "apiKey", "in": "cookie", "name": .string(SessionStore.cookieName),
                                      "description": "A browser session from POST /signin. Unsafe methods also need the session's CSRF token (X-CSRF-Token header or csrf_token form field)."],
                ],
            ],
            "x-hidden-routes": .array(hidden),
        ]
    }

    static func operation(_ spec: RouteSpec) -> JSONNode {
        var op: [String: JSONNode] = [
            "operationId": .string(spec.operationID),
            "summary": .string(spec.summary),
        ]
        if let d = spec.description { op["description"] = .string(d) }
        if !spec.tags.isEmpty { op["tags"] = .array(spec.tags.map { .string($0) }) }
        if !spec.parameters.isEmpty {
            op["parameters"] = .array(spec.parameters.map { p in
                ["name": .string(p.name), "in": .string(p.location.rawValue), "required": .bool(p.required),
                 "description": .string(p.description), "schema": p.schema]
            })
        }
        if let body = spec.requestBody {
            op["requestBody"] = [
                "description": .string(body.description), "required": .bool(body.required),
                "content": .object(body.content.mapValues { ["schema": $0] }),
            ]
        }
        var responses: [String: JSONNode] = [:]
        for r in spec.responses { responses[String(r.status)] = response(r) }
        switch spec.access {
        case .open:
            op["security"] = []
        case .roles(let roles):
            op["security"] = [["bearerToken": []], ["sessionCookie": []]]
            op["x-roles"] = .array(roles.map(\.rawValue).sorted().map { .string($0) })
            if responses["401"] == nil { responses["401"] = response(.problem(401, "No token, or a bad or revoked one")) }
            if roles.count < Principal.Role.allCases.count, responses["403"] == nil {
                responses["403"] = response(.problem(403, "The token's role may not use this route"))
            }
        }
        op["responses"] = .object(responses)
        return .object(op)
    }

    static func response(_ r: RouteResponse) -> JSONNode {
        var node: [String: JSONNode] = ["description": .string(r.description)]
        if !r.content.isEmpty { node["content"] = .object(r.content.mapValues { ["schema": $0] }) }
        if !r.headers.isEmpty {
            node["headers"] = .object(r.headers.mapValues { ["description": .string($0), "schema": ["type": "string"]] })
        }
        return .object(node)
    }
}

extension RouteResponse {
    /// A problem object answer (`application/problem+json`).
    public static func problem(_ status: Int, _ description: String) -> RouteResponse {
        RouteResponse(status, description, content: ["application/problem+json": ["$ref": "#/components/schemas/Problem"]])
    }
}
