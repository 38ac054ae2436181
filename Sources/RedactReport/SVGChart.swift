import Foundation

/// Inline SVG charts for the HTML pack: horizontal bars and monthly lines.
///
/// Why hand-written SVG: the pack must be one file that opens anywhere, offline, with no
/// script (no chart library, no CDN), and must print crisply. Each chart is sized by its
/// `viewBox` and scales to its container; it carries its own `<title>` and `<desc>` and is
/// marked `role="img"`, and the page puts a text description and a table beside it. Colour is
/// never the only cue: comparison bars are thinner, lines differ in dash pattern, values are
/// printed as text.
enum SVGChart {
    /// The drawing width; the page shows charts at this size on screen (1:1) and scales them
    /// down to fit an A4 column in print.
    static let width = 760.0
    static let ink = "#0b0c0c", muted = "#505a5f", grid = "#e3e5e6"
    static let primary = "#1d70b8", light = "#9ec3e6", comparison = "#b1b4b6", accent = "#d4351c"

    struct Bar {
        var label: String
        /// Nil: hidden by suppression or not computable; the bar is left out, `text` still shown.
        var value: Double?
        var text: String
        var comparison: Double?
        var highlight = false
    }

    /// Horizontal bars, largest first as given, with an optional thin comparison bar under each
    /// and an optional dashed reference line (a group or national figure).
    static func bars(id: String, title: String, description: String, bars: [Bar], currentLabel: String,
                     comparisonLabel: String?, reference: (value: Double, label: String)? = nil) -> String {
        let hasComparison = comparisonLabel != nil && bars.contains { $0.comparison != nil }
        let labelWidth = 270.0, valueWidth = 84.0
        let plot = width - labelWidth - valueWidth
        let rowHeight = hasComparison ? 28.0 : 22.0
        let top = (hasComparison || reference != nil) ? 30.0 : 6.0
        let height = top + rowHeight * Double(bars.count) + 8
        let maxValue = max(1e-9, bars.compactMap(\.value).max() ?? 0, bars.compactMap(\.comparison).max() ?? 0, reference?.value ?? 0)
        let anyHighlight = bars.contains(where: \.highlight)
        var out = open(id: id, title: title, description: description, height: height)
        // Legend.
        var lx = labelWidth
        if hasComparison || anyHighlight {
            out += rect(lx, 8, 12, 12, anyHighlight ? primary : primary) + text(lx + 16, 18, currentLabel, size: 12)
            lx += 26 + Double(currentLabel.count) * 6.6
        }
        if hasComparison, let c = comparisonLabel {
            out += rect(lx, 12, 12, 5, comparison) + text(lx + 16, 18, c, size: 12)
            lx += 26 + Double(c.count) * 6.6
        }
        for (i, bar) in bars.enumerated() {
            let y = top + Double(i) * rowHeight
            let shown = bar.label.count > 35 ? String(bar.label.prefix(34)) + "…" : bar.label
            out += text(labelWidth - 8, y + 13, shown, size: 13, anchor: "end", weight: bar.highlight ? "700" : nil)
            var end = labelWidth
            if let v = bar.value {
                let w = max(v > 0 ? 1.5 : 0, plot * v / maxValue)
                let fill = anyHighlight ? (bar.highlight ? primary : light) : primary
                out += rect(labelWidth, y + 2, w, 14, fill)
                end += w
            }
            if hasComparison, let c = bar.comparison {
                let w = max(c > 0 ? 1.5 : 0, plot * c / maxValue)
                out += rect(labelWidth, y + 18, w, 5, comparison)
                end = max(end, labelWidth + w)
            }
            out += text(end + 6, y + 14, bar.text, size: 13, weight: bar.highlight ? "700" : nil)
        }
        if let r = reference {
            let x = labelWidth + plot * r.value / maxValue
            out += "<line x1=\"\(f(x))\" y1=\"\(f(top - 4))\" x2=\"\(f(x))\" y2=\"\(f(height - 4))\" stroke=\"\(ink)\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>"
            let anchor = x > width - 160 ? "end" : "start"
            out += text(anchor == "end" ? x - 4 : x + 4, top - 8, r.label, size: 11, anchor: anchor, colour: ink)
        }
        return out + "</svg>"
    }

    struct Line {
        var label: String
        /// One value per month; nil leaves a gap (suppressed).
        var values: [Int?]
        var colour: String
        var dash: String?
    }

