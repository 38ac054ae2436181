import Crypto
import RedactCore
import RedactScan

/// Redacts a short text in memory with labels: what the log uses for document names and breach
/// prose, so it never stores personal data in free text.
public struct TextRedactor: Sendable {
    public let engine: ScanEngine

    public init(engine: ScanEngine) { self.engine = engine }

    /// The text with each finding replaced by its label, and how many were replaced.
    public func redact(_ text: String) -> (String, Int) {
        let bytes = Array(text.utf8)
        var findings: [Finding] = []
        let scratch = engine.makeScratch()
        bytes.withUnsafeBufferPointer { engine.scan($0, emit: 0..<$0.count, scratch: scratch, into: &findings) }
        guard !findings.isEmpty else { return (text, 0) }
        var out: [UInt8] = []
        var at = 0
        for f in findings {
            out += bytes[at..<f.start]
            out += Array("[\(Replacer.label(engine.table[f.rule].category))]".utf8)
            at = f.end
        }
        out += bytes[at...]
        return (String(decoding: out, as: UTF8.self), findings.count)
    }
}

/// SHA-256 of a stream fed piece by piece (the log's digest of a document that is never held
/// whole in memory). A class so a scan sink's closure can feed it.
public final class StreamingSHA256: @unchecked Sendable {
    private var hasher = SHA256()
    public init() {}
    public func update(_ bytes: UnsafeBufferPointer<UInt8>) { hasher.update(bufferPointer: UnsafeRawBufferPointer(bytes)) }
    public func hex() -> String { Hex.encode(hasher.finalize()) }
}
