import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RedactApply
import RedactCore
import RedactLog
import RedactProfiles
import RedactScan

/// The outcome of redacting one body: the copy (still on disk, in the request's folder), its
/// manifest, and the rows the log records.
public struct RedactOutcome: Sendable {
    public var redactedPath: String
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
        var applier = Applier(scanner: factory.setup.streamScanner(engine: engine),
                              replacer: Replacer(style: style, key: nil, caseReference: caseReference),
                              toolVersion: version, overwrite: true)
        applier.valueKey = valueKey
        applier.schedule = nil
        let path = doc.path
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
        let held = policy.holds(categories: manifest.redactions.map(\.category))
        let records = manifest.redactions.enumerated().map { i, e -> RedactionRecord in
            var reason: String? = nil
            if e.style == keepStyle {
                reason = policy.decide(path: path, category: e.category, rule: e.rule,
                                       role: e.role.flatMap(PartyRole.init(rawValue:)), start: e.original.start, end: e.original.end).reason
            }
            var r = RedactionRecord(category: e.category, rule: e.rule, start: e.original.start, end: e.original.end,
                                    style: e.style, justification: e.justification,
                                    valueHMAC: i < outcome.valueHMACs.count ? outcome.valueHMACs[i] : nil)
            r.reason = reason
            return r
        }
        return RedactOutcome(redactedPath: out, manifest: manifest, records: records, held: held)
    }
}
