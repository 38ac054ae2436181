import Foundation
import RedactLog

/// The CSV format: one row per figure ("long" format), for spreadsheets and pivot tables.
///
/// Columns: `section,measure,key,label,value,previous,year_before,national,rank,rank_of`.
/// `section` and `measure` follow the JSON paths (`redactions`, `by_category`); `key` is the
/// code being counted (a category, a month, an area). Counts are plain digits or `<N` when
/// suppressed; rates use a full stop and no grouping. Comparison cells are empty where they do
/// not apply or the log does not reach back that far.
public enum PackCSV {
    public static let header = ["section", "measure", "key", "label", "value", "previous", "year_before", "national", "rank", "rank_of"]

    public static func render(_ pack: Pack, labels: Labels) -> String {
        let s = Suppression(below: pack.settings.suppressBelow)
        let t = PackTables(pack: pack, labels: labels)
        var rows: [[String]] = [header]
        func value(_ h: Headline, _ f: Figures?) -> String {
            guard let f else { return "" }
            if h.isCount { return s.plain(Int(h.value(f) ?? 0)) }
            guard let v = t.comparable(h, f) else {
                return h.numerator.map { s.hides(Int($0.value(f) ?? 0)) } == true ? "<\(s.below!)" : ""
            }
            return String(format: "%.2f", v)
        }
        for h in Headline.allCases {
            let parts = h.rawValue.split(separator: ".").map(String.init)
            rows.append([parts[0], parts[1], "", h.label, value(h, pack.current),
                         pack.previousCovered ? value(h, pack.previous) : "", pack.yearBeforeCovered ? value(h, pack.yearBefore) : "",
                         value(h, pack.national), pack.ranks[h].map { String($0.rank) } ?? "", pack.ranks[h].map { String($0.of) } ?? ""])
        }
        let breakdowns: [(String, String, (Figures) -> [String: Int], (String) -> String)] = [
            ("redactions", "by_category", { $0.redactionsByCategory }, labels.category),
            ("redactions", "by_justification", { $0.redactionsByJustification }, labels.justification),
            ("redactions", "by_style", { $0.redactionsByStyle }, labels.style),
            ("shares", "by_recipient", { $0.sharesByRecipient }, labels.recipient),
            ("breaches", "by_stage", { $0.registerByStage }, labels.stage),
            ("breaches", "by_type", { $0.breachesByType }, labels.breachType),
            ("breaches", "by_severity", { $0.breachesBySeverity }, labels.severity),
            ("near_misses", "by_type", { $0.nearMissesByType }, labels.breachType),
            ("incoming_failures", "by_source", { $0.incomingBySource }, labels.source),
        ]
        for (section, measure, pick, label) in breakdowns {
            let cur = pick(pack.current), prev = pick(pack.previous), yb = pick(pack.yearBefore)
            let nat = pack.national.map(pick)
            for key in Set(cur.keys).union(prev.keys).union(yb.keys).sorted() {
                rows.append([section, measure, key, label(key), s.plain(cur[key] ?? 0),
                             pack.previousCovered ? s.plain(prev[key] ?? 0) : "", pack.yearBeforeCovered ? s.plain(yb[key] ?? 0) : "",
                             nat.map { s.plain($0[key] ?? 0) } ?? "", "", ""])
            }
        }
        rows.append(["redactions", "kept", "", "Spans kept with a reason", s.plain(pack.current.kept),
                     pack.previousCovered ? s.plain(pack.previous.kept) : "", pack.yearBeforeCovered ? s.plain(pack.yearBefore.kept) : "",
                     pack.national.map { s.plain($0.kept) } ?? "", "", ""])
        for series in Trend.Series.allCases {
            for (i, m) in pack.trend.months.enumerated() {
                rows.append(["trend", series.rawValue, m.code, series.label, s.plain(pack.trend.series(series)[i]), "", "", "", "", ""])
            }
        }
        for row in pack.areas {
            for h in Headline.allCases {
                rows.append(["areas", h.rawValue, row.area, row.label, value(h, row.figures), "", "", "",
                             row.ranks[h].map { String($0.rank) } ?? "", row.ranks[h].map { String($0.of) } ?? ""])
            }
        }
        for r in pack.repeats where r.kind == .unit || pack.settings.showOperators {
            rows.append(["repeat_breaches", r.kind.rawValue, r.id, labels.area(r.area), s.plain(r.breaches), "", "", "", "", ""])
        }
        return rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// RFC 4180 quoting, and a leading `'` on text a spreadsheet would run as a formula.
    static func field(_ raw: String) -> String {
        var s = raw
        if let f = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(f), Double(s) == nil {
            s = "'" + s
        }
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }
}
