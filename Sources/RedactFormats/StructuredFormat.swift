import RedactCore

/// A format read by a streaming `FieldParser` (CSV, JSON): scanned and redacted as the input
/// streams past, in memory for container members, with the same code either way.
protocol StructuredFormat: DocumentFormat {
    associatedtype Parser: FieldParser
    func makeParser(path: String, limits: FormatLimits) -> Parser
}

extension StructuredFormat {
    public func scan(_ bytes: [UInt8], path: String, in env: FormatEnvironment) throws -> [LocatedSpan] {
        try TextFormat.checkSize(bytes, path: path, env: env)
        var parser = makeParser(path: path, limits: env.limits)
        let sink = FieldProcessor(finder: env.finder)
        var found: [LocatedSpan] = []
        sink.onSpan = { span, _, _, _ in found.append(span) }
        try StreamDriver.run(&parser, bytes: bytes, sink: sink)
        return found
    }

    public func redact(_ bytes: [UInt8], path: String, in env: FormatEnvironment) throws -> RedactedDocument {
        try TextFormat.checkSize(bytes, path: path, env: env)
        var parser = makeParser(path: path, limits: env.limits)
        let sink = FieldProcessor(finder: env.finder)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        sink.emit = { out.append(contentsOf: $0) }
        sink.judge = env.judge
        try StreamDriver.run(&parser, bytes: bytes, sink: sink)
        return RedactedDocument(bytes: out, redactions: sink.redactions)
    }

    /// Streams a file: each finding to `onSpan` (with line and column); with `emit`, the
    /// redacted copy too. Returns the processor (redactions, hashes, sizes).
    func stream(read: (inout [UInt8], Int) throws -> Int, path: String, limits: FormatLimits, chunkSize: Int,
                finder: any TextFinder, onSpan: ((LocatedSpan, Int, Int, UnsafeBufferPointer<UInt8>) -> Void)?,
                emit: ((UnsafeBufferPointer<UInt8>) -> Void)?, judge: SpanJudge? = nil) throws -> FieldProcessor {
        var parser = makeParser(path: path, limits: limits)
        let sink = FieldProcessor(finder: finder)
        sink.onSpan = onSpan
        sink.emit = emit
        sink.judge = judge
        _ = try StreamDriver.run(&parser, chunkSize: max(chunkSize, 1), sink: sink, read: read)
        return sink
    }
}
