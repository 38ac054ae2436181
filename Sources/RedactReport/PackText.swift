import Foundation

/// The sentences of a pack: title, provenance, summaries, chart descriptions and definitions.
///
/// Every chart has a text description (for screen readers and for anyone who cannot read the
/// chart); they are written here from the same figures as the tables, with suppression applied.
enum PackText {
    static func title(_ pack: Pack) -> String {
        "Redaction and breach performance: \(pack.scopeLabel), \(pack.period.label)"
    }

    static func metaLines(_ pack: Pack) -> [String] {
        var lines = [
            "Period: \(pack.period.label) (\(pack.period.code)), UTC calendar boundaries",
            "Compared with: \(pack.period.previous.label) and \(pack.period.yearBefore.label)",
            "Generated: \(LogTimeText.format(pack.generatedAt)) from log \(pack.source.logID) at entry \(pack.source.entries) (checkpoint \(pack.source.entries):\(pack.source.headHash.prefix(16))…)",
        ]
        if let n = pack.settings.suppressBelow, n > 1 {
            lines.append("Counts from 1 to \(n - 1) are shown as <\(n), and rates computed from them are withheld.")
        }
        return lines
    }

    static func redactionSummary(_ pack: Pack, _ t: PackTables) -> String {
        let f = pack.current
        guard f.documentsShared > 0 || f.redactions > 0 else {
            return "No documents were shared by \(pack.scopeLabel) in \(pack.period.label)."
        }
        var s = "\(t.text(.documentsShared, f)) \(f.documentsShared == 1 ? "document" : "documents") shared "
            + "(\(t.text(.documentsProcessed, f)) distinct) with \(t.text(.redactions, f)) "
            + "\(f.redactions == 1 ? "redaction" : "redactions"), \(t.text(.redactionsPerDocument, f)) per document."
        if f.kept > 0 {
            s += " \(t.s.count(f.kept)) spans were deliberately left unredacted with a recorded reason."
        }
        return s
    }

    static func registerSummary(_ pack: Pack, _ t: PackTables) -> String {
        let f = pack.current
        func n(_ h: Headline, _ one: String, _ many: String) -> String {
            "\(t.text(h, f)) \(Int(h.value(f) ?? 0) == 1 ? one : many)"
        }
        var s = "\(n(.breaches, "breach", "breaches")), \(n(.nearMisses, "near miss", "near misses")) and "
            + "\(n(.incomingFailures, "incoming failure", "incoming failures")) to redact were first recorded in the period."
        if f.breaches > 0 {
            s += " Breach rate: \(t.text(.breachRate, f)) per 1,000 documents shared."
        }
        if f.icoReported > 0 {
            s += " \(t.text(.icoReported, f)) reported to the ICO, \(t.text(.within72h, f)) within 72 hours."
        }
        return s
    }

    /// "A was the largest with 1,234 (34.5%), followed by B (…) and C (…). 12 in all."
    static func describeBars(_ items: [(label: String, value: Int)], unit: String, s: Suppression) -> String {
        let total = items.reduce(0) { $0 + $1.value }
        guard total > 0, let top = items.first else { return "No \(unit) recorded in this period." }
        func part(_ i: (label: String, value: Int)) -> String {
            s.hides(i.value) ? "\(i.label) (\(s.count(i.value)))"
                : "\(i.label) (\(NumberFormat.grouped(i.value)), \(NumberFormat.percent(Double(i.value) * 100 / Double(total))))"
        }
        var text = "\(top.label) was the largest with \(s.count(top.value)) \(unit)"
        if !s.hides(top.value) { text += " (\(NumberFormat.percent(Double(top.value) * 100 / Double(total))) of \(NumberFormat.grouped(total)))" }
        let next = items.dropFirst().prefix(2)
        if !next.isEmpty { text += ", followed by " + next.map(part).joined(separator: " and ") }
        text += ". \(items.count) in all."
        return text
    }

