import Foundation

/// The HTML format: one self-contained page for screens and for printing on A4.
///
/// Everything is inline (CSS, SVG charts); the page loads nothing and runs no script, so it can
/// be emailed, archived and opened offline. Structure: headline tiles with comparisons, then
/// sections for redactions, sharing and trends, the breach register, and the areas compared,
/// each chart followed by its table alternative and described in words.
public enum PackHTML {
    public static func render(_ pack: Pack, labels: Labels) -> String {
        let page = Page(pack: pack, t: PackTables(pack: pack, labels: labels), labels: labels)
        return page.render()
    }

    struct Page {
        let pack: Pack
        let t: PackTables
        let labels: Labels
        var s: Suppression { t.s }
        var cur: Figures { pack.current }

        func render() -> String {
            """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="redact pack">
            <title>\(HTML.esc(PackText.title(pack)))</title>
            <style>\(HTMLStyle.css)</style>
            </head>
            <body>
            \(masthead())
            <main class="wrap">
            \(summary())
            \(redactions())
            \(sharing())
            \(register())
            \(areas())
            \(definitions())
            </main>
            </body>
            </html>

            """
        }

        func masthead() -> String {
            var meta: [(String, String)] = [
                ("Compared with", "\(pack.period.previous.label) and \(pack.period.yearBefore.label)"),
                ("Generated", LogTimeText.format(pack.generatedAt)),
                ("Log", "\(pack.source.logID), \(NumberFormat.grouped(Int(pack.source.entries))) entries"),
            ]
            if let n = pack.settings.suppressBelow, n > 1 { meta.append(("Published", "counts under \(n) suppressed")) }
            return """
            <header class="masthead"><div class="wrap">
            <p class="kicker">Redaction and breach performance pack</p>
            <h1>\(HTML.esc(pack.scopeLabel))</h1>
            <p class="period">\(HTML.esc(pack.period.label.prefix(1).uppercased() + pack.period.label.dropFirst())) · \(HTML.esc(pack.period.code))</p>
            <dl class="meta">\(meta.map { "<div><dt>\(HTML.esc($0.0))</dt><dd>\(HTML.esc($0.1))</dd></div>" }.joined())</dl>
            </div></header>
            """
        }

        // MARK: Summary

        func summary() -> String {
            var out = "<section aria-labelledby=\"h-summary\"><h2 id=\"h-summary\">Summary</h2>"
            if pack.isEmpty {
                out += "<p class=\"notice\" role=\"status\">\(HTML.esc(pack.notes.first ?? "Nothing was recorded in this period."))</p>"
            }
            let other = pack.isEmpty ? Array(pack.notes.dropFirst()) : pack.notes
            if !other.isEmpty { out += "<ul class=\"notes\">" + other.map { "<li>\(HTML.esc($0))</li>" }.joined() + "</ul>" }
            out += "<p class=\"lede\">\(HTML.esc(PackText.redactionSummary(pack, t))) \(HTML.esc(PackText.registerSummary(pack, t)))</p>"
            let tiles: [Headline] = [.documentsShared, .redactions, .redactionsPerDocument, .incomingFailures,
                                     .nearMisses, .breaches, .breachRate, .within72h, .qaPassRate]
            out += "<ul class=\"tiles\">" + tiles.map(tile).joined() + "</ul>"
            out += HTML.table(t.headlines())
            return out + "</section>"
        }

        func tile(_ h: Headline) -> String {
            let warn = h == .breaches && cur.breaches > 0
            var out = "<li class=\"tile\(warn ? " warn" : "")\"><h3>\(HTML.esc(h.label))</h3><p class=\"value\">\(HTML.esc(t.text(h, cur)))</p>"
            out += delta(h, pack.previous, covered: pack.previousCovered, period: pack.period.previous.code)
            out += delta(h, pack.yearBefore, covered: pack.yearBeforeCovered, period: pack.period.yearBefore.code)
            if h == .within72h {
                out += "<p class=\"delta none\">\(HTML.esc(t.text(.icoReported, cur))) reported to the ICO</p>"
            }
            if h == .qaPassRate {
                out += "<p class=\"delta none\">\(HTML.esc(t.text(.qaChecks, cur))) QA second checks</p>"
            }
            if let n = pack.national {
                var line = "National \(t.text(h, n))"
                if let r = pack.ranks[h] { line += " · \(PackText.ordinal(r.rank)) of \(r.of)" }
                out += "<p class=\"nat\">\(HTML.esc(line))</p>"
            }
            return out + "</li>"
        }

