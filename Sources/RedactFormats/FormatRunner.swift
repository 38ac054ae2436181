import Crypto
import Foundation
import RedactCore
import RedactScan

/// One finding in a document input, as `scan` and `check` report it.
public struct DocumentFinding: Sendable {
    public var span: LocatedSpan
    /// 1-based line and byte column in the file (stored-as-is formats); 0 when located in a part.
    public var line: Int
    public var column: Int
    /// The stored bytes, only when asked for (`--show-text`) and only for stored-as-is formats.
    public var text: [UInt8]?
}

/// Runs the document formats on input files: picks the format, streams CSV and JSON, reads
/// other formats whole (bounded by `--max-part-bytes`) and hands them their bytes.
public struct FormatRunner: Sendable {
    public var registry: DocumentFormats
    public var limits: FormatLimits
    public var chunkSize: Int
    /// `--format-as`: a format id for every input, `text` for none; nil to detect.
    public var forced: String?

    public init(registry: DocumentFormats = .standard, limits: FormatLimits = .default, chunkSize: Int = 1 << 20, forced: String? = nil) {
        self.registry = registry
        self.limits = limits
        self.chunkSize = chunkSize
        self.forced = forced
    }

    /// Bytes of an input's start that detection looks at.
    static let headBytes = 8192

    /// The format of `input`, or nil for plain text (which takes the streaming scanner).
    /// Standard input is plain text unless `--format-as` says otherwise.
    public func format(for input: Input) -> (any DocumentFormat)? {
        if let forced { return registry.format(id: forced) }
        if input.isStandardInput { return nil }
        var head = [UInt8](repeating: 0, count: Self.headBytes)
        let fd = open(input.path, O_RDONLY | O_CLOEXEC)
        var n = 0
        if fd >= 0 {
            n = head.withUnsafeMutableBytes { max(0, pread(fd, $0.baseAddress!, Self.headBytes, 0)) }
            close(fd)
        }
        return head.withUnsafeBufferPointer { registry.detect(path: input.path, head: UnsafeBufferPointer(rebasing: $0[0..<n])) }
    }

    /// Scans one input with `format`, handing each finding to `onFinding` in document order.
    /// `observer` sees every byte of the input once, in order. Returns the input size.
    /// - Throws: `FormatError`.
    public func scan(_ input: Input, format: any DocumentFormat, finder: any TextFinder, withText: Bool = false,
                     observer: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil,
                     onFinding: (DocumentFinding) -> Void) throws -> Int {
        if let structured = format as? any StructuredFormat {
            return try withInput(input) { fd in
                let read = observed(StreamDriver.reader(fd: fd, path: input.path), observer)
                return try withoutActuallyEscaping(onFinding) { onFinding in
                    let sink = try structured.streamScan(read: read, path: input.path, limits: limits, chunkSize: chunkSize, finder: finder) { span, line, column, stored in
                        onFinding(DocumentFinding(span: span, line: line, column: column, text: withText ? Array(stored) : nil))
                    }
                    return sink.summary().bytesOriginal
                }
            }
        }
        let env = FormatEnvironment(finder: finder, nested: registry, limits: limits)
        let spans: [LocatedSpan]
        var size = 0
        if let pdf = format as? PDFFormat, !input.isStandardInput, observer == nil {
            spans = try pdf.scanFile(input.path, path: input.path, in: env)
            size = (try? FileManager.default.attributesOfItem(atPath: input.path)[.size] as? Int) ?? 0
            for s in spans { onFinding(DocumentFinding(span: s, line: 0, column: 0, text: nil)) }
            return size
        }
        let bytes = try readWhole(input)
        bytes.withUnsafeBufferPointer { observer?($0) }
        spans = try format.scan(bytes, path: input.path, in: env)
        for s in spans {
            var text: [UInt8]? = nil
            if withText && s.locator == nil && s.span.end <= bytes.count { text = Array(bytes[s.span.start..<s.span.end]) }
            let (line, column) = s.locator == nil ? Self.lineColumn(bytes, s.span.start) : (0, 0)
            onFinding(DocumentFinding(span: s, line: line, column: column, text: text))
        }
        return bytes.count
    }

