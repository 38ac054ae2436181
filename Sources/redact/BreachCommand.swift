import ArgumentParser
import Foundation
import RedactLog

/// `redact breach record|update|list|show`: the breach and near-miss register.
///
/// Free-text options (`--facts`, `--effects`, `--remedial-action`, `--decision-reason`,
/// `--late-reason`) are scanned and redacted before they are stored (see ``RedactorHook``).
struct BreachCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "breach",
        abstract: "Record, update, list and show breaches and near misses.",
        subcommands: [Record.self, Update.self, List.self, Show.self])

    enum YesNo: String, ExpressibleByArgument, CaseIterable {
        case yes, no
        var bool: Bool { self == .yes }
    }

    /// The fields a person may set when recording or updating a breach.
    struct Fields: ParsableArguments {
        @Option(help: "Breach type (see `redact reference breach-types`).") var type: String?
        @Option(help: "very-minor, retained-within-cjs or severe.") var severity: String?
        @Option(help: "Team or unit within the area.") var unit: String?
        @Option(name: .customLong("case"), help: "Case URN.") var caseReference: String?
        @Option(help: "Organisation that sent the material (see `redact reference sources`).") var source: String?
        @Option(help: ArgumentHelp("When it happened.", valueName: "time")) var occurred: String?
        @Option(help: ArgumentHelp("When the organisation became aware (the 72 hours run from here).", valueName: "time"))
        var becameAware: String?
        @Option(help: ArgumentHelp("When it was detected.", valueName: "time")) var detected: String?
        @Option(name: .customLong("category"),
                help: ArgumentHelp("A data category, optionally with a count (nhs_number:2). Repeat for each.", valueName: "id[:n]"))
        var categories: [String] = []
        @Option(help: "Approximate number of people affected.") var subjects: Int?
        @Option(help: "Approximate number of records affected.") var records: Int?
        @Option(help: "What happened (redacted before storing).") var facts: String?
        @Option(help: "Its effects on the people concerned (redacted before storing).") var effects: String?
        @Option(help: "Remedial action taken (redacted before storing).") var remedialAction: String?
        @Option(help: "Whether it must be reported to the ICO: yes or no.") var icoReportable: YesNo?
        @Option(help: "The reason for the ICO decision (redacted before storing).") var decisionReason: String?
        @Option(help: ArgumentHelp("When the ICO decision was taken.", valueName: "time")) var decidedAt: String?
        @Option(help: ArgumentHelp("When it was reported to the ICO.", valueName: "time")) var reportedAt: String?
        @Option(help: "Why the ICO was told after 72 hours (redacted before storing).") var lateReason: String?
        @Option(help: "Whether the people concerned were told: yes or no.") var subjectsInformed: YesNo?
        @Option(help: "open or closed.") var status: BreachStatus?
        @Option(name: .customLong("link"), help: ArgumentHelp("A related log entry id. Repeat for each.", valueName: "entry-id"))
        var links: [String] = []

        /// Applies the options that were given to `r`.
        func apply(to r: inout BreachRecord) throws {
            if let type { r.type = type }
            if let severity { r.severity = severity }
            if let unit { r.unit = unit }
            if let caseReference { r.caseReference = caseReference }
            if let source { r.sourceOrganisation = source }
            if let d = try LogFailure.time(occurred, option: "--occurred") { r.occurredAt = d }
            if let d = try LogFailure.time(becameAware, option: "--became-aware") { r.becameAwareAt = d }
            if let d = try LogFailure.time(detected, option: "--detected") { r.detectedAt = d }
            for c in categories {
                let parts = c.split(separator: ":", maxSplits: 1).map(String.init)
                var n: Int?
                if parts.count == 2 {
                    guard let x = Int(parts[1]) else { throw ValidationError("--category: expected ID or ID:COUNT") }
                    n = x
                }
                r.dataCategories.removeAll { $0.category == parts[0] }
                r.dataCategories.append(BreachDataCategory(parts[0], findings: n))
            }
            if let subjects { r.dataSubjects = subjects }
            if let records { r.records = records }
            if let facts { r.facts = facts }
            if let effects { r.effects = effects }
            if let remedialAction { r.remedialAction = remedialAction }
            if let icoReportable { r.icoReportable = icoReportable.bool }
            if let decisionReason { r.icoDecisionReason = decisionReason }
            if let d = try LogFailure.time(decidedAt, option: "--decided-at") { r.icoDecidedAt = d }
            if let d = try LogFailure.time(reportedAt, option: "--reported-at") { r.icoReportedAt = d }
            if let lateReason { r.lateReason = lateReason }
            if let subjectsInformed { r.subjectsInformed = subjectsInformed.bool }
            if let status { r.status = status }
            for l in links {
                guard let id = UUID(uuidString: l) else { throw ValidationError("--link: expected an entry id (a UUID)") }
                if !r.linkedEntries.contains(id) { r.linkedEntries.append(id) }
            }
        }
    }

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "record", abstract: "Record a new breach or near miss; prints its id.")

        @OptionGroup var log: LogOptions
        @Option(help: "Area code (see `redact reference areas`).") var area: String
        @Option(help: "incoming-failure-to-redact, near-miss or breach.") var stage: BreachStage
        @Option(name: .customLong("operator"), help: "Id of the person recording it.") var operatorID: String
        @OptionGroup var fields: Fields

        func validate() throws {
            if fields.type == nil { throw ValidationError("--type is required") }
            if fields.becameAware == nil { throw ValidationError("--became-aware is required") }
        }

        func run() throws {
            var r = BreachRecord(stage: stage, type: "", area: area, becameAwareAt: Date(), recordedBy: operatorID)
            try fields.apply(to: &r)
            let store = try log.open()
            try LogFailure.map { try store.recordBreach(r) }
            print(r.id.uuidString.lowercased())
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update",
            abstract: "Record a new version of a breach; the earlier versions stay in the log.")

        @OptionGroup var log: LogOptions
        @Argument(help: "The breach id.") var id: String
        @Option(name: .customLong("operator"), help: "Id of the person recording the update.") var operatorID: String
        @Option(help: "incoming-failure-to-redact, near-miss or breach.") var stage: BreachStage?
        @OptionGroup var fields: Fields

        func run() throws {
            guard let uuid = UUID(uuidString: id) else { throw ValidationError("expected a breach id (a UUID)") }
            let store = try log.open()
            let receipt = try LogFailure.map {
                try store.updateBreach(id: uuid, recordedBy: operatorID) { r in
                    if let stage { r.stage = stage }
                    try fields.apply(to: &r)
                }
            }
            let version = try LogFailure.map { try store.breachHistory(id: uuid).last?.version ?? 0 }
            print("\(uuid.uuidString.lowercased()) version \(version) (entry \(receipt.seq))")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List breaches (latest versions), or with --overdue those whose 72-hour ICO clock is running out.")

        @OptionGroup var log: LogOptions
        @Flag(help: "Only breaches with no ICO decision (or reportable and not reported) and less than --warning-hours left.")
        var overdue = false
        @Option(help: "With --overdue: how many hours before the deadline to start listing.") var warningHours: Double = 24
        @Option(help: "Only this area.") var area: String?
        @Option(help: "Only this stage.") var stage: BreachStage?
        @Option(help: "Only this status.") var status: BreachStatus?

        func run() throws {
            let store = try log.open(readOnly: true)
            if overdue {
                for o in try LogFailure.map({ try store.overdueBreaches(warningHours: warningHours) })
                where area == nil || o.breach.area == area {
                    let h = o.hoursRemaining
                    let when = h < 0 ? String(format: "%.1f h overdue", -h) : String(format: "%.1f h left", h)
                    print([o.breach.id.uuidString.lowercased(), o.breach.area, o.breach.type, o.reason.rawValue, when,
                           "aware \(LogTime.format(o.breach.becameAwareAt))"].joined(separator: "\t"))
                }
                return
            }
            let list = try LogFailure.map { try store.breaches(BreachFilter(area: area, stage: stage, status: status)) }
            for b in list {
                let ico = b.icoReportable.map { $0 ? (b.icoReportedAt == nil ? "ico:reportable" : "ico:reported") : "ico:not-reportable" } ?? "ico:undecided"
                print([b.id.uuidString.lowercased(), "v\(b.version)", b.stage.rawValue, b.type, b.severity ?? "-", b.area,
                       LogTime.format(b.becameAwareAt), b.status.rawValue, ico].joined(separator: "\t"))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show every version of a breach.")

        @OptionGroup var log: LogOptions
        @Argument(help: "The breach id.") var id: String

        func run() throws {
            guard let uuid = UUID(uuidString: id) else { throw ValidationError("expected a breach id (a UUID)") }
            let store = try log.open(readOnly: true)
            let history = try LogFailure.map { try store.breachHistory(id: uuid) }
            guard !history.isEmpty else { throw LogFailure.exit(LogError(.notFound, "no breach with that id")) }
            for r in history {
                print("version \(r.version)  recorded \(r.recordedAt.map(LogTime.format) ?? "-") by \(r.recordedBy) (\(r.recordedVia.rawValue))")
                func line(_ k: String, _ v: String?) { if let v { print("  \(k): \(v)") } }
                line("entry", r.entryID?.uuidString.lowercased())
                line("stage", r.stage.rawValue); line("type", r.type); line("severity", r.severity)
                line("area", r.area); line("unit", r.unit); line("case", r.caseReference); line("source", r.sourceOrganisation)
                line("document", r.documentName); line("document sha256", r.documentSHA256)
                line("occurred", r.occurredAt.map(LogTime.format)); line("became aware", LogTime.format(r.becameAwareAt))
                line("detected", r.detectedAt.map(LogTime.format))
                line("categories", r.dataCategories.isEmpty ? nil : r.dataCategories.map { $0.category + ($0.findings.map { ":\($0)" } ?? "") }.joined(separator: ", "))
                line("people", r.dataSubjects.map(String.init)); line("records", r.records.map(String.init))
                line("facts", r.facts); line("effects", r.effects); line("remedial action", r.remedialAction)
                line("ico reportable", r.icoReportable.map { $0 ? "yes" : "no" }); line("decision reason", r.icoDecisionReason)
                line("decided", r.icoDecidedAt.map(LogTime.format)); line("reported", r.icoReportedAt.map(LogTime.format))
                line("hours to report", r.minutesToReport.map { String(format: "%.1f", Double($0) / 60) })
                line("within 72 h", r.deadlineMet.map { $0 ? "yes" : "no" }); line("late reason", r.lateReason)
                line("people informed", r.subjectsInformed.map { $0 ? "yes" : "no" })
                line("status", r.status.rawValue)
                line("links", r.linkedEntries.isEmpty ? nil : r.linkedEntries.map { $0.uuidString.lowercased() }.joined(separator: ", "))
                line("free text scanned by", "\(r.textScanner) (\(r.textRedactions) redacted)")
            }
        }
    }
}

extension BreachStage: ExpressibleByArgument {}
extension BreachStatus: ExpressibleByArgument {}