        func delta(_ h: Headline, _ old: Figures, covered: Bool, period: String) -> String {
            guard covered else { return "<p class=\"delta none\">\(HTML.esc(period)): before the log</p>" }
            let a = t.comparable(h, old), b = t.comparable(h, cur)
            var cls = "none", arrow = ""
            if let a, let b, a != b {
                let up = b > a
                arrow = up ? "▲ " : "▼ "
                switch h.direction {
                case .neutral: cls = "neutral"
                case .higherIsWorse: cls = up ? "worse" : "better"
                case .higherIsBetter: cls = up ? "better" : "worse"
                }
            }
            let change = NumberFormat.change(from: a, to: b)
            return "<p class=\"delta \(cls)\"><span aria-hidden=\"true\">\(arrow)</span>\(HTML.esc(change)) on \(HTML.esc(period)) (\(HTML.esc(t.text(h, old))))</p>"
        }

        // MARK: Bars

        /// A bar chart of a breakdown with the previous period as comparison, or an empty note.
        func barFigure(id: String, title: String, unit: String, table: ReportTable, _ pick: (Figures) -> [String: Int],
                       label: (String) -> String, limit: Int = 24) -> String {
            let now = pick(cur), before = pick(pack.previous)
            guard now.values.contains(where: { $0 > 0 }) else {
                return "<h3>\(HTML.esc(title))</h3>" + HTML.table(table)
            }
            let keys = now.keys.sorted { (-(now[$0] ?? 0), label($0)) < (-(now[$1] ?? 0), label($1)) }
            let items = keys.map { (label: label($0), value: now[$0] ?? 0) }
            let bars = keys.prefix(limit).map { k -> SVGChart.Bar in
                let v = now[k] ?? 0
                let c = before[k] ?? 0
                return SVGChart.Bar(label: label(k), value: s.hides(v) ? nil : Double(v), text: s.count(v),
                                    comparison: pack.previousCovered && !s.hides(c) ? Double(c) : nil)
            }
            var description = PackText.describeBars(items, unit: unit, s: s)
            if keys.count > limit {
                // The rest go in the table only: one "others" bar would dwarf the ones shown.
                let rest = keys.dropFirst(limit).reduce(0) { $0 + (now[$1] ?? 0) }
                description += " The chart shows the largest \(limit); the other \(keys.count - limit) (\(s.count(rest)) in all) are in the table."
            }
            let svg = SVGChart.bars(id: id, title: title, description: description, bars: bars, currentLabel: pack.period.code,
                                    comparisonLabel: pack.previousCovered ? pack.period.previous.code : nil)
            return HTML.figure(id: id, title: title, description: description, svg: svg, table: table)
        }

        // MARK: Sections

        func redactions() -> String {
            var out = "<section class=\"page\" aria-labelledby=\"h-redactions\"><h2 id=\"h-redactions\">Redactions</h2>"
            out += "<p class=\"lede\">What was redacted, why, and how: every redacted span recorded with a disclosure, including "
                + "spans deliberately left unredacted with a reason. Thin grey bars show \(HTML.esc(pack.period.previous.label)).</p>"
            out += barFigure(id: "category", title: "Redactions by category", unit: "redactions", table: t.categories(),
                             { $0.redactionsByCategory }, label: labels.category)
            out += barFigure(id: "justification", title: "Redactions by justification", unit: "redactions",
                             table: t.justifications(), { $0.redactionsByJustification }, label: labels.justification)
            out += barFigure(id: "style", title: "Redactions by style", unit: "redactions", table: t.styles(),
                             { $0.redactionsByStyle }, label: labels.style)
            return out + "</section>"
        }

