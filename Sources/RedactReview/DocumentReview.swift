import Crypto
import Foundation
import RedactApply
import RedactContainers
import RedactCore
import RedactFormats
import RedactLog
import RedactProfiles
import RedactScan

/// DOCX, email, zip and PDF on the review screen: the findings come from the document's format
/// (each with its part's locator and offsets into that part's decoded text), and finishing
/// runs the format's own redaction with a `SpanJudge` built from the operator's decisions, as
/// `redact apply` does with a profile's.
public enum DocumentReview {
    /// The formats reviewed as a findings table. The text-like formats (CSV, TSV, JSON, JSON
    /// Lines) are reviewed as text instead.
    public static let formats: Set<String> = ["docx", "eml", "zip", "pdf"]

    /// Every format this screen can detect (the containers first, as `redact apply` has them).
    public static let registry = DocumentFormats.standard.adding([DocxFormat(), EmailFormat(), ZipBundleFormat()])

    public static let pdfRefusal = "a PDF is shown here for its findings only: " + PDFFormat.refusal

    /// The format of an upload, by its name and first bytes; nil for text.
    public static func detect(name: String, bytes: [UInt8]) -> (any DocumentFormat)? {
        bytes.prefix(8 << 10).withUnsafeBufferPointer { registry.detect(path: name, head: $0) }
    }

    /// The key a decision is found by at redaction: the part, the offsets and the rule.
    struct Key: Hashable {
        var locator: String?
        var start: Int
        var end: Int
        var rule: String
        init(_ s: LocatedSpan) { locator = s.locator; start = s.span.start; end = s.span.end; rule = s.span.rule }
        init(_ it: ReviewItem) { locator = it.locator; start = it.start; end = it.end; rule = it.rule }
    }

    /// The items of a document format, proposed by `policy`. Values are attached only if the
    /// finder's calls map one to one onto the format's findings of the finder's rules (same
    /// order, offsets, rule and category); otherwise no item shows a value.
    static func items(_ bytes: [UInt8], name: String, format: any DocumentFormat, engine: ScanEngine, policy: RedactionPolicy,
                      reasons: RuleReasons) throws -> [ReviewItem] {
        let capture = CapturingFinder(base: EngineTextFinder(engine: engine))
        let env = FormatEnvironment(finder: capture, nested: registry, limits: .default)
        let spans = try format.scan(bytes, path: name, in: env)
        // The findings of the finder's rules must be exactly its calls' spans, in order; the
        // format's own findings (a DOCX's document properties) get no value.
        let seen = capture.seen
        let finderRules = Set(seen.map(\.span.rule))
        let fromFinder = spans.indices.filter { finderRules.contains(spans[$0].span.rule) }
        let mapped = fromFinder.count == seen.count && zip(seen, fromFinder).allSatisfy { a, i in
            let b = spans[i].span
            return a.span.start == b.start && a.span.end == b.end && a.span.rule == b.rule && a.span.category == b.category
        }
        var values: [Int: [UInt8]] = [:]
        if mapped { for (a, i) in zip(seen, fromFinder) { values[i] = a.value } }
        return spans.enumerated().map { i, s in
            let d = policy.decide(path: "", category: s.span.category.rawValue, rule: s.span.rule,
                                  role: s.span.role.flatMap(PartyRole.init(rawValue:)), start: s.span.start, end: s.span.end)
            var it = ReviewItem(id: i + 1, start: s.span.start, end: s.span.end, category: s.span.category.rawValue, rule: s.span.rule,
                                role: s.span.role, origin: .scanner, reason: reasons.reason(rule: s.span.rule, role: s.span.role),
                                justification: d.justification, status: d.redacted ? .redact : .keep,
                                keepReason: d.redacted ? nil : policy.profile.map { "Kept by sharing profile \($0.id)" })
            it.locator = s.locator
            it.field = s.field
            if let v = values[i] { it.value = String(decoding: v, as: UTF8.self) }
            if !finderRules.contains(s.span.rule) && !reasons.knows(rule: s.span.rule) {
                it.reason = "Found by the \(format.id.uppercased()) format in \(s.field ?? s.locator ?? "the document")"
            }
            return it
        }
    }

    /// The judge of a reviewed document: each finding as the operator (or, undecided, the
    /// profile's proposal) decided. A rejected finding is left as it is (and not listed); a
    /// finding the review does not know (none should exist: the same engine finds the same
    /// spans) is redacted.
    static func judge(_ doc: ReviewDocument) -> SpanJudge {
        var byKey: [Key: ReviewItem] = [:]
        for it in doc.items { byKey[Key(it)] = it }
        let decisions = byKey
        return { located in
            guard let it = decisions[Key(located)] else { return SpanVerdict(redact: true) }
            switch it.status {
            case .redact: return SpanVerdict(redact: true, justification: it.justification)
            case .keep: return SpanVerdict(redact: false, justification: it.justification)
            case .rejected: return SpanVerdict(redact: false, justification: nil)
            }
        }
    }

