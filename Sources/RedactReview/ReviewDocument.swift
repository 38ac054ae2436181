import Foundation
import RedactApply
import RedactScan

/// A document under review: its bytes, the share it is for, and one ``ReviewItem`` per span.
///
/// A value type: the server keeps it in its review store and replaces it after each step, so a
/// step either happens whole or not at all.
public struct ReviewDocument: Sendable {
    /// Who opened it: only they (and only in their area) may act on it.
    public var owner: String
    public var area: String
    /// The document's file name as uploaded (shown escaped; logged after the log's redactor).
    public var name: String
    public let bytes: [UInt8]
    public var recipient: String
    public var profile: String?
    public var profileVersion: String?
    public var style: RedactionStyle
    public var caseReference: String
    public var items: [ReviewItem]
    /// The profile holds documents with offence information for a second check.
    public var holds: Bool
    /// Set once the disclosure is logged: the copy, its manifest and schedule, and the entry id.
    public var outcome: ReviewOutcome?
    /// The section 14 verdict and the stated basis, for the log.
    public var section14: String? = nil
    public var basis: String? = nil
    /// The pack that found the items, for the manifest.
    public var packName: String
    public var packVersion: String
    /// The document format reviewed as a findings table (`docx`, `eml`, `zip`, `pdf`); nil for
    /// a document shown and redacted as text.
    public var format: String? = nil
    /// The engine that found the items (with the case parties), so finishing finds the same spans.
    var engine: ScanEngine? = nil

    public init(owner: String, area: String, name: String, bytes: [UInt8], recipient: String, profile: String?,
                profileVersion: String?, style: RedactionStyle, caseReference: String, items: [ReviewItem],
                holds: Bool, packName: String, packVersion: String) {
        self.owner = owner
        self.area = area
        self.name = name
        self.bytes = bytes
        self.recipient = recipient
        self.profile = profile
        self.profileVersion = profileVersion
        self.style = style
        self.caseReference = caseReference
        self.items = items
        self.holds = holds
        self.packName = packName
        self.packVersion = packVersion
    }

    public func item(_ id: Int) throws(ReviewError) -> ReviewItem {
        guard let it = items.first(where: { $0.id == id }) else { throw ReviewError(.unknownItem, "no item \(id) in this review") }
        return it
    }

    private mutating func change(_ id: Int, _ body: (inout ReviewItem) -> Void) throws(ReviewError) {
        guard outcome == nil else { throw ReviewError(.finished, "this review is finished: its disclosure is logged") }
        guard !scanOnly else { throw ReviewError(.unsupported, DocumentReview.pdfRefusal) }
        guard let i = items.firstIndex(where: { $0.id == id }) else { throw ReviewError(.unknownItem, "no item \(id) in this review") }
        body(&items[i])
        items[i].reviewed = true
    }

    /// Redact the span (the operator agrees it is personal data to remove).
    public mutating func accept(_ id: Int, justification: String) throws(ReviewError) {
        try change(id) {
            $0.status = .redact
            $0.justification = justification
            $0.keepReason = nil
        }
    }

    /// Not personal data: leave it, and do not list it.
    public mutating func reject(_ id: Int) throws(ReviewError) {
        let it = try item(id)
        guard it.origin == .scanner else {
            // A manual span the operator no longer wants is simply removed.
            guard outcome == nil else { throw ReviewError(.finished, "this review is finished: its disclosure is logged") }
            items.removeAll { $0.id == id }
            return
        }
        try change(id) {
            $0.status = .rejected
            $0.keepReason = nil
        }
    }

    /// Personal data left in by decision, with a keep justification code and a reason.
    public mutating func keep(_ id: Int, justification: String, reason: String) throws(ReviewError) {
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ReviewError(.missingReason, "a decision to keep needs a reason") }
        try change(id) {
            $0.status = .keep
            $0.justification = justification
            $0.keepReason = trimmed
        }
    }

    /// Adds a manual redaction over `start..<end` (byte offsets). Items it overlaps are folded
    /// into it (the span grows to cover them), so a manual span never leaves part of a finding
    /// unredacted. Returns the new item's id.
    @discardableResult
    public mutating func addManual(start: Int, end: Int, category: String, justification: String, operatorID: String) throws(ReviewError) -> Int {
        guard outcome == nil else { throw ReviewError(.finished, "this review is finished: its disclosure is logged") }
        guard format == nil else {
            throw ReviewError(.unsupported, "manual redactions are not available for a \(format!.uppercased()) document: only its findings can be decided here")
        }
        guard start >= 0, end <= bytes.count, start < end else {
            throw ReviewError(.badSpan, "the selection \(start)-\(end) is not a span of this document (\(bytes.count) bytes)")
        }
        var s = start, e = end
        // Whole characters only: a selection's edges never split a UTF-8 sequence.
        while s > 0 && bytes[s] & 0xC0 == 0x80 { s -= 1 }
        while e < bytes.count && bytes[e] & 0xC0 == 0x80 { e += 1 }
        var folded = true
        while folded {
            folded = false
            for it in items where it.status != .rejected && it.start < e && s < it.end && (it.start < s || it.end > e) {
                s = min(s, it.start)
                e = max(e, it.end)
                folded = true
            }
        }
        items.removeAll { $0.start < e && s < $0.end }
        let id = (items.map(\.id).max() ?? 0) + 1
        items.append(ReviewItem(id: id, start: s, end: e, category: category, rule: "manual", origin: .manual,
                                reason: "Added by hand by operator \(operatorID)", justification: justification,
                                status: .redact, reviewed: true))
        items.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        return id
    }

    /// The items as they will be written: rejected ones left out, in order of `start`.
    public var decided: [ReviewItem] { items.filter { $0.status != .rejected }.sorted { $0.start < $1.start } }

    /// A PDF: its findings are shown, nothing is decided or redacted here.
    public var scanOnly: Bool { format == "pdf" }

    /// How many items the operator has not looked at yet.
    public var unreviewed: Int { items.filter { !$0.reviewed }.count }
}