        func sharing() -> String {
            var out = "<section class=\"page\" aria-labelledby=\"h-sharing\"><h2 id=\"h-sharing\">Sharing and trends</h2>"
            out += barFigure(id: "recipient", title: "Documents shared by recipient type", unit: "documents shared",
                             table: t.recipients(), { $0.sharesByRecipient }, label: labels.recipient)
            let tr = pack.trend
            func vals(_ series: Trend.Series) -> [Int?] { tr.series(series).map { s.hides($0) ? nil : $0 } }
            let docsDesc = PackText.describeLine("Documents shared", months: tr.months, values: tr.series(.documentsShared), s: s)
            let redDesc = PackText.describeLine("Redactions", months: tr.months, values: tr.series(.redactions), s: s)
            let regDesc = [Trend.Series.incomingFailures, .nearMisses, .breaches]
                .map { PackText.describeLine($0.label, months: tr.months, values: tr.series($0), s: s) }.joined(separator: " ")
            let docs = SVGChart.lines(id: "trend-docs", title: "Documents shared per month", description: docsDesc, months: tr.months,
                                      lines: [.init(label: "Documents shared", values: vals(.documentsShared), colour: SVGChart.primary, dash: nil)],
                                      width: 520, height: 230)
            let reds = SVGChart.lines(id: "trend-redactions", title: "Redactions per month", description: redDesc, months: tr.months,
                                      lines: [.init(label: "Redactions", values: vals(.redactions), colour: "#4c2c92", dash: nil)],
                                      width: 520, height: 230)
            let reg = SVGChart.lines(id: "trend-register", title: "Breach register records per month", description: regDesc,
                                     months: tr.months, lines: [
                                        .init(label: "Incoming failures", values: vals(.incomingFailures), colour: "#f47738", dash: "7 4"),
                                        .init(label: "Near misses", values: vals(.nearMisses), colour: "#28a197", dash: "2 3"),
                                        .init(label: "Breaches", values: vals(.breaches), colour: SVGChart.accent, dash: nil),
                                     ])
            let quiet = Trend.Series.allCases.allSatisfy { tr.series($0).allSatisfy { $0 == 0 } }
            if quiet {
                return out + "<h3>Trend</h3><p class=\"empty\">Nothing was recorded in the twelve months to "
                    + "\(HTML.esc(tr.months.last!.longLabel)).</p></section>"
            }
            out += """
            <figure class="chart" id="fig-trend" aria-labelledby="cap-trend">
            <figcaption id="cap-trend"><span class="fig-title">Trend: the twelve months to \(HTML.esc(tr.months.last!.longLabel))</span> <span class="fig-desc">\(HTML.esc(docsDesc + " " + redDesc + " " + regDesc))</span></figcaption>
            <div class="duo"><div class="plot"><h4>Documents shared</h4>\(docs)</div><div class="plot"><h4>Redactions</h4>\(reds)</div></div>
            <div class="pair"><div class="plot"><h4>Breach register records</h4>\(reg)</div>\(HTML.table(t.trend()))</div>
            </figure>
            """
            return out + "</section>"
        }

        func register() -> String {
            var out = "<section class=\"page\" aria-labelledby=\"h-register\"><h2 id=\"h-register\">Breach register</h2>"
            out += "<p class=\"lede\">\(HTML.esc(PackText.registerSummary(pack, t))) Material arriving unredacted from another "
                + "organisation is an incoming failure to redact, not a breach, unless it is then disclosed.</p>"
            out += barFigure(id: "stage", title: "Register records by stage", unit: "records", table: t.stages(),
                             { $0.registerByStage }, label: labels.stage)
            out += barFigure(id: "type", title: "Breaches by type", unit: "breaches", table: t.breachTypes(),
                             { $0.breachesByType }, label: labels.breachType)
            out += barFigure(id: "severity", title: "Breaches by severity", unit: "breaches", table: t.severities(),
                             { $0.breachesBySeverity }, label: labels.severity)
            out += "<h3>Reporting to the ICO</h3>" + HTML.table(t.reporting())
            out += barFigure(id: "source", title: "Incoming failures to redact by source organisation", unit: "incoming failures",
                             table: t.sources(), { $0.incomingBySource }, label: labels.source, limit: 15)
            out += barFigure(id: "near-miss", title: "Near misses by type", unit: "near misses", table: t.nearMissTypes(),
                             { $0.nearMissesByType }, label: labels.breachType)
            out += "<h3>Repeated breaches</h3>" + HTML.table(t.repeats())
                + "<p class=\"lede\">\(HTML.esc(t.operatorSentence()))</p>"
            return out + "</section>"
        }

