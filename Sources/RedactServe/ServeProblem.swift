import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// An error answered as an RFC 9457 problem object (`application/problem+json`).
///
/// The text is fixed by the code that throws it: a problem never quotes the document, a finding,
/// a token, a query value or a free-text field, so no personal data can reach a client's error
/// handling or a log through it.
///
/// ```swift
/// throw ServeProblem(.forbidden, "this token may not read another area's pack")
/// ```
public struct ServeProblem: HTTPResponseError, CustomStringConvertible {
    public var status: HTTPResponse.Status
    /// A short fixed sentence.
    public var detail: String
    /// A stable machine-readable code (`body-too-large`, `unsupported-format`, ...).
    public var code: String
    /// Extra headers (e.g. `WWW-Authenticate` on 401).
    public var headers: HTTPFields

    public init(_ status: HTTPResponse.Status, _ detail: String, code: String? = nil, headers: HTTPFields = [:]) {
        self.status = status
        self.detail = detail
        self.code = code ?? Self.defaultCode(status)
        self.headers = headers
    }

    public var description: String { "ServeProblem(\(status.code) \(code))" }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields = headers
        fields[.contentType] = "application/problem+json"
        let body = "{\"type\":\"about:blank\",\"title\":\(Self.quote(status.reasonPhrase)),\"status\":\(status.code),"
            + "\"code\":\(Self.quote(code)),\"detail\":\(Self.quote(detail))}"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    static func defaultCode(_ status: HTTPResponse.Status) -> String {
        switch status.code {
        case 400: "bad-request"
        case 401: "unauthenticated"
        case 403: "forbidden"
        case 404: "not-found"
        case 405: "method-not-allowed"
        case 413: "body-too-large"
        case 415: "unsupported-format"
        case 422: "invalid-input"
        case 503: "unavailable"
        default: status.code >= 500 ? "internal-error" : "error"
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }

    public static let unauthenticated = ServeProblem(
        .unauthorized, "a valid bearer token or a signed-in session is required",
        headers: [.wwwAuthenticate: "Bearer realm=\"redact\""])
}
