import Foundation
import RedactLog
import RedactReport

/// The breach register in the browser: the list, one breach with its versions, and the forms
/// that record and update one (the log's own register API; free text goes through the log's
/// redactor before it is stored).
public enum BreachPages {
    public static func list(viewer: Viewer, csrf: String, breaches: [BreachRecord], labels: Labels, areas: [(String, String)],
                            notice: String? = nil, error: String? = nil) -> Markup {
        let rows = breaches.map { b -> Markup in
            let ico = b.icoReportable.map { $0 ? (b.icoReportedAt == nil ? "reportable, not yet reported" : "reported") : "not reportable" } ?? "undecided"
            return """
            <tr><td><a href="/breaches/\(b.id.uuidString.lowercased())">\(String(b.id.uuidString.lowercased().prefix(8)))</a></td>
            <td>\(labels.stage(b.stage.rawValue))</td><td>\(labels.breachType(b.type))</td><td>\(b.severity.map(labels.severity) ?? "-")</td>
            <td>\(labels.area(b.area))</td><td>\(LogTime.format(b.becameAwareAt))</td><td>\(ico)</td><td>\(b.status.rawValue)</td><td>\(b.version)</td></tr>
            """
        }
        let table: Markup = breaches.isEmpty ? "<p class=\"empty\">Nothing recorded yet.</p>" : """
        <table class="list"><caption class="visually-hidden">Breaches and near misses, latest version of each</caption>
        <thead><tr><th scope="col">Id</th><th scope="col">Stage</th><th scope="col">Type</th><th scope="col">Severity</th><th scope="col">Area</th><th scope="col">Became aware</th><th scope="col">ICO</th><th scope="col">Status</th><th scope="col">Version</th></tr></thead>
        <tbody>\(rows)</tbody></table>
        """
        let err: Markup = error.map { "<div class=\"error-summary\" role=\"alert\"><h2>Not recorded</h2><p>\($0)</p></div>" } ?? .empty
        let note: Markup = notice.map { "<p class=\"notice\" role=\"status\">\($0)</p>" } ?? .empty
        let body: Markup = """
        <div class="wrap">
        <h1>Breach register</h1>
        \(err)\(note)
        \(table)
        <h2 id="h-new">Record a breach or near miss</h2>
        <form method="post" action="/breaches" class="card" aria-labelledby="h-new">
        \(Forms.csrf(csrf))
        \(newFields(viewer: viewer, labels: labels, areas: areas))
        <button type="submit" class="primary">Record</button>
        </form>
        </div>
        """
        return Layout.page(title: "Breach register", viewer: viewer, csrf: csrf, section: .breaches, body: body)
    }

    static func options(_ labels: Labels, _ kind: Reference.Kind) -> [(String, String)] {
        labels.reference.entries(kind).map { ($0.code, $0.label) }
    }

    static let stages: [(String, String)] = [
        ("breach", "Breach"), ("near-miss", "Near miss"), ("incoming-failure-to-redact", "Incoming failure to redact"),
    ]
    static let yesNo: [(String, String)] = [("", "Not decided"), ("yes", "Yes"), ("no", "No")]

    static func newFields(viewer: Viewer, labels: Labels, areas: [(String, String)]) -> Markup {
        let area: Markup = viewer.role == .national
            ? Forms.select(name: "area", label: "Area", options: areas, selected: nil)
            : "<input type=\"hidden\" name=\"area\" value=\"\(viewer.area ?? "")\">"
        return """
        \(area)
        \(Forms.select(name: "stage", label: "Stage", options: stages, selected: "breach"))
        \(Forms.select(name: "type", label: "Type", options: options(labels, .breachTypes), selected: nil))
        \(Forms.select(name: "severity", label: "Severity", options: [("", "Not yet assessed")] + options(labels, .severities), selected: ""))
        \(Forms.input(name: "became_aware", label: "Became aware (UTC)", type: "datetime-local", required: true, hint: "The 72 hours to tell the ICO run from here."))
        \(Forms.input(name: "case", label: "Case reference (optional)"))
        \(Forms.input(name: "categories", label: "Data categories (optional)", hint: "Comma-separated ids, e.g. nhs_number, address."))
        \(Forms.input(name: "subjects", label: "People affected (approximate, optional)", type: "number"))
        \(Forms.textarea(name: "facts", label: "What happened", hint: "Personal data in this text is redacted before it is stored."))
        \(Forms.textarea(name: "remedial", label: "Remedial action (optional)"))
        """
    }