    /// "Documents shared ranged from 120 (August 2026) to 180 (March 2026); in September 2026 …"
    static func describeLine(_ label: String, months: [Month], values: [Int], s: Suppression) -> String {
        guard let maxV = values.max(), maxV > 0, let lastV = values.last else {
            return "\(label): none recorded in the twelve months."
        }
        let minV = values.min()!
        let lo = months[values.firstIndex(of: minV)!], hi = months[values.firstIndex(of: maxV)!]
        var text = "\(label) ranged from \(s.count(minV)) (\(lo.longLabel)) to \(s.count(maxV)) (\(hi.longLabel))"
        text += "; \(months.last!.longLabel): \(s.count(lastV))"
        if values.count >= 2, !s.hides(lastV), !s.hides(values[values.count - 2]) {
            let prev = values[values.count - 2]
            text += " (\(NumberFormat.change(from: Double(prev), to: Double(lastV))) on \(months[months.count - 2].longLabel))"
        }
        return text + "."
    }

    static func describeAreas(_ pack: Pack, _ t: PackTables, group: String, measure: Headline) -> String {
        let members = pack.areas.filter { $0.group == group }
        let ranked = members.compactMap { row in t.comparable(measure, row.figures).map { (row, $0) } }.sorted { $0.1 > $1.1 }
        guard let top = ranked.first else { return "No area in this group has a \(measure.label.lowercased()) figure for the period." }
        var text = "\(top.0.label) had the highest \(measure.label.lowercased()) (\(t.text(measure, top.0.figures)))"
        if let bottom = ranked.last, ranked.count > 1 {
            text += " and \(bottom.0.label) the lowest (\(t.text(measure, bottom.0.figures)))"
        }
        text += "."
        if let area = pack.scope.area, let mine = members.first(where: { $0.area == area }) {
            text += " \(mine.label): \(t.text(measure, mine.figures))"
            if let r = mine.ranks[measure] { text += ", \(ordinal(r.rank)) of \(r.of)" }
            if let n = pack.national { text += "; the national figure was \(t.text(measure, n))" }
            text += "."
        }
        return text
    }

    static func ordinal(_ n: Int) -> String {
        let suffix: String
        switch (n % 10, n % 100) {
        case (1, let t) where t != 11: suffix = "st"
        case (2, let t) where t != 12: suffix = "nd"
        case (3, let t) where t != 13: suffix = "rd"
        default: suffix = "th"
        }
        return "\(n)\(suffix)"
    }

    /// The measures' definitions, printed at the end of every pack.
    static func definitions(_ pack: Pack) -> [(String, String)] {
        [
            ("Period", "Entries count in the period the log recorded them (UTC): the same selection as `redact log export --since … --until …`."),
            ("Documents shared", "Disclosure events: one per redacted document copy shared with one recipient. A corrected event is replaced by its correction."),
            ("Documents processed", "Distinct original documents (by SHA-256) redacted for those shares, per area; the national figure is the sum over areas."),
            ("Redactions", "Redacted spans recorded with each disclosure, including spans deliberately left unredacted with a reason (justification marked keep)."),
            ("Breach register", "Records are counted once, in the period the log first recorded them, with their latest details (stage, type, severity, area, ICO decision)."),
            ("Incoming failure to redact", "Material received from another organisation (usually a police force) without the redactions it needed: not a CPS breach unless it is then disclosed."),
            ("Near miss", "Personal data caught before sharing."),
            ("Breach", "Personal data disclosed when it should not have been (DPA 2018 s.67)."),
            ("Breach rate", "Breaches per 1,000 documents shared in the same period and scope."),
            ("ICO reporting", "Hours from becoming aware to reporting to the ICO, for breaches reported; the deadline is 72 hours."),
            ("QA pass rate", "QA second checks (`redact qa --log`) that passed, as a share of those recorded in the period and scope; every check counts, a re-check too. Hidden with the number of checks when that is suppressed."),
            ("Ranks", "Within the area's group (CPS Areas, prison groups, probation regions), 1 = the highest value; ties share a rank."),
            ("Repeated breaches", "Teams (and operators, via the disclosure a breach is linked to) with at least \(pack.settings.repeatThreshold) breaches first recorded in the period."),
        ]
    }
}
