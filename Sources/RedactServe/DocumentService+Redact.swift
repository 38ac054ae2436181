import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RedactApply
import RedactCore
import RedactFormats
import RedactLog
import RedactProfiles
import RedactScan

/// The outcome of redacting one body: the copy (still on disk, in the request's folder), its
/// manifest, and the rows the log records.
public struct RedactOutcome: Sendable {
    public var redactedPath: String
    /// The document format's id, nil for plain text.
    public var format: String? = nil
    public var manifest: Manifest
    public var records: [RedactionRecord]
    public var held: Bool
}

extension DocumentService {
    /// Redacts a spooled body into `DIR/redacted.txt` (the manifest is returned, not kept).
    /// - Parameters:
    ///   - policy: what the recipient's copy redacts and keeps.
    ///   - valueKey: HMAC key for each redacted value's log row (nil: none).
    /// - Throws: ``ServeProblem`` (415 binary, 500 otherwise).
    public func redact(_ doc: SpooledDocument, style: RedactionStyle, caseReference: String, policy: RedactionPolicy,
                       valueKey: [UInt8]?) throws -> RedactOutcome {
        let input = Input(path: doc.path)
        let (factory, pool) = try engines(for: policy)
        let engine: ScanEngine
        do { engine = try factory.engine(for: input) } catch {
            throw ServeProblem(.unprocessableContent, "the party list could not be read", code: "invalid-names")
        }
        let path = doc.path
        if let format = formats.format(for: input) {
            return try redactDocument(doc, input: input, format: format, engine: engine, factory: factory, pool: pool, style: style,
                                      caseReference: caseReference, policy: policy, valueKey: valueKey)
        }
        var applier = Applier(scanner: factory.setup.streamScanner(engine: engine),
                              replacer: Replacer(style: style, key: nil, caseReference: caseReference),
                              toolVersion: version, overwrite: true)
        applier.valueKey = valueKey
        applier.schedule = nil
        applier.decide = { facts in
            let d = policy.decide(path: path, category: facts.category, rule: facts.rule,
                                  role: facts.role.flatMap(PartyRole.init(rawValue:)), start: facts.start, end: facts.end)
            return SpanDecision(redact: d.redacted, justification: d.justification)
        }
        // The copy goes to a private work file: it is answered and deleted, so no sync, no rename.
        let out = (doc.directory as NSString).appendingPathComponent("redacted.txt")
        let fd = open(out, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw ServeProblem(.internalServerError, "cannot create the work file") }
        defer { close(fd) }
        let result = engine === factory.shared
            ? pool.withScratch { applier.apply(input, into: fd, outputName: "-", scratch: $0) }
            : applier.apply(input, into: fd, outputName: "-", scratch: engine.makeScratch())
        let outcome: ApplyOutcome
        switch result {
        case .success(let o): outcome = o
        case .failure: throw ServeProblem(.internalServerError, "the document could not be redacted", code: "redact-failed")
        }
        if outcome.skippedBinary { throw Self.binary }
        guard let manifest = outcome.manifest else {
            throw ServeProblem(.internalServerError, "the document could not be redacted", code: "redact-failed")
        }
        return RedactOutcome(redactedPath: out, manifest: manifest, records: Self.records(manifest, path: path, policy: policy, valueHMACs: outcome.valueHMACs),
                             held: policy.holds(categories: manifest.redactions.map(\.category)))
    }

    /// A body the format registry reads: redacted by its format into `DIR/redacted.EXT`.
    func redactDocument(_ doc: SpooledDocument, input: Input, format: any DocumentFormat, engine: ScanEngine, factory: EngineFactory,
                        pool: ScratchPool, style: RedactionStyle, caseReference: String, policy: RedactionPolicy,
                        valueKey: [UInt8]?) throws -> RedactOutcome {
        let replacer = Replacer(style: style, key: nil, caseReference: caseReference)
        let finder = EngineTextFinder(engine: engine, replacer: replacer, valueKey: valueKey, pool: engine === factory.shared ? pool : nil)
        var applier = DocumentApplier(runner: formats, finder: finder, toolVersion: version, overwrite: true)
        let path = doc.path
        applier.judge = { located in
            let s = located.span
            let d = policy.decide(path: path, category: s.category.rawValue, rule: s.rule, role: s.role.flatMap(PartyRole.init(rawValue:)),
                                  start: s.start, end: s.end)
            return SpanVerdict(redact: d.redacted, justification: d.justification)
        }
        applier.schedule = nil
        let out = (doc.directory as NSString).appendingPathComponent("redacted." + doc.fileExtension)
        if format.id == "pdf" { throw Self.problem(FormatError(.unsupported, path: path, detail: ""), format: format.id) }
        let outcome: ApplyOutcome
        switch applier.apply(input, format: format, outputPath: out) {
        case .success(let o): outcome = o
        case .failure(let f):
            _ = f
            throw ServeProblem(.unprocessableContent, "the body could not be read or redacted as \(format.id)", code: "format-corrupt")
        }
        guard let manifest = outcome.manifest else {
            throw ServeProblem(.internalServerError, "the document could not be redacted", code: "redact-failed")
        }
        var result = RedactOutcome(redactedPath: out, manifest: manifest,
                                   records: Self.records(manifest, path: path, policy: policy, valueHMACs: outcome.valueHMACs),
                                   held: policy.holds(categories: manifest.redactions.map(\.category)))
        result.format = format.id
        return result
    }

    /// The log rows of a manifest: each redaction and each decision to keep, with its reason.
    static func records(_ manifest: Manifest, path: String, policy: RedactionPolicy, valueHMACs: [String]) -> [RedactionRecord] {
        manifest.redactions.enumerated().map { i, e -> RedactionRecord in
            var reason: String? = nil
            if e.style == keepStyle {
                reason = policy.decide(path: path, category: e.category, rule: e.rule,
                                       role: e.role.flatMap(PartyRole.init(rawValue:)), start: e.original.start, end: e.original.end).reason
            }
            var r = RedactionRecord(category: e.category, rule: e.rule, start: e.original.start, end: e.original.end,
                                    style: e.style, justification: e.justification,
                                    valueHMAC: i < valueHMACs.count ? valueHMACs[i] : nil)
            r.reason = reason
            return r
        }
    }
}
