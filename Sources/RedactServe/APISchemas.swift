/// The JSON schemas of the API's bodies, referenced by the route table as
/// `#/components/schemas/NAME`. Kept next to the code that writes each body.
public enum APISchemas {
    static let string: JSONNode = ["type": "string"]
    static let integer: JSONNode = ["type": "integer"]
    static let boolean: JSONNode = ["type": "boolean"]
    static let counts: JSONNode = ["type": "object", "additionalProperties": ["type": "integer"],
                                   "description": "Counts by taxonomy category id."]

    static func object(_ properties: [String: JSONNode], required: [String]) -> JSONNode {
        ["type": "object", "properties": .object(properties), "required": .array(required.map { .string($0) })]
    }

    public static var all: [String: JSONNode] {
        [
            "Problem": object([
                "type": string, "title": string, "status": integer, "code": string, "detail": string,
            ], required: ["type", "title", "status", "code", "detail"]),
            "Health": object(["status": string, "version": string], required: ["status", "version"]),
            "Finding": object([
                "path": string,
                "start": ["type": "integer", "description": "UTF-8 byte offset, inclusive."],
                "end": ["type": "integer", "description": "UTF-8 byte offset, exclusive."],
                "category": string, "rule": string,
            ], required: ["path", "start", "end", "category", "rule"]),
            "ScanResult": object([
                "path": string, "bytes": integer, "findings": ["type": "array", "items": ["$ref": "#/components/schemas/Finding"]],
                "by_category": counts, "profile": string,
            ], required: ["path", "bytes", "findings", "by_category"]),
            "CheckResult": object([
                "path": string, "bytes": integer, "clean": boolean, "findings": integer, "by_category": counts,
                "profile": string, "logged_entry": string,
            ], required: ["path", "bytes", "clean", "findings", "by_category"]),
            "RedactResult": object([
                "document": ["type": "string", "contentEncoding": "base64", "description": "The redacted document, base64."],
                "content_type": string,
                "manifest": ["type": "object", "description": "The manifest, as `redact apply` writes it beside a copy."],
                "log_entry": string,
                "held": boolean,
            ], required: ["document", "content_type", "manifest", "log_entry", "held"]),
            "Principal": object([
                "token_id": string, "name": string, "role": ["type": "string", "enum": ["operator", "area-manager", "national"]],
                "area": string, "via": ["type": "string", "enum": ["token", "session"]], "csrf_token": string,
            ], required: ["token_id", "name", "role", "via"]),
            "Pack": ["type": "object", "description": "The area pack as `redact pack --format json` writes it (docs/pack-format.md)."],
            "BreachRequest": ["type": "object", "description": "A breach or near miss, as the options of `redact breach record` (docs/serve.md)."],
            "BreachReceipt": object(["breach_id": string, "entry_id": string, "version": integer],
                                    required: ["breach_id", "entry_id"]),
        ]
    }
}
