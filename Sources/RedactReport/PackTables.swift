import Foundation
import RedactLog

/// A table of a pack, ready for any text format: the Markdown renderer prints these, and the
/// HTML renderer prints the same ones as each chart's table alternative, so the two formats
/// can never disagree.
public struct ReportTable: Sendable, Equatable {
    public var id: String
    public var caption: String
    public var headers: [String]
    /// Cells as text; the first column is the row header.
    public var rows: [[String]]
    /// Row indices to emphasise (the pack's own area in a comparison).
    public var highlight: Set<Int> = []
    /// Shown when there are no rows.
    public var emptyText: String = "None recorded in this period."
}

/// Builds the pack's tables (and the short texts around them) from a ``Pack``.
public struct PackTables: Sendable {
    public let pack: Pack
    public let labels: Labels
    public let s: Suppression

    public init(pack: Pack, labels: Labels) {
        self.pack = pack
        self.labels = labels
        self.s = Suppression(below: pack.settings.suppressBelow)
    }

    var isArea: Bool { pack.national != nil }
    var previousHeader: String { pack.previousCovered ? "Previous (\(pack.period.previous.code))" : "Previous (\(pack.period.previous.code), before the log)" }
    var yearBeforeHeader: String { pack.yearBeforeCovered ? "Year before (\(pack.period.yearBefore.code))" : "Year before (\(pack.period.yearBefore.code), before the log)" }

    // MARK: Values as text

    /// A headline value as text, with suppression applied.
    public func text(_ h: Headline, _ f: Figures) -> String {
        if h.isCount { return s.count(Int(h.value(f) ?? 0)) }
        if let num = h.numerator, s.hides(Int(num.value(f) ?? 0)) { return "<\(s.below!)" }
        guard let v = h.value(f) else { return "–" }
        return h.isPercent ? NumberFormat.percent(v) : NumberFormat.decimal(v, places: h == .redactionsPerDocument ? 1 : 2)
    }

    /// The value used for change arithmetic, nil when hidden or not computable.
    public func comparable(_ h: Headline, _ f: Figures) -> Double? {
        let basis = h.isCount ? h : (h.numerator ?? h)
        if s.hides(Int(basis.value(f) ?? 0)) { return nil }
        return h.value(f)
    }

    public func change(_ h: Headline, from old: Figures, covered: Bool) -> String {
        covered ? NumberFormat.change(from: comparable(h, old), to: comparable(h, pack.current)) : "–"
    }

    public func rankText(_ r: Rank?) -> String {
        guard let r else { return "–" }
        return "\(r.rank) of \(r.of)"
    }

    func share(_ n: Int, of total: Int) -> String {
        guard total > 0, !s.hides(n) else { return "–" }
        return NumberFormat.percent(Double(n) * 100 / Double(total))
    }

    // MARK: Tables

    public func headlines() -> ReportTable {
        var headers = ["Measure", pack.period.code, previousHeader, "Change", yearBeforeHeader, "Change"]
        if isArea { headers += ["National", "Rank in group"] }
        let rows = Headline.allCases.map { h -> [String] in
            var row = [h.label, text(h, pack.current), pack.previousCovered ? text(h, pack.previous) : "–",
                       change(h, from: pack.previous, covered: pack.previousCovered),
                       pack.yearBeforeCovered ? text(h, pack.yearBefore) : "–",
                       change(h, from: pack.yearBefore, covered: pack.yearBeforeCovered)]
            if let n = pack.national { row += [text(h, n), rankText(pack.ranks[h])] }
            return row
        }
        return ReportTable(id: "headlines", caption: "Headline figures, \(pack.period.label)", headers: headers, rows: rows)
    }

