import Foundation

/// What `redact apply` holds for one run: the log and the run's context, so recording a document
/// is one call.
///
/// ```swift
/// let recorder = DisclosureRecorder(store: log, context: ctx)
/// try recorder.record(document: path, original: input, redacted: output, redactions: spans)
/// ```
public struct DisclosureRecorder: Sendable {
    public let store: any LogStore
    public let context: LogContext

    public init(store: any LogStore, context: LogContext) {
        self.store = store
        self.context = context
    }

    /// Records one redacted document: digests of both versions and one row per redaction.
    @discardableResult
    public func record<A: DataProtocol, B: DataProtocol>(
        document name: String, original: A, redacted: B, redactions: [RedactionRecord],
        disclosedAt: Date = Date(), id: UUID = .timeOrdered(), corrects: UUID? = nil
    ) throws -> EntryReceipt {
        try store.recordDisclosure(DisclosureEvent(
            id: id, disclosedAt: disclosedAt, context: context, documentName: name,
            originalSHA256: LogDigest.sha256Hex(original), redactedSHA256: LogDigest.sha256Hex(redacted),
            redactions: redactions, corrects: corrects))
    }

    /// Records one redacted document whose digests were computed while it streamed (`apply`
    /// hashes both sides as it writes, so it never holds a whole document).
    @discardableResult
    public func record(
        document name: String, originalSHA256: String, redactedSHA256: String, redactions: [RedactionRecord],
        disclosedAt: Date = Date(), id: UUID = .timeOrdered(), corrects: UUID? = nil
    ) throws -> EntryReceipt {
        try store.recordDisclosure(DisclosureEvent(
            id: id, disclosedAt: disclosedAt, context: context, documentName: name,
            originalSHA256: originalSHA256, redactedSHA256: redactedSHA256, redactions: redactions, corrects: corrects))
    }
}

/// What `redact check --log ... --source ORG` holds for one run.
///
/// ```swift
/// let gate = GateRecorder(store: log, context: gateContext)
/// if !counts.isEmpty { try gate.record(document: path, bytes: input, counts: counts) }
/// ```
public struct GateRecorder: Sendable {
    public let store: any LogStore
    public let context: GateContext

    public init(store: any LogStore, context: GateContext) {
        self.store = store
        self.context = context
    }

    /// Records a file in which the gate found personal data (`counts`: findings per category).
    /// A file with no findings records nothing and returns nil.
    @discardableResult
    public func record<B: DataProtocol>(document name: String, bytes: B, counts: [String: Int],
                                        detectedAt: Date = Date()) throws -> EntryReceipt? {
        guard counts.values.contains(where: { $0 > 0 }) else { return nil }
        return try store.recordGateFinding(GateFinding(
            context: context, documentName: name, documentSHA256: LogDigest.sha256Hex(bytes),
            counts: counts.filter { $0.value > 0 }, detectedAt: detectedAt))
    }

    /// As `record(document:bytes:counts:)`, with the digest computed while the file streamed.
    /// `id` is the breach id: a caller that may record the same document twice (a queue job run
    /// again) passes a fixed one, and the second record is refused as a `.conflict`.
    @discardableResult
    public func record(document name: String, sha256: String, counts: [String: Int],
                       detectedAt: Date = Date(), id: UUID = .timeOrdered()) throws -> EntryReceipt? {
        guard counts.values.contains(where: { $0 > 0 }) else { return nil }
        return try store.recordGateFinding(GateFinding(
            id: id, context: context, documentName: name, documentSHA256: sha256,
            counts: counts.filter { $0.value > 0 }, detectedAt: detectedAt))
    }
}
