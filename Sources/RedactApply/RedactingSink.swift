import Crypto
import RedactCore
import RedactScan

/// A scan sink that writes the redacted copy while the input streams past: every byte outside
/// a finding is copied exactly (line endings, BOM and invalid UTF-8 included), each finding is
/// replaced by its mark, and both sides are hashed for the manifest and the log.
public struct RedactingSink: ScanSink {
    public let table: RuleTable
    public let replacer: Replacer
    public var writer: OutputWriter

    private var copied = 0      // absolute input offset copied (or replaced) so far
    private var hashed = 0      // absolute input offset hashed so far
    private var outOffset = 0
    private var inputHash = SHA256()
    private var outputHash = SHA256()
    private var scratch: [UInt8] = []
    public private(set) var entries: [RedactionEntry] = []
    public private(set) var counts: [String: Int] = [:]
    /// With a value key: HMAC-SHA256 of each redacted value, parallel to `entries`, for the log
    /// (never the manifest), so a later leak can be matched by whoever holds the key.
    public var valueKey: [UInt8]? = nil
    public private(set) var valueHMACs: [String] = []
    /// Redact or keep each finding, and why (a sharing profile, `--keep`); nil redacts all.
    public var decide: SpanDecider? = nil

    public init(table: RuleTable, replacer: Replacer, writer: OutputWriter) {
        self.table = table
        self.replacer = replacer
        self.writer = writer
        scratch.reserveCapacity(256)
    }

    public mutating func finding(_ f: Finding, buffer: UnsafeBufferPointer<UInt8>, bufferBase: Int) {
        precondition(f.start >= copied, "findings arrive in order and never overlap")
        emit(UnsafeBufferPointer(rebasing: buffer[(copied - bufferBase)..<(f.start - bufferBase)]))
        let rule = table[f.rule]
        let value = UnsafeBufferPointer(rebasing: buffer[(f.start - bufferBase)..<(f.end - bufferBase)])
        var canonical: [UInt8]? = nil
        var role: String? = nil
        if f.tag >= 0, Int(f.tag) < table.parties.parties.count {
            let party = table.parties.parties[Int(f.tag)]
            canonical = Array(party.name.lowercased().utf8)
            role = party.role.rawValue
        }
        let decision = decide?(SpanFacts(category: rule.category.rawValue, rule: rule.id, role: role, start: f.start, end: f.end))
        let outStart = outOffset
        if let decision, !decision.redact {
            // A decision to keep: the bytes go through unchanged, and the manifest says so.
            emit(value)
        } else {
            scratch.removeAll(keepingCapacity: true)
            replacer.replacement(category: rule.category, value: value, canonical: canonical, into: &scratch)
            scratch.withUnsafeBufferPointer { emit($0) }
            counts[rule.category.rawValue, default: 0] += 1
        }
        entries.append(RedactionEntry(
            category: rule.category.rawValue, rule: rule.id,
            style: decision?.redact == false ? keepStyle : replacer.style.rawValue,
            original: ByteRange(start: f.start, end: f.end), output: ByteRange(start: outStart, end: outOffset), role: role,
            justification: decision?.justification))
        if let valueKey {
            valueHMACs.append(Hex.encode(HMAC<SHA256>.authenticationCode(for: UnsafeRawBufferPointer(value), using: SymmetricKey(data: valueKey))))
        }
        copied = f.end
    }

    public mutating func release(upTo: Int, buffer: UnsafeBufferPointer<UInt8>, bufferBase: Int) {
        if upTo > hashed {
            inputHash.update(bufferPointer: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[(hashed - bufferBase)..<(upTo - bufferBase)])))
            hashed = upTo
        }
        if upTo > copied {
            emit(UnsafeBufferPointer(rebasing: buffer[(copied - bufferBase)..<(upTo - bufferBase)]))
            copied = upTo
        }
    }

    private mutating func emit(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !bytes.isEmpty else { return }
        outputHash.update(bufferPointer: UnsafeRawBufferPointer(bytes))
        writer.write(bytes)
        outOffset += bytes.count
    }

    /// Call once after the scan: the hashes and sizes for the manifest.
    public func summary() -> (sha256Original: String, sha256Redacted: String, bytesOriginal: Int, bytesRedacted: Int) {
        (Hex.encode(inputHash.finalize()), Hex.encode(outputHash.finalize()), hashed, outOffset)
    }
}