    /// The redacted copy of one input, written through `emit` as it is made; the redactions
    /// and hashes for the manifest. Nothing is emitted for a format that refuses (PDF).
    /// - Throws: `FormatError`.
    public func redact(_ input: Input, format: any DocumentFormat, finder: any TextFinder, judge: SpanJudge? = nil,
                       emit: @escaping (UnsafeBufferPointer<UInt8>) -> Void) throws -> DocumentRedaction {
        if format is PDFFormat { throw FormatError(.unsupported, path: input.path, detail: PDFFormat.refusal) }
        if let structured = format as? any StructuredFormat {
            return try withInput(input) { fd in
                let sink = try structured.streamRedact(read: StreamDriver.reader(fd: fd, path: input.path), path: input.path,
                                                       limits: limits, chunkSize: chunkSize, finder: finder, judge: judge, emit: emit)
                let s = sink.summary()
                return DocumentRedaction(redactions: sink.redactions, sha256Original: s.sha256Original, sha256Redacted: s.sha256Redacted,
                                         bytesOriginal: s.bytesOriginal, bytesRedacted: s.bytesRedacted)
            }
        }
        let bytes = try readWhole(input)
        var env = FormatEnvironment(finder: finder, nested: registry, limits: limits)
        env.judge = judge
        let doc = try format.redact(bytes, path: input.path, in: env)
        doc.bytes.withUnsafeBufferPointer { emit($0) }
        return DocumentRedaction(redactions: doc.redactions, sha256Original: Hex.encode(SHA256.hash(data: bytes)),
                                 sha256Redacted: Hex.encode(SHA256.hash(data: doc.bytes)),
                                 bytesOriginal: bytes.count, bytesRedacted: doc.bytes.count)
    }

    // MARK: input

    private func withInput<R>(_ input: Input, _ body: (Int32) throws -> R) throws -> R {
        let fd: Int32
        do { fd = try openInput(input) } catch let e as ScanError {
            throw FormatError(.corrupt, path: e.path, detail: e.detail)
        }
        defer { if !input.isStandardInput { close(fd) } }
        return try body(fd)
    }

    /// The whole input, at most `maxPartBytes` of it.
    func readWhole(_ input: Input) throws -> [UInt8] {
        try withInput(input) { fd in
            var bytes: [UInt8] = []
            let read = StreamDriver.reader(fd: fd, path: input.path)
            while try read(&bytes, 1 << 20) > 0 {
                if bytes.count > limits.maxPartBytes {
                    throw FormatError(.limitExceeded, path: input.path,
                                      detail: "more than \(limits.maxPartBytes) bytes to hold in memory (--max-part-bytes)")
                }
            }
            return bytes
        }
    }

    private func observed(_ read: @escaping (inout [UInt8], Int) throws -> Int,
                          _ observer: ((UnsafeBufferPointer<UInt8>) -> Void)?) -> (inout [UInt8], Int) throws -> Int {
        guard let observer else { return read }
        return { buffer, max in
            let old = buffer.count
            let n = try read(&buffer, max)
            buffer.withUnsafeBufferPointer { observer(UnsafeBufferPointer(rebasing: $0[old..<(old + n)])) }
            return n
        }
    }

    /// 1-based line and byte column of `offset`.
    static func lineColumn(_ bytes: [UInt8], _ offset: Int) -> (Int, Int) {
        var line = 1, lineStart = 0
        for i in 0..<min(offset, bytes.count) where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        return (line, offset - lineStart + 1)
    }
}

/// What redacting one document produced, for its manifest.
public struct DocumentRedaction: Sendable {
    public var redactions: [LocatedRedaction]
    public var sha256Original: String
    public var sha256Redacted: String
    public var bytesOriginal: Int
    public var bytesRedacted: Int
}

extension StructuredFormat {
    func streamScan(read: (inout [UInt8], Int) throws -> Int, path: String, limits: FormatLimits, chunkSize: Int,
                    finder: any TextFinder, onSpan: @escaping (LocatedSpan, Int, Int, UnsafeBufferPointer<UInt8>) -> Void) throws -> FieldProcessor {
        try stream(read: read, path: path, limits: limits, chunkSize: chunkSize, finder: finder, onSpan: onSpan, emit: nil)
    }

    func streamRedact(read: (inout [UInt8], Int) throws -> Int, path: String, limits: FormatLimits, chunkSize: Int,
                      finder: any TextFinder, judge: SpanJudge?, emit: @escaping (UnsafeBufferPointer<UInt8>) -> Void) throws -> FieldProcessor {
        try stream(read: read, path: path, limits: limits, chunkSize: chunkSize, finder: finder, onSpan: nil, emit: emit, judge: judge)
    }
}
