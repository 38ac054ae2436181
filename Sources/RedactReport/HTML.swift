import Foundation

/// Escaping and small builders for the HTML pack. Every piece of text that reaches the page goes
/// through ``esc(_:)``: labels come from reference files and codes from the log, and neither is
/// trusted to be free of `<` or `&`.
enum HTML {
    static func esc(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A table with a caption, column headers and row headers (the first cell of each row).
    static func table(_ t: ReportTable, numericFrom: Int = 1) -> String {
        guard !t.rows.isEmpty else {
            return "<p class=\"empty\">\(esc(t.emptyText))</p>"
        }
        var out = "<div class=\"table-wrap\"><table id=\"table-\(esc(t.id))\"><caption>\(esc(t.caption))</caption><thead><tr>"
        for (i, h) in t.headers.enumerated() {
            out += "<th scope=\"col\"\(i >= numericFrom ? " class=\"num\"" : "")>\(esc(h))</th>"
        }
        out += "</tr></thead><tbody>"
        for (r, row) in t.rows.enumerated() {
            let isTotal = row.first?.hasPrefix("All ") == true && r == t.rows.count - 1
            let cls = t.highlight.contains(r) ? " class=\"highlight\"" : (isTotal ? " class=\"total\"" : "")
            out += "<tr\(cls)>"
            for (i, cell) in row.enumerated() {
                if i == 0 {
                    out += "<th scope=\"row\">\(esc(cell))</th>"
                } else {
                    out += "<td\(i >= numericFrom ? " class=\"num\"" : "")>\(esc(cell))</td>"
                }
            }
            out += "</tr>"
        }
        return out + "</tbody></table></div>"
    }

    /// A chart with its text description and its table: `<figure>` + `<figcaption>`, the SVG
    /// labelled by its own title and description, then the table alternative.
    static func figure(id: String, title: String, description: String, svg: String, table: ReportTable) -> String {
        """
        <figure class="chart" id="fig-\(esc(id))" aria-labelledby="cap-\(esc(id))">
        <figcaption id="cap-\(esc(id))"><span class="fig-title">\(esc(title))</span> <span class="fig-desc">\(esc(description))</span></figcaption>
        <div class="pair"><div class="plot">\(svg)</div>\(HTML.table(table))</div>
        </figure>
        """
    }
}