    public static func show(viewer: Viewer, csrf: String, history: [BreachRecord], labels: Labels, notice: String? = nil,
                            error: String? = nil) -> Markup {
        let latest = history.last!
        let id = latest.id.uuidString.lowercased()
        func row(_ k: String, _ v: String?) -> Markup { v.map { "<div><dt>\(k)</dt><dd>\($0)</dd></div>" } ?? .empty }
        let versions = history.reversed().map { r -> Markup in
            """
            <li><h3>Version \(r.version), recorded \(r.recordedAt.map(LogTime.format) ?? "-") by \(r.recordedBy)</h3><dl class="why">
            \(row("Stage", labels.stage(r.stage.rawValue)))\(row("Type", labels.breachType(r.type)))\(row("Severity", r.severity.map(labels.severity)))
            \(row("Became aware", LogTime.format(r.becameAwareAt)))\(row("ICO deadline", LogTime.format(r.icoDeadline)))
            \(row("Facts", r.facts))\(row("Effects", r.effects))\(row("Remedial action", r.remedialAction))
            \(row("ICO reportable", r.icoReportable.map { $0 ? "yes" : "no" }))\(row("Decision reason", r.icoDecisionReason))
            \(row("Reported to the ICO", r.icoReportedAt.map(LogTime.format)))\(row("Within 72 hours", r.deadlineMet.map { $0 ? "yes" : "no" }))
            \(row("Status", r.status.rawValue))
            </dl></li>
            """
        }
        let err: Markup = error.map { "<div class=\"error-summary\" role=\"alert\"><h2>Not updated</h2><p>\($0)</p></div>" } ?? .empty
        let note: Markup = notice.map { "<p class=\"notice\" role=\"status\">\($0)</p>" } ?? .empty
        let body: Markup = """
        <div class="wrap">
        <h1>Breach <code>\(String(id.prefix(8)))</code> · \(labels.area(latest.area))</h1>
        \(err)\(note)
        <h2 id="h-update">Update</h2>
        <form method="post" action="/breaches/\(id)" class="card" aria-labelledby="h-update">
        \(Forms.csrf(csrf))
        \(Forms.select(name: "status", label: "Status", options: [("open", "Open"), ("closed", "Closed")], selected: latest.status.rawValue))
        \(Forms.select(name: "severity", label: "Severity", options: [("", "Unchanged")] + options(labels, .severities), selected: ""))
        \(Forms.select(name: "ico_reportable", label: "Must it be reported to the ICO?", options: yesNo, selected: latest.icoReportable.map { $0 ? "yes" : "no" } ?? ""))
        \(Forms.textarea(name: "decision_reason", label: "Reason for the ICO decision (optional)", rows: 2))
        \(Forms.input(name: "reported_at", label: "Reported to the ICO at (UTC, optional)", type: "datetime-local"))
        \(Forms.textarea(name: "late_reason", label: "Why it was reported after 72 hours (optional)", rows: 2))
        \(Forms.textarea(name: "effects", label: "Effects on the people concerned (optional)", rows: 2))
        \(Forms.textarea(name: "remedial", label: "Remedial action (optional)", rows: 2))
        <button type="submit" class="primary">Record a new version</button>
        </form>
        <h2>Versions</h2>
        <ol class="findings">\(versions)</ol>
        <p><a href="/breaches">Back to the register</a></p>
        </div>
        """
        return Layout.page(title: "Breach", viewer: viewer, csrf: csrf, section: .breaches, body: body)
    }
}

/// A breach form's fields turned into a record or a change, with messages a person can act on.
public enum BreachForm {
    public struct Invalid: Error, CustomStringConvertible { public var description: String }

    /// `datetime-local` sends `2026-11-21T09:30` (taken as UTC); the log's own formats also work.
    public static func time(_ s: String?) throws -> Date? {
        guard let s, !s.isEmpty else { return nil }
        if let d = LogTime.parse(s) { return d }
        if let d = LogTime.parse(s + ":00Z") ?? LogTime.parse(s + "Z") { return d }
        throw Invalid(description: "a time must look like 2026-11-21T09:30 (UTC)")
    }

    static func nonEmpty(_ s: String?) -> String? {
        guard let t = s?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
        return t
    }

    public static func newRecord(_ f: FormData, area: String, recordedBy: String, reference: Reference) throws -> BreachRecord {
        guard let stage = BreachStage(rawValue: f["stage"] ?? "") else { throw Invalid(description: "choose a stage") }
        guard let type = f["type"], reference.contains(type, in: .breachTypes) else { throw Invalid(description: "choose a breach type") }
        guard let aware = try time(f["became_aware"]) else { throw Invalid(description: "give the time the area became aware") }
        var r = BreachRecord(stage: stage, type: type, area: area, becameAwareAt: aware, recordedBy: recordedBy)
        if let s = nonEmpty(f["severity"]) {
            guard reference.contains(s, in: .severities) else { throw Invalid(description: "unknown severity") }
            r.severity = s
        }
        r.caseReference = nonEmpty(f["case"])
        r.dataCategories = (f["categories"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.map { BreachDataCategory($0) }
        if let n = nonEmpty(f["subjects"]) {
            guard let v = Int(n), v >= 0 else { throw Invalid(description: "people affected must be a number") }
            r.dataSubjects = v
        }
        r.facts = nonEmpty(f["facts"])
        r.remedialAction = nonEmpty(f["remedial"])
        return r
    }

    public static func update(_ r: inout BreachRecord, _ f: FormData, reference: Reference) throws {
        if let s = nonEmpty(f["status"]) {
            guard let st = BreachStatus(rawValue: s) else { throw Invalid(description: "unknown status") }
            r.status = st
        }
        if let s = nonEmpty(f["severity"]) {
            guard reference.contains(s, in: .severities) else { throw Invalid(description: "unknown severity") }
            r.severity = s
        }
        switch f["ico_reportable"] ?? "" {
        case "yes": r.icoReportable = true
        case "no": r.icoReportable = false
        default: break
        }
        if let s = nonEmpty(f["decision_reason"]) {
            r.icoDecisionReason = s
            if r.icoDecidedAt == nil { r.icoDecidedAt = Date() }
        }
        if let d = try time(f["reported_at"]) { r.icoReportedAt = d }
        if let s = nonEmpty(f["late_reason"]) { r.lateReason = s }
        if let s = nonEmpty(f["effects"]) { r.effects = s }
        if let s = nonEmpty(f["remedial"]) { r.remedialAction = s }
    }
}
