import Crypto
import Foundation
import RedactApply
import RedactCore
import RedactLog

/// What finishing a review produced: the recipient's copy, its manifest and schedule, and the
/// log entry of the disclosure.
public struct ReviewOutcome: Sendable {
    public var redacted: [UInt8]
    public var manifest: Manifest
    public var manifestJSON: [UInt8]
    public var scheduleCSV: String
    public var records: [RedactionRecord]
    /// Set when the disclosure has been logged.
    public var entryID: UUID?
    public var held: Bool
}

/// Writes the recipient's copy of a reviewed document in memory, with the same marks, manifest
/// and schedule as `redact apply`: every byte outside a decided span is copied exactly.
public struct ReviewRedactor: Sendable {
    public let replacer: Replacer
    public let toolVersion: String
    /// The category's default justification, for the schedule of a span without one.
    public let defaultJustification: @Sendable (String) -> String?

    public init(replacer: Replacer, toolVersion: String, defaultJustification: @escaping @Sendable (String) -> String? = { _ in nil }) {
        self.replacer = replacer
        self.toolVersion = toolVersion
        self.defaultJustification = defaultJustification
    }

    public func render(_ doc: ReviewDocument) -> ReviewOutcome {
        let bytes = doc.bytes
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var entries: [RedactionEntry] = []
        var records: [RedactionRecord] = []
        var counts: [String: Int] = [:]
        var at = 0
        bytes.withUnsafeBufferPointer { buf in
            for it in doc.decided where it.start >= at {
                out += buf[at..<it.start]
                let outStart = out.count
                let value = UnsafeBufferPointer(rebasing: buf[it.start..<it.end])
                let style: String
                if it.status == .keep {
                    out += value
                    style = keepStyle
                } else {
                    replacer.replacement(category: Category(it.category), value: value, canonical: nil, into: &out)
                    counts[it.category, default: 0] += 1
                    style = replacer.style.rawValue
                }
                entries.append(RedactionEntry.make(category: it.category, rule: it.rule, style: style,
                                              original: ByteRange(start: it.start, end: it.end),
                                              output: ByteRange(start: outStart, end: out.count), role: it.role,
                                              justification: it.justification))
                var r = RedactionRecord(category: it.category, rule: it.rule, start: it.start, end: it.end, style: style,
                                        justification: it.justification)
                r.reason = it.status == .keep ? it.keepReason : nil
                records.append(r)
                at = it.end
            }
            out += buf[at...]
        }
        let manifest = Manifest(
            toolVersion: toolVersion, pack: doc.packName, packVersion: doc.packVersion, source: doc.name,
            output: doc.name, style: replacer.style.rawValue,
            sha256Original: Hex.encode(SHA256.hash(data: bytes)), sha256Redacted: Hex.encode(SHA256.hash(data: out)),
            bytesOriginal: bytes.count, bytesRedacted: out.count, counts: counts, redactions: entries)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let json = ((try? encoder.encode(manifest)) ?? Data()) + Data("\n".utf8)
        return ReviewOutcome(redacted: out, manifest: manifest, manifestJSON: [UInt8](json),
                             scheduleCSV: schedule(manifest, redacted: out), records: records, entryID: nil, held: false)
    }

    /// The redaction schedule (`ScheduleWriter`'s rows and CSV), located in the in-memory copy.
    func schedule(_ manifest: Manifest, redacted: [UInt8]) -> String {
        let writer = ScheduleWriter(defaultJustification: defaultJustification)
        let entries = manifest.redactions.filter { $0.style != keepStyle }.sorted { $0.output.start < $1.output.start }
        var rows: [ScheduleWriter.Row] = []
        var line = 1, lineStart = 0, i = 0
        for (n, e) in entries.enumerated() {
            while i < e.output.start && i < redacted.count {
                if redacted[i] == 0x0A { line += 1; lineStart = i + 1 }
                i += 1
            }
            rows.append(ScheduleWriter.Row.make(item: n + 1, line: line, column: e.output.start - lineStart + 1,
                                           start: e.output.start, end: e.output.end, category: e.category,
                                           justification: e.justification ?? defaultJustification(e.category) ?? "-"))
        }
        return writer.csv(rows)
    }
}