    /// A breakdown (`by_category` and the like) with comparisons and shares.
    public func breakdown(id: String, caption: String, keyHeader: String, _ pick: (Figures) -> [String: Int],
                          label: (String) -> String, national: Bool = true) -> ReportTable {
        let cur = pick(pack.current), prev = pick(pack.previous), yb = pick(pack.yearBefore)
        let total = cur.values.reduce(0, +)
        let nat = pack.national.map(pick)
        let natTotal = nat?.values.reduce(0, +) ?? 0
        var headers = [keyHeader, pack.period.code, "Share", pack.period.previous.code, pack.period.yearBefore.code]
        if national && nat != nil { headers.append("National share") }
        let keys = Set(cur.keys).union(prev.keys).union(yb.keys)
            .sorted { (-(cur[$0] ?? 0), label($0)) < (-(cur[$1] ?? 0), label($1)) }
        let rows = keys.map { k -> [String] in
            var row = [label(k), s.count(cur[k] ?? 0), share(cur[k] ?? 0, of: total),
                       pack.previousCovered ? s.count(prev[k] ?? 0) : "–", pack.yearBeforeCovered ? s.count(yb[k] ?? 0) : "–"]
            if national, let nat { row.append(share(nat[k] ?? 0, of: natTotal)) }
            return row
        }
        return ReportTable(id: id, caption: caption, headers: headers, rows: rows)
    }

    public func categories() -> ReportTable {
        breakdown(id: "by-category", caption: "Redactions by category", keyHeader: "Category", { $0.redactionsByCategory },
                  label: labels.category)
    }

    public func justifications() -> ReportTable {
        breakdown(id: "by-justification", caption: "Redactions by justification", keyHeader: "Justification",
                  { $0.redactionsByJustification }, label: labels.justification)
    }

    public func styles() -> ReportTable {
        breakdown(id: "by-style", caption: "Redactions by style", keyHeader: "Style", { $0.redactionsByStyle }, label: labels.style)
    }

    public func recipients() -> ReportTable {
        breakdown(id: "by-recipient", caption: "Documents shared by recipient type", keyHeader: "Recipient",
                  { $0.sharesByRecipient }, label: labels.recipient)
    }

    public func stages() -> ReportTable {
        var t = breakdown(id: "by-stage", caption: "Breach register records by stage", keyHeader: "Stage",
                          { $0.registerByStage }, label: labels.stage)
        t.emptyText = "No breach register records in this period."
        return t
    }

    public func breachTypes() -> ReportTable {
        var t = breakdown(id: "by-type", caption: "Breaches by type", keyHeader: "Type", { $0.breachesByType },
                          label: labels.breachType)
        t.emptyText = "No breaches recorded in this period."
        return t
    }

    public func severities() -> ReportTable {
        var t = breakdown(id: "by-severity", caption: "Breaches by severity", keyHeader: "Severity", { $0.breachesBySeverity },
                          label: labels.severity)
        t.emptyText = "No breaches recorded in this period."
        return t
    }

    public func sources() -> ReportTable {
        var t = breakdown(id: "by-source", caption: "Incoming failures to redact by source organisation", keyHeader: "Source",
                          { $0.incomingBySource }, label: labels.source)
        t.emptyText = "No incoming failures to redact recorded in this period."
        return t
    }

    public func nearMissTypes() -> ReportTable {
        var t = breakdown(id: "near-miss-types", caption: "Near misses by type", keyHeader: "Type", { $0.nearMissesByType },
                          label: labels.breachType)
        t.emptyText = "No near misses recorded in this period."
        return t
    }

    /// ICO reporting: decisions, reports, the 72-hour deadline and hours taken.
    public func reporting() -> ReportTable {
        func hours(_ x: Double?, _ f: Figures) -> String {
            guard let x, !s.hides(f.icoReported) else { return s.hides(f.icoReported) ? "<\(s.below!)" : "–" }
            return NumberFormat.decimal(x, places: 1)
        }
        let columns: [(String, Figures, Bool)] = [(pack.period.code, pack.current, true), (previousHeader, pack.previous, pack.previousCovered),
                                                  (yearBeforeHeader, pack.yearBefore, pack.yearBeforeCovered)]
            + (pack.national.map { [("National", $0, true)] } ?? [])
        let measures: [(String, (Figures) -> String)] = [
            ("Breaches", { s.count($0.breaches) }),
            ("Decided reportable to the ICO", { s.count($0.icoReportable) }),
            ("Reported to the ICO", { s.count($0.icoReported) }),
            ("Reported within 72 hours", { s.count($0.reportedWithin72h) }),
            ("Share within 72 hours", { f in text(.within72h, f) }),
            ("Median hours to report", { f in hours(f.medianHoursToReport, f) }),
            ("Longest hours to report", { f in hours(f.maxHoursToReport, f) }),
        ]
        let rows = measures.map { m in [m.0] + columns.map { $0.2 ? m.1($0.1) : "–" } }
        return ReportTable(id: "ico", caption: "Reporting to the ICO (72-hour deadline)", headers: ["Measure"] + columns.map(\.0), rows: rows)
    }

