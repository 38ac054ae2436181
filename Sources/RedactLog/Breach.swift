import Foundation

/// Where in the flow the personal data was caught (CPS FOI: unredacted material from the police is
/// "a failure to redact", not a breach, until the CPS discloses it).
public enum BreachStage: String, Sendable, CaseIterable, Codable {
    /// Material received from a source organisation without the redactions it needed.
    case incomingFailureToRedact = "incoming-failure-to-redact"
    /// Caught before sharing.
    case nearMiss = "near-miss"
    /// Disclosed: a personal data breach (DPA 2018 s.67 / UK GDPR Art. 33).
    case breach
}

public enum BreachStatus: String, Sendable, CaseIterable, Codable {
    case open, closed
}

/// How a breach version came to be recorded.
public enum RecordedVia: String, Sendable, CaseIterable, Codable {
    /// Typed by a person (`redact breach record|update`).
    case manual
    /// Written by `redact check --log ... --source ORG` for a file where it found personal data.
    case gate
}

/// One data category a breach involved, with the number of findings where a scanner counted them.
public struct BreachDataCategory: Sendable, Equatable {
    /// A taxonomy id (`nhs_number`) or a code from `reference/data-categories.tsv`.
    public var category: String
    public var findings: Int?

    public init(_ category: String, findings: Int? = nil) {
        self.category = category
        self.findings = findings
    }
}

/// One version of a breach or near-miss record: the facts, effects and remedial action
/// (s.67(6), Art. 33(5)), the ICO decision and its reason, and the 72-hour clock.
///
/// Updates are new versions (``LogStore/updateBreach(id:recordedBy:_:)``); every version stays in
/// the log. Free-text fields (`facts`, `effects`, `remedialAction`, `icoDecisionReason`,
/// `lateReason`, `documentName`) pass through the store's ``FreeTextRedactor`` before they are
/// stored, and ``textScanner``/``textRedactions`` say so.
public struct BreachRecord: Sendable, Equatable {
    public var id: UUID
    public var stage: BreachStage
    /// A code from `reference/breach-types.tsv`.
    public var type: String
    /// A code from `reference/severities.tsv`; may be unknown at first.
    public var severity: String?
    public var area: String
    public var unit: String?
    public var caseReference: String?
    /// The organisation that sent the material (incoming failures to redact).
    public var sourceOrganisation: String?
    public var documentName: String?
    public var documentSHA256: String?
    public var occurredAt: Date?
    /// When the organisation became aware: the ICO's 72 hours run from here.
    public var becameAwareAt: Date
    public var detectedAt: Date?
    public var dataCategories: [BreachDataCategory]
    /// Approximate numbers of people and of records affected.
    public var dataSubjects: Int?
    public var records: Int?
    public var facts: String?
    public var effects: String?
    public var remedialAction: String?
    /// `nil` until decided: whether the breach must be reported to the ICO.
    public var icoReportable: Bool?
    /// The reason for the decision (required once a decision is recorded).
    public var icoDecisionReason: String?
    public var icoDecidedAt: Date?
    public var icoReportedAt: Date?
    /// Required when the ICO was told more than 72 hours after `becameAwareAt`.
    public var lateReason: String?
    public var subjectsInformed: Bool?
    public var status: BreachStatus
    /// Entry ids this breach relates to (the disclosure that went wrong).
    public var linkedEntries: [UUID]
    /// The id of the person recording this version.
    public var recordedBy: String
    public var recordedVia: RecordedVia
    public var packVersion: String?
    public var toolVersion: String?

    // Set by the store; ignored on input.
    /// 1 for the first record, then one more per update.
    public internal(set) var version: Int = 0
    /// Minutes from `becameAwareAt` to `icoReportedAt`.
    public internal(set) var minutesToReport: Int?
    /// Whether the ICO was told within 72 hours (nil until reported).
    public internal(set) var deadlineMet: Bool?
    /// The ``FreeTextRedactor/identifier`` that scanned the free text, or `none` if there was none.
    public internal(set) var textScanner: String = "none"
    /// How many spans of the free text were redacted.
    public internal(set) var textRedactions: Int = 0
    /// The entry holding this version, and when it was recorded.
    public internal(set) var entryID: UUID?
    public internal(set) var recordedAt: Date?

    public init(id: UUID = .timeOrdered(), stage: BreachStage, type: String, severity: String? = nil, area: String,
                unit: String? = nil, caseReference: String? = nil, sourceOrganisation: String? = nil,
                documentName: String? = nil, documentSHA256: String? = nil, occurredAt: Date? = nil,
                becameAwareAt: Date, detectedAt: Date? = nil, dataCategories: [BreachDataCategory] = [],
                dataSubjects: Int? = nil, records: Int? = nil, facts: String? = nil, effects: String? = nil,
                remedialAction: String? = nil, icoReportable: Bool? = nil, icoDecisionReason: String? = nil,
                icoDecidedAt: Date? = nil, icoReportedAt: Date? = nil, lateReason: String? = nil,
                subjectsInformed: Bool? = nil, status: BreachStatus = .open, linkedEntries: [UUID] = [],
                recordedBy: String, recordedVia: RecordedVia = .manual, packVersion: String? = nil,
                toolVersion: String? = nil) {
        self.id = id
        self.stage = stage
        self.type = type
        self.severity = severity
        self.area = area
        self.unit = unit
        self.caseReference = caseReference
        self.sourceOrganisation = sourceOrganisation
        self.documentName = documentName
        self.documentSHA256 = documentSHA256
        self.occurredAt = occurredAt
        self.becameAwareAt = becameAwareAt
        self.detectedAt = detectedAt
        self.dataCategories = dataCategories
        self.dataSubjects = dataSubjects
        self.records = records
        self.facts = facts
        self.effects = effects
        self.remedialAction = remedialAction
        self.icoReportable = icoReportable
        self.icoDecisionReason = icoDecisionReason
        self.icoDecidedAt = icoDecidedAt
        self.icoReportedAt = icoReportedAt
        self.lateReason = lateReason
        self.subjectsInformed = subjectsInformed
        self.status = status
        self.linkedEntries = linkedEntries
        self.recordedBy = recordedBy
        self.recordedVia = recordedVia
        self.packVersion = packVersion
        self.toolVersion = toolVersion
    }