    /// The recipient's copy of a reviewed document, its manifest (with locators) and schedule
    /// (with the `locator` column), and the log's rows. Rejected findings are left in the copy
    /// and listed nowhere, as in a text review.
    static func render(_ doc: ReviewDocument, replacer: Replacer, toolVersion: String,
                       defaultJustification: @escaping @Sendable (String) -> String?) throws(ReviewError) -> ReviewOutcome {
        guard let id = doc.format, let format = registry.format(id: id), let engine = doc.engine else {
            throw ReviewError(.unsupported, "this document's format cannot be redacted here")
        }
        guard !doc.scanOnly, !(format is PDFFormat) else { throw ReviewError(.unsupported, pdfRefusal) }
        let finder = EngineTextFinder(engine: engine, replacer: replacer)
        var env = FormatEnvironment(finder: finder, nested: registry, limits: .default)
        env.judge = judge(doc)
        let redacted: RedactedDocument
        do { redacted = try format.redact(doc.bytes, path: doc.name, in: env) } catch {
            throw ReviewError(.unsupported, "the \(id.uppercased()) document could not be redacted")
        }
        var byKey: [Key: ReviewItem] = [:]
        for it in doc.items { byKey[Key(it)] = it }
        var counts: [String: Int] = [:]
        var entries: [RedactionEntry] = []
        var records: [RedactionRecord] = []
        for r in redacted.redactions {
            let item = byKey[Key(r.original)]
            if item?.status == .rejected { continue }
            let s = r.original.span
            if !r.kept { counts[s.category.rawValue, default: 0] += 1 }
            let style = r.kept ? keepStyle : finder.styleName
            entries.append(RedactionEntry(category: s.category.rawValue, rule: s.rule, style: style,
                                          original: ByteRange(start: s.start, end: s.end),
                                          output: ByteRange(start: r.outputStart, end: r.outputEnd),
                                          role: s.role, justification: r.justification, locator: r.original.locator, field: r.original.field))
            var rec = RedactionRecord(category: s.category.rawValue, rule: s.rule, start: s.start, end: s.end, style: style,
                                      justification: r.justification)
            rec.reason = r.kept ? item?.keepReason : nil
            records.append(rec)
        }
        let manifest = Manifest(toolVersion: toolVersion, pack: doc.packName, packVersion: doc.packVersion, source: doc.name,
                                output: doc.name, style: finder.styleName,
                                sha256Original: Hex.encode(SHA256.hash(data: doc.bytes)),
                                sha256Redacted: Hex.encode(SHA256.hash(data: redacted.bytes)),
                                bytesOriginal: doc.bytes.count, bytesRedacted: redacted.bytes.count,
                                counts: counts, redactions: entries, format: id)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let json = ((try? encoder.encode(manifest)) ?? Data()) + Data("\n".utf8)
        return ReviewOutcome(redacted: redacted.bytes, manifest: manifest, manifestJSON: [UInt8](json),
                             scheduleCSV: schedule(manifest, redacted: redacted.bytes, defaultJustification: defaultJustification),
                             records: records, entryID: nil, held: false)
    }

    /// `ScheduleWriter`'s rows: marks stored as-is located by line and column in the copy,
    /// marks in a part by their locator and offsets into the part's text.
    static func schedule(_ manifest: Manifest, redacted: [UInt8], defaultJustification: @escaping @Sendable (String) -> String?) -> String {
        let writer = ScheduleWriter(defaultJustification: defaultJustification)
        let marks = manifest.redactions.filter { $0.style != keepStyle }
        let inFile = marks.filter { $0.locator == nil }.sorted { $0.output.start < $1.output.start }
        var rows: [ScheduleWriter.Row] = []
        var line = 1, lineStart = 0, i = 0
        for e in inFile {
            while i < e.output.start && i < redacted.count {
                if redacted[i] == 0x0A { line += 1; lineStart = i + 1 }
                i += 1
            }
            rows.append(.make(item: 0, line: line, column: e.output.start - lineStart + 1, start: e.output.start, end: e.output.end,
                              category: e.category, justification: e.justification ?? defaultJustification(e.category) ?? "-"))
        }
        for e in marks where e.locator != nil {
            var row = ScheduleWriter.Row.make(item: 0, line: 0, column: 0, start: e.output.start, end: e.output.end, category: e.category,
                                              justification: e.justification ?? defaultJustification(e.category) ?? "-")
            row.locator = e.locator
            rows.append(row)
        }
        for n in rows.indices { rows[n].item = n + 1 }
        return writer.csv(rows)
    }
}

/// The engine's finder, remembering each span it returns with its value, in call order.
final class CapturingFinder: TextFinder, @unchecked Sendable {
    let base: EngineTextFinder
    private let lock = NSLock()
    private var captured: [(span: TextSpan, value: [UInt8])] = []

    init(base: EngineTextFinder) { self.base = base }

    var seen: [(span: TextSpan, value: [UInt8])] { lock.withLock { captured } }

    func spans(in text: UnsafeBufferPointer<UInt8>, context: FieldContext?) -> [TextSpan] {
        let found = base.spans(in: text, context: context)
        let values = found.map { s -> [UInt8] in
            s.start >= 0 && s.end <= text.count && s.start <= s.end ? Array(text[s.start..<s.end]) : []
        }
        lock.withLock { for (s, v) in zip(found, values) { captured.append((s, v)) } }
        return found
    }

    func mark(for span: TextSpan, value: UnsafeBufferPointer<UInt8>) -> [UInt8] { base.mark(for: span, value: value) }
    var styleName: String { base.styleName }
}