    public func trend() -> ReportTable {
        let t = pack.trend
        let rows = t.months.indices.map { i in [t.months[i].longLabel] + Trend.Series.allCases.map { s.count(t.series($0)[i]) } }
        return ReportTable(id: "trend", caption: "Monthly figures, \(t.months.first!.longLabel) to \(t.months.last!.longLabel)",
                           headers: ["Month"] + Trend.Series.allCases.map(\.label), rows: rows)
    }

    /// The comparison of areas within a group.
    public func areas(group: String) -> ReportTable {
        let members = pack.areas.filter { $0.group == group }
        let measures: [Headline] = [.documentsShared, .redactions, .redactionsPerDocument, .nearMisses, .incomingFailures,
                                    .breaches, .breachRate, .within72h, .qaPassRate]
        let short: [Headline: String] = [.documentsShared: "Shared", .redactions: "Redactions", .redactionsPerDocument: "Per document",
                                         .nearMisses: "Near misses", .incomingFailures: "Incoming failures", .breaches: "Breaches",
                                         .breachRate: "Breaches per 1,000", .within72h: "ICO within 72h", .qaPassRate: "QA pass rate"]
        var table = ReportTable(id: "areas-\(group)", caption: "\(labels.group(group)): \(pack.period.label)",
                                headers: ["Area"] + measures.map { short[$0] ?? $0.label } + ["Rank (breaches per 1,000)"], rows: [])
        for (i, row) in members.enumerated() {
            table.rows.append([row.label] + measures.map { text($0, row.figures) } + [rankText(row.ranks[.breachRate])])
            if row.area == pack.scope.area { table.highlight.insert(i) }
        }
        let totals = members.reduce(into: Figures()) { acc, r in
            acc.documentsShared += r.figures.documentsShared
            acc.redactions += r.figures.redactions
            acc.nearMisses += r.figures.nearMisses
            acc.incomingFailures += r.figures.incomingFailures
            acc.breaches += r.figures.breaches
            acc.icoReported += r.figures.icoReported
            acc.reportedWithin72h += r.figures.reportedWithin72h
            acc.qaChecks += r.figures.qaChecks
            acc.qaPassed += r.figures.qaPassed
        }
        table.rows.append(["All \(labels.group(group))"] + measures.map { text($0, totals) } + [""])
        return table
    }

    /// Groups present in the comparison, the pack's own group first.
    public var areaGroups: [String] {
        var seen: [String] = []
        if let g = pack.scopeGroup { seen.append(g) }
        for row in pack.areas where !seen.contains(row.group) { seen.append(row.group) }
        return seen
    }

    public func repeats() -> ReportTable {
        let units = pack.repeats.filter { $0.kind == .unit }
        var rows = units.map { [$0.id, labels.area($0.area), s.count($0.breaches)] }
        let operators = pack.repeats.filter { $0.kind == .operator }
        if pack.settings.showOperators {
            rows += operators.map { ["Operator \($0.id)", labels.area($0.area), s.count($0.breaches)] }
        }
        var t = ReportTable(id: "repeats", caption: "Teams with \(pack.settings.repeatThreshold) or more breaches in the period",
                            headers: ["Team or unit", "Area", "Breaches"], rows: rows)
        t.emptyText = "No team reached \(pack.settings.repeatThreshold) breaches in this period."
        return t
    }

    /// One sentence about operators at or above the threshold (named only with --show-operators).
    public func operatorSentence() -> String {
        let n = pack.repeats.filter { $0.kind == .operator }.count
        let who = n == 1 ? "1 operator was" : "\(n) operators were"
        return n == 0
            ? "No operator was linked to \(pack.settings.repeatThreshold) or more breaches in this period."
            : "\(who) linked to \(pack.settings.repeatThreshold) or more breaches in this period"
                + (pack.settings.showOperators ? " (listed above)." : "; operator ids are left out of the pack by default (they identify staff).")
    }
}
