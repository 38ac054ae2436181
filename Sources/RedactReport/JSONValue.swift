import RedactCore
import Foundation

/// A JSON document with object keys in the order they were added.
///
/// Why not `JSONEncoder`: the pack's JSON is read by people as well as tools, so its keys follow
/// the pack's own order (totals first, then breakdowns), and two packs diff cleanly; an
/// encoder promises no order. Numbers are written plainly (`12`, `3.5`), never as strings.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case let (.bool(x), .bool(y)): x == y
        case let (.int(x), .int(y)): x == y
        case let (.double(x), .double(y)): x == y
        case let (.string(x), .string(y)): x == y
        case let (.array(x), .array(y)): x == y
        case let (.object(x), .object(y)): x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    /// A number rounded to `places` decimals, or null.
    static func number(_ x: Double?, places: Int = 2) -> JSONValue {
        guard let x, x.isFinite else { return .null }
        let scale = pow(10, Double(places))
        return .double((x * scale).rounded() / scale)
    }

    /// An object of counts with keys sorted by count (highest first), then by key.
    static func counts(_ d: [String: Int], _ s: Suppression) -> JSONValue {
        .object(d.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { ($0.key, s.json($0.value)) })
    }

    /// The text, indented by two spaces per level, with a final newline.
    public func serialized() -> String {
        var out = ""
        write(into: &out, indent: 0)
        out.append("\n")
        return out
    }

    func write(into out: inout String, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let n): out += String(n)
        case .double(let x):
            if x == x.rounded(), abs(x) < 1e15 { out += String(Int(x)) } else { out += String(x) }
        case .string(let s): Self.quote(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            if items.allSatisfy(\.isScalar) {
                out += "["
                for (i, v) in items.enumerated() {
                    if i > 0 { out += ", " }
                    v.write(into: &out, indent: indent)
                }
                out += "]"
                return
            }
            out += "[\n"
            for (i, v) in items.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                v.write(into: &out, indent: indent + 1)
                out += i < items.count - 1 ? ",\n" : "\n"
            }
            out += String(repeating: "  ", count: indent) + "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            for (i, (k, v)) in members.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                Self.quote(k, into: &out)
                out += ": "
                v.write(into: &out, indent: indent + 1)
                out += i < members.count - 1 ? ",\n" : "\n"
            }
            out += String(repeating: "  ", count: indent) + "}"
        }
    }

    var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    static func quote(_ s: String, into out: inout String) { JSONText.quote(s, into: &out) }
}
