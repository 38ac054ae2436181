import RedactCore

/// Plain text held in memory: for members and attachments that are plain text. An input file
/// that is plain text never comes here; it takes the streaming scanner (the fast path).
public struct TextFormat: DocumentFormat {
    public init() {}
    public var id: String { "text" }

    /// Text is the fallback, never claimed by detection.
    public func claims(path: String, head: UnsafeBufferPointer<UInt8>) -> Bool { false }

    public func scan(_ bytes: [UInt8], path: String, in env: FormatEnvironment) throws -> [LocatedSpan] {
        try Self.checkSize(bytes, path: path, env: env)
        return env.finder.spans(in: bytes, context: nil).map { LocatedSpan(span: $0) }
    }

    public func redact(_ bytes: [UInt8], path: String, in env: FormatEnvironment) throws -> RedactedDocument {
        try Self.checkSize(bytes, path: path, env: env)
        return SpanReplacement.apply(bytes, spans: env.finder.spans(in: bytes, context: nil), finder: env.finder, judge: env.judge)
    }

    static func checkSize(_ bytes: [UInt8], path: String, env: FormatEnvironment) throws {
        guard bytes.count <= env.limits.maxPartBytes else {
            throw FormatError(.limitExceeded, path: path, detail: "\(bytes.count) bytes is more than one part may hold in memory (--max-part-bytes \(env.limits.maxPartBytes))")
        }
    }
}
