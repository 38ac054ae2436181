/// HTML built by string interpolation that escapes every `String` it is given.
///
/// ```swift
/// let name = "<script>alert(1)</script>.txt"
/// let m: Markup = "<h1>\(name)</h1>"        // <h1>&lt;script&gt;alert(1)&lt;/script&gt;.txt</h1>
/// let page: Markup = "<main>\(m)</main>"    // a Markup goes in as it is
/// ```
///
/// Text can only reach a page through this type, so escaping is the default and raw HTML needs
/// the explicit `raw:` label (used for the pack's own renderer, which escapes its own text).
public struct Markup: Sendable, Equatable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public private(set) var html: String

    public init(stringLiteral value: String) { html = value }
    public init(stringInterpolation: StringInterpolation) { html = stringInterpolation.out }
    /// Trusted HTML from a renderer that escapes its own text.
    public init(raw html: String) { self.html = html }
    public static let empty = Markup(raw: "")
    public var description: String { html }

    public struct StringInterpolation: StringInterpolationProtocol {
        var out = ""
        public init(literalCapacity: Int, interpolationCount: Int) { out.reserveCapacity(literalCapacity + interpolationCount * 16) }
        public mutating func appendLiteral(_ literal: String) { out += literal }
        public mutating func appendInterpolation(_ text: String) { out += Markup.escape(text) }
        public mutating func appendInterpolation(_ text: Substring) { out += Markup.escape(String(text)) }
        public mutating func appendInterpolation(_ n: Int) { out += String(n) }
        public mutating func appendInterpolation(_ m: Markup) { out += m.html }
        public mutating func appendInterpolation(_ ms: [Markup]) { for m in ms { out += m.html } }
        public mutating func appendInterpolation(_ m: Markup?) { if let m { out += m.html } }
    }

    public static func + (a: Markup, b: Markup) -> Markup { Markup(raw: a.html + b.html) }
    public static func += (a: inout Markup, b: Markup) { a.html += b.html }

    /// Escapes text for element content and for quoted attribute values.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}

extension Array where Element == Markup {
    public func joined() -> Markup { Markup(raw: map(\.html).joined()) }
}