        func areas() -> String {
            var out = "<section class=\"page\" aria-labelledby=\"h-areas\"><h2 id=\"h-areas\">Areas compared</h2>"
            out += "<p class=\"lede\">Each area against the others in its group for \(HTML.esc(pack.period.label)). Ranks: 1 is the "
                + "highest value. The dashed line is the group's overall figure.</p>"
            if pack.areas.isEmpty { return out + "<p class=\"empty\">No area has recorded anything yet.</p></section>" }
            // An area's pack compares it with its own group; the national pack shows every group.
            for group in pack.scopeGroup.map({ [$0] }) ?? t.areaGroups {
                let members = pack.areas.filter { $0.group == group }
                let table = t.areas(group: group)
                let id = "areas-\(group)"
                let title = "Breaches per 1,000 documents shared: \(labels.group(group))"
                let desc = PackText.describeAreas(pack, t, group: group, measure: .breachRate)
                let sorted = members.sorted { (t.comparable(.breachRate, $0.figures) ?? -1, $1.label) > (t.comparable(.breachRate, $1.figures) ?? -1, $0.label) }
                let bars = sorted.map { row in
                    SVGChart.Bar(label: row.label, value: t.comparable(.breachRate, row.figures), text: t.text(.breachRate, row.figures),
                                 comparison: nil, highlight: row.area == pack.scope.area)
                }
                let total = members.reduce(into: (breaches: 0, shared: 0)) { $0.breaches += $1.figures.breaches; $0.shared += $1.figures.documentsShared }
                let reference: (Double, String)? = total.shared > 0 && !s.hides(total.breaches)
                    ? (Double(total.breaches) * 1000 / Double(total.shared),
                       "All \(labels.group(group)): \(NumberFormat.decimal(Double(total.breaches) * 1000 / Double(total.shared), places: 2))")
                    : nil
                let svg = SVGChart.bars(id: id, title: title, description: desc, bars: bars,
                                        currentLabel: pack.scope.area.map { labels.area($0) } ?? pack.period.code,
                                        comparisonLabel: nil, reference: reference)
                out += """
                <figure class="chart" id="fig-\(HTML.esc(id))" aria-labelledby="cap-\(HTML.esc(id))">
                <figcaption id="cap-\(HTML.esc(id))"><span class="fig-title">\(HTML.esc(title))</span> <span class="fig-desc">\(HTML.esc(desc))</span></figcaption>
                <div class="plot">\(svg)</div>
                \(HTML.table(table))
                </figure>
                """
            }
            return out + "</section>"
        }

        func definitions() -> String {
            var out = "<section class=\"page\" aria-labelledby=\"h-defs\"><h2 id=\"h-defs\">Definitions and source</h2><dl class=\"defs\">"
            for (term, text) in PackText.definitions(pack) {
                out += "<dt>\(HTML.esc(term))</dt><dd>\(HTML.esc(text))</dd>"
            }
            out += "</dl><h3>Source</h3><ul class=\"notes\">" + PackText.metaLines(pack).map { "<li>\(HTML.esc($0))</li>" }.joined()
                + "<li>Check this pack against the log with <code>redact log verify --checkpoint \(pack.source.entries):\(HTML.esc(pack.source.headHash))</code>.</li></ul>"
            out += "<footer>Made by redact pack from the national redaction and breach log. The pack holds counts only: no case, "
                + "document or member of the public is named in it.</footer>"
            return out + "</section>"
        }
    }
}
