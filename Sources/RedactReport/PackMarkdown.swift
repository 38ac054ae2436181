import Foundation

/// The Markdown format: the same tables as the HTML pack, for wikis, tickets and email.
public enum PackMarkdown {
    public static func render(_ pack: Pack, labels: Labels) -> String {
        let t = PackTables(pack: pack, labels: labels)
        var out = "# \(PackText.title(pack))\n\n"
        out += PackText.metaLines(pack).map { "- \($0)" }.joined(separator: "\n") + "\n\n"
        for note in pack.notes { out += "> \(escape(note))\n>\n" }
        if !pack.notes.isEmpty { out.removeLast(2); out += "\n\n" }

        out += "## Headlines\n\n" + table(t.headlines())
        out += "## Redactions\n\n\(PackText.redactionSummary(pack, t))\n\n"
        out += table(t.categories()) + table(t.justifications()) + table(t.styles())
        out += "## Sharing\n\n" + table(t.recipients())
        out += "## Trend\n\n" + table(t.trend())
        out += "## Breach register\n\n\(PackText.registerSummary(pack, t))\n\n"
        out += table(t.stages()) + table(t.breachTypes()) + table(t.severities()) + table(t.reporting())
        out += table(t.nearMissTypes()) + table(t.sources())
        out += "## Repeated breaches\n\n" + table(t.repeats()) + "\(t.operatorSentence())\n\n"
        out += "## Areas compared\n\n"
        for g in t.areaGroups { out += table(t.areas(group: g)) }
        out += "## Definitions\n\n" + PackText.definitions(pack).map { "- **\($0.0)**: \($0.1)" }.joined(separator: "\n") + "\n"
        return out
    }

    static func table(_ t: ReportTable) -> String {
        var out = "**\(escape(t.caption))**\n\n"
        guard !t.rows.isEmpty else { return out + "_\(t.emptyText)_\n\n" }
        out += "| " + t.headers.map(escape).joined(separator: " | ") + " |\n"
        out += "|" + t.headers.indices.map { $0 == 0 ? " --- |" : " ---: |" }.joined() + "\n"
        for (i, row) in t.rows.enumerated() {
            let cells = row.map(escape)
            let first = t.highlight.contains(i) ? "**\(cells[0])**" : cells[0]
            out += "| " + ([first] + cells.dropFirst()).joined(separator: " | ") + " |\n"
        }
        return out + "\n"
    }

    /// Escapes the characters Markdown tables and emphasis would interpret.
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            if "|*_`[]<>\\".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
