import Foundation
import RedactCore

/// Who is disclosing, for whom and with what: the part of a disclosure event that is the same
/// for every document of one `redact apply` run (its `--area`, `--case`, `--operator`,
/// `--recipient` options and the versions in use).
public struct LogContext: Sendable, Equatable {
    /// An area code from `reference/areas.tsv`.
    public var area: String
    /// The team or unit within the area (a code of the area's choosing), for per-team counts.
    public var unit: String?
    /// The case URN (letters, digits, `/`, `-`, `.`; at most 32).
    public var caseReference: String
    /// The id of the person disclosing (DPA 2018 s.62: the identity of the person who disclosed).
    public var operatorID: String
    /// The id of a second checker, where one checked the redactions.
    public var secondChecker: String?
    /// A recipient type from `reference/recipients.tsv`.
    public var recipient: String
    /// The version of the pattern pack that found the redactions.
    public var packVersion: String
    /// The version of `redact`.
    public var toolVersion: String
    /// The sharing profile used (`patterns/profiles/ID.profile`) and its version.
    public var profile: String? = nil
    public var profileVersion: String? = nil
    /// The section 14 verdict for the share (`authorised`, `needs-other-basis`, `not-applicable`).
    public var section14: String? = nil
    /// The stated basis for a share section 14 does not authorise (free text: redacted before storing).
    public var basis: String? = nil

    public init(area: String, unit: String? = nil, caseReference: String, operatorID: String,
                secondChecker: String? = nil, recipient: String, packVersion: String, toolVersion: String) {
        self.area = area
        self.unit = unit
        self.caseReference = caseReference
        self.operatorID = operatorID
        self.secondChecker = secondChecker
        self.recipient = recipient
        self.packVersion = packVersion
        self.toolVersion = toolVersion
    }
}

/// One redacted (or deliberately kept) span of a document. Never the text itself.
public struct RedactionRecord: Sendable, Equatable {
    /// The taxonomy category (`nhs_number`).
    public var category: String
    /// The id of the rule that found it (`nhs_number.spaced`).
    public var rule: String
    /// Byte offsets into the original document, `end` exclusive.
    public var start: Int
    public var end: Int
    /// How it was redacted (`black-box`, `placeholder`, `mask`, or `keep` when not redacted).
    public var style: String
    /// A justification code; `nil` takes the category's default from the reference data.
    public var justification: String?
    /// HMAC-SHA-256 of the matched value (64 hex digits) under a key the log does not hold, so a
    /// later leak of the value can be traced to this disclosure. See ``ValueHMAC``.
    public var valueHMAC: String?
    /// Why a span was kept, in the operator's words (`--keep ... --reason`): free text, redacted
    /// before storing.
    public var reason: String? = nil

    public init(category: String, rule: String, start: Int, end: Int, style: String,
                justification: String? = nil, valueHMAC: String? = nil) {
        self.category = category
        self.rule = rule
        self.start = start
        self.end = end
        self.style = style
        self.justification = justification
        self.valueHMAC = valueHMAC
    }

    public init(category: Category, rule: String, start: Int, end: Int, style: String,
                justification: String? = nil, valueHMAC: String? = nil) {
        self.init(category: category.rawValue, rule: rule, start: start, end: end, style: style,
                  justification: justification, valueHMAC: valueHMAC)
    }
}

/// One document redacted and shared: the s.62 disclosure record plus one row per redaction.
///
/// ```swift
/// try log.recordDisclosure(DisclosureEvent(context: ctx, documentName: "mg11.txt",
///     originalSHA256: LogDigest.sha256Hex(input), redactedSHA256: LogDigest.sha256Hex(output),
///     redactions: spans))
/// ```
public struct DisclosureEvent: Sendable, Equatable {
    /// The entry id (a UUID, chosen by the caller so a retry after a crash is idempotent).
    public var id: UUID
    /// When the redacted document was produced for sharing (UTC).
    public var disclosedAt: Date
    public var context: LogContext
    /// The document's file name; passed through the store's ``FreeTextRedactor`` before storing.
    public var documentName: String
    /// SHA-256 (hex) of the original and of the redacted bytes.
    public var originalSHA256: String
    public var redactedSHA256: String
    public var redactions: [RedactionRecord]
    /// The entry this one corrects (a correction never edits the old entry).
    public var corrects: UUID?
    /// The copy was held for review, not released (entry kind `hold`; the packs count only
    /// kind `disclosure` as shared).
    public var held = false

    public init(id: UUID = .timeOrdered(), disclosedAt: Date = Date(), context: LogContext, documentName: String,
                originalSHA256: String, redactedSHA256: String, redactions: [RedactionRecord], corrects: UUID? = nil) {
        self.id = id
        self.disclosedAt = disclosedAt
        self.context = context
        self.documentName = documentName
        self.originalSHA256 = originalSHA256
        self.redactedSHA256 = redactedSHA256
        self.redactions = redactions
        self.corrects = corrects
    }
}

/// What the log returns for each entry it appends.
public struct EntryReceipt: Sendable, Equatable {
    public var entryID: UUID
    /// The entry's position in this log's chain (1-based).
    public var seq: Int64
    /// The entry's chain hash (hex SHA-256).
    public var hash: String
}
