import Foundation
import RedactApply
import RedactCore
import RedactFormats
import RedactLog
import RedactQueue
import RedactScan

/// Does one queue job the way `redact check` does one input: the same engine, document formats,
/// recipient filter and counts, and with a log the same gate finding (once per job, through
/// ``JobLogger``). The queue then holds what `check` would have printed for the file.
///
/// `@unchecked Sendable`: every part is read-only after set-up and `check` already uses the same
/// parts from several threads at once (the engine factory and scratch pool are built for it).
struct JobScanner: @unchecked Sendable {
    let factory: EngineFactory
    let filter: ProfileFilter?
    let formats: FormatOptions
    let chunkSize: Int
    let pool: ScratchPool
    let logger: JobLogger?

    func process(_ job: Job) -> JobOutcome {
        let input = Input(path: job.path)
        if factory.isPartyList(input) { return .done(JobResult(outcome: .skipped, bytesScanned: 0)) }
        let digest = logger == nil ? nil : StreamingSHA256()
        let observer = digest.map { d in { (bytes: UnsafeBufferPointer<UInt8>) in d.update(bytes) } }
        var counts: [Category: Int] = [:]
        let bytes: Int
        if let document = formats.runner(chunkSize: chunkSize).format(for: input) {
            let result = formats.scanDocument(input, format: document, factory: factory, pool: pool, chunkSize: chunkSize,
                                              keep: filter != nil, observer: observer)
            if let e = result.error { return Self.outcome(e) }
            if let filter {
                for d in result.findings where filter.reported(d, path: job.path) { counts[d.span.span.category, default: 0] += 1 }
            } else {
                counts = result.counts
            }
            bytes = result.bytes
        } else {
            let result = factory.scanFile(input, pool: pool, withLines: false, observer: observer, keep: filter != nil)
            if let e = result.error { return Self.outcome(e) }
            if result.skippedBinary { return .done(JobResult(outcome: .skipped, bytesScanned: 0)) }
            if let filter {
                let parties = filter.parties(for: input)
                counts = filter.counts(result.findings.filter { filter.reported($0, path: job.path, parties: parties) })
            } else {
                for (rule, n) in result.ruleCounts.enumerated() where n > 0 { counts[factory.shared.table[Int32(rule)].category, default: 0] += n }
            }
            bytes = result.bytes
        }
        let byID = Dictionary(uniqueKeysWithValues: counts.filter { $0.value > 0 }.map { ($0.key.rawValue, $0.value) })
        if byID.isEmpty { return .done(JobResult(outcome: .clean, bytesScanned: Int64(bytes))) }
        var entry: UUID? = nil
        if let logger, let digest {
            do {
                entry = try logger.record(job, sha256: digest.hex(), counts: byID)
            } catch let e as LogError {
                return Self.outcome(e)
            } catch {
                return .stop(reason: "the log: \(type(of: error))")
            }
        }
        return .done(JobResult(outcome: .found, counts: byID, bytesScanned: Int64(bytes), logEntry: entry))
    }

    /// A file this machine cannot open may open on another (a missing mount): retry. A file that
    /// is not what it claims to be (a malformed party list) will not improve: fail. The reason
    /// is the cause only, never the path or content.
    static func outcome(_ e: ScanError) -> JobOutcome {
        switch e.kind {
        case .notFound, .unreadable, .io, .isDirectory: .retry(reason: e.detail)
        case .binary, .invalidNames, .invalidPack: .failed(reason: e.detail)
        }
    }

    /// A corrupt or oversized document fails for good; a missing tool (`pdftotext`) is this
    /// machine's problem: retry. The part name is left out (a zip member's name is content).
    static func outcome(_ e: FormatError) -> JobOutcome {
        let reason = "\(e.kind.rawValue): \(e.reason)"
        return e.kind == .toolMissing ? .retry(reason: reason) : .failed(reason: reason)
    }

    /// Storage trouble with the log stops the worker (every job would fail the same way); a
    /// refused value fails this job.
    static func outcome(_ e: LogError) -> JobOutcome {
        let reason = "the log: \(e.kind.rawValue): \(e.message)"
        switch e.kind {
        case .busy, .storage, .readOnly, .storageFull, .unsupportedSchema: return .stop(reason: reason)
        default: return .failed(reason: reason)
        }
    }
}
