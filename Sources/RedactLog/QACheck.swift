import Foundation

/// The outcome of a QA second check of one redacted copy (`redact qa`).
public enum QAResult: String, Sendable, CaseIterable {
    case pass
    case fail
}

/// One QA second check as the log records it (entry kind `qa-check`): who checked which
/// redacted copy, when, and how many problems of each kind were found. Never any text of the
/// document; the document name passes through the store's ``FreeTextRedactor``.
///
/// ```swift
/// try log.recordQACheck(QACheckRecord(area: "cps-wessex", checker: "op-2", documentName: "mg11.txt",
///     originalSHA256: a, redactedSHA256: b, result: .pass, spans: 12, packVersion: p, toolVersion: v))
/// ```
public struct QACheckRecord: Sendable, Equatable {
    /// The entry id (time-ordered UUID).
    public var id: UUID
    public var checkedAt: Date
    /// An area code from `reference/areas.tsv`.
    public var area: String
    public var unit: String?
    public var caseReference: String?
    /// The id of the second checker.
    public var checker: String
    /// The redacted copy's file name.
    public var documentName: String
    public var originalSHA256: String
    public var redactedSHA256: String
    /// The disclosure whose copy was checked; nil lets the store look it up by `redactedSHA256`
    /// among the area's disclosures (and stay nil when the log has none).
    public var disclosureEntry: UUID?
    public var result: QAResult
    /// Spans in the manifest.
    public var spans: Int
    /// Findings of the scanner left in the redacted copy (under-redaction).
    public var findingsLeft: Int
    /// Stretches outside the manifest's spans that differ from the original (over-redaction,
    /// damage, truncation).
    public var changedOutside: Int
    /// Manifest spans whose output is not a mark of their style (or a kept span that changed).
    public var spansNotRedacted: Int
    /// Mismatches between the manifest and the files (digests, sizes, malformed spans).
    public var manifestProblems: Int
    public var packVersion: String
    public var toolVersion: String

    public init(id: UUID = .timeOrdered(), checkedAt: Date = Date(), area: String, unit: String? = nil,
                caseReference: String? = nil, checker: String, documentName: String, originalSHA256: String,
                redactedSHA256: String, disclosureEntry: UUID? = nil, result: QAResult, spans: Int,
                findingsLeft: Int = 0, changedOutside: Int = 0, spansNotRedacted: Int = 0, manifestProblems: Int = 0,
                packVersion: String, toolVersion: String) {
        self.id = id
        self.checkedAt = checkedAt
        self.area = area
        self.unit = unit
        self.caseReference = caseReference
        self.checker = checker
        self.documentName = documentName
        self.originalSHA256 = originalSHA256
        self.redactedSHA256 = redactedSHA256
        self.disclosureEntry = disclosureEntry
        self.result = result
        self.spans = spans
        self.findingsLeft = findingsLeft
        self.changedOutside = changedOutside
        self.spansNotRedacted = spansNotRedacted
        self.manifestProblems = manifestProblems
        self.packVersion = packVersion
        self.toolVersion = toolVersion
    }
}

/// A disclosure as `redact qa sample` lists it: enough to find the copy, nothing more.
public struct DisclosureSummary: Sendable, Equatable {
    public var entryID: String
    public var recordedAt: Date
    public var area: String
    public var caseReference: String
    /// The document name as stored (already passed through the log's redactor).
    public var documentName: String
    public var redactedSHA256: String
    public var recipient: String

    public init(entryID: String, recordedAt: Date, area: String, caseReference: String, documentName: String,
                redactedSHA256: String, recipient: String) {
        self.entryID = entryID
        self.recordedAt = recordedAt
        self.area = area
        self.caseReference = caseReference
        self.documentName = documentName
        self.redactedSHA256 = redactedSHA256
        self.recipient = recipient
    }
}