    /// Monthly lines on one axis starting at zero.
    static func lines(id: String, title: String, description: String, months: [Month], lines: [Line],
                      width: Double = SVGChart.width, height: Double = 240) -> String {
        let left = 58.0, right = 16.0, top = lines.count > 1 ? 32.0 : 14.0, bottom = 42.0
        let plotW = width - left - right, plotH = height - top - bottom
        let maxValue = Double(lines.flatMap { $0.values.compactMap { $0 } }.max() ?? 0)
        let step = niceStep(maxValue)
        let axisMax = max(step, (maxValue / step).rounded(.up) * step)
        func x(_ i: Int) -> Double { left + (months.count > 1 ? plotW * Double(i) / Double(months.count - 1) : plotW / 2) }
        func y(_ v: Double) -> Double { top + plotH - plotH * v / axisMax }
        var out = open(id: id, title: title, description: description, width: width, height: height)
        // Grid and y axis.
        var tick = 0.0
        while tick <= axisMax + step / 2 {
            out += "<line x1=\"\(f(left))\" y1=\"\(f(y(tick)))\" x2=\"\(f(width - right))\" y2=\"\(f(y(tick)))\" stroke=\"\(tick == 0 ? muted : grid)\" stroke-width=\"1\"/>"
            out += text(left - 6, y(tick) + 4, NumberFormat.grouped(Int(tick)), size: 12, anchor: "end", colour: muted)
            tick += step
        }
        // Months.
        for (i, m) in months.enumerated() {
            out += text(x(i), height - bottom + 17, String(m.monthName.prefix(3)), size: 12, anchor: "middle", colour: muted)
            if i == 0 || m.month == 1 {
                out += text(x(i), height - bottom + 32, String(m.year), size: 12, anchor: "middle", colour: muted, weight: "700")
            }
        }
        // Legend.
        if lines.count > 1 {
            var lx = left
            for line in lines {
                out += "<line x1=\"\(f(lx))\" y1=\"12\" x2=\"\(f(lx + 22))\" y2=\"12\" stroke=\"\(line.colour)\" stroke-width=\"3\"\(line.dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")/>"
                out += text(lx + 28, 16, line.label, size: 12)
                lx += 44 + Double(line.label.count) * 6.6
            }
        }
        // Lines, broken where a value is hidden.
        for line in lines {
            var path = ""
            var pen = false
            for (i, v) in line.values.enumerated() {
                guard let v else { pen = false; continue }
                path += "\(pen ? "L" : "M")\(f(x(i))) \(f(y(Double(v)))) "
                pen = true
            }
            if !path.isEmpty {
                out += "<path d=\"\(path.trimmingCharacters(in: .whitespaces))\" fill=\"none\" stroke=\"\(line.colour)\" stroke-width=\"2.5\" stroke-linejoin=\"round\"\(line.dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")/>"
            }
            for (i, v) in line.values.enumerated() {
                guard let v else { continue }
                out += "<circle cx=\"\(f(x(i)))\" cy=\"\(f(y(Double(v))))\" r=\"3\" fill=\"\(line.colour)\"/>"
            }
        }
        return out + "</svg>"
    }

    /// A round step for about four gridlines (1, 2, 2.5 or 5 times a power of ten; at least 1).
    static func niceStep(_ maxValue: Double, ticks: Double = 4) -> Double {
        guard maxValue > 0 else { return 1 }
        let raw = maxValue / ticks
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let fraction = raw / magnitude
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10
        return max(1, nice * magnitude)
    }

    // MARK: Pieces

    static func open(id: String, title: String, description: String, width: Double = SVGChart.width, height: Double) -> String {
        "<svg viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-labelledby=\"svgt-\(HTML.esc(id)) svgd-\(HTML.esc(id))\" "
            + "preserveAspectRatio=\"xMinYMin meet\" focusable=\"false\"><title id=\"svgt-\(HTML.esc(id))\">\(HTML.esc(title))</title>"
            + "<desc id=\"svgd-\(HTML.esc(id))\">\(HTML.esc(description))</desc>"
    }

    static func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, _ fill: String) -> String {
        "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(w))\" height=\"\(f(h))\" fill=\"\(fill)\"/>"
    }

    static func text(_ x: Double, _ y: Double, _ s: String, size: Double, anchor: String = "start",
                     colour: String = ink, weight: String? = nil) -> String {
        "<text x=\"\(f(x))\" y=\"\(f(y))\" font-size=\"\(f(size))\" text-anchor=\"\(anchor)\" fill=\"\(colour)\""
            + (weight.map { " font-weight=\"\($0)\"" } ?? "") + ">\(HTML.esc(s))</text>"
    }

    /// Coordinates with at most one decimal.
    static func f(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