    /// The ICO's deadline: 72 hours after becoming aware.
    public var icoDeadline: Date { becameAwareAt.addingTimeInterval(72 * 3600) }
}

/// A breach whose 72-hour clock is running out or has run out with no ICO decision (or with a
/// decision to report and no report yet).
public struct OverdueBreach: Sendable, Equatable {
    public enum Reason: String, Sendable {
        /// No decision on whether to report to the ICO.
        case noDecision = "no-ico-decision"
        /// Decided reportable, not yet reported.
        case notReported = "reportable-not-reported"
    }
    public var breach: BreachRecord
    public var reason: Reason
    /// Hours until the deadline; negative once it has passed.
    public var hoursRemaining: Double
}

/// Which breaches ``LogStore/breaches(_:)`` returns (latest version of each).
public struct BreachFilter: Sendable, Equatable {
    public var area: String?
    public var stage: BreachStage?
    public var status: BreachStatus?
    public var recordedVia: RecordedVia?

    public init(area: String? = nil, stage: BreachStage? = nil, status: BreachStatus? = nil, recordedVia: RecordedVia? = nil) {
        self.area = area
        self.stage = stage
        self.status = status
        self.recordedVia = recordedVia
    }
}

/// Where `redact check --log ... --source ORG` found personal data in incoming material: becomes
/// a breach-register record (stage ``BreachStage/incomingFailureToRedact`` by default, type
/// `failure-to-redact`, status closed, recorded via ``RecordedVia/gate``) so pipelines feed the
/// statistics without anyone typing.
///
/// ```swift
/// try log.recordGateFinding(GateFinding(context: gate, documentName: path,
///     documentSHA256: LogDigest.sha256Hex(bytes), counts: ["nhs_number": 2, "postcode": 1]))
/// ```
public struct GateFinding: Sendable, Equatable {
    public var id: UUID
    public var context: GateContext
    public var documentName: String
    public var documentSHA256: String
    /// Findings per taxonomy category.
    public var counts: [String: Int]
    public var detectedAt: Date

    public init(id: UUID = .timeOrdered(), context: GateContext, documentName: String, documentSHA256: String,
                counts: [String: Int], detectedAt: Date = Date()) {
        self.id = id
        self.context = context
        self.documentName = documentName
        self.documentSHA256 = documentSHA256
        self.counts = counts
        self.detectedAt = detectedAt
    }
}

/// The options of one `redact check --log` run.
public struct GateContext: Sendable, Equatable {
    public var area: String
    public var unit: String?
    public var caseReference: String?
    public var operatorID: String
    /// A code from `reference/sources.tsv` (the police force that sent the material); required
    /// for ``BreachStage/incomingFailureToRedact``.
    public var sourceOrganisation: String?
    /// ``BreachStage/incomingFailureToRedact`` for material as received; ``BreachStage/nearMiss``
    /// when the gate runs on the organisation's own output before it is shared.
    public var stage: BreachStage
    public var packVersion: String
    public var toolVersion: String

    public init(area: String, unit: String? = nil, caseReference: String? = nil, operatorID: String,
                sourceOrganisation: String?, stage: BreachStage = .incomingFailureToRedact,
                packVersion: String, toolVersion: String) {
        self.area = area
        self.unit = unit
        self.caseReference = caseReference
        self.operatorID = operatorID
        self.sourceOrganisation = sourceOrganisation
        self.stage = stage
        self.packVersion = packVersion
        self.toolVersion = toolVersion
    }
}

extension OverdueBreach {
    /// The open breaches whose 72-hour clock has at most `warningHours` left (or has run out) with
    /// no ICO decision, or with a decision to report and no report; most urgent first. The same
    /// rule for every store.
    static func select(from open: [BreachRecord], now: Date, warningHours: Double) -> [OverdueBreach] {
        var out: [OverdueBreach] = []
        for b in open {
            let reason: OverdueBreach.Reason
            if b.icoReportable == nil { reason = .noDecision }
            else if b.icoReportable == true && b.icoReportedAt == nil { reason = .notReported }
            else { continue }
            let remaining = b.icoDeadline.timeIntervalSince(now) / 3600
            if remaining <= warningHours { out.append(OverdueBreach(breach: b, reason: reason, hoursRemaining: remaining)) }
        }
        return out.sorted { $0.hoursRemaining < $1.hoursRemaining }
    }
}
