import Foundation
import RedactReport

/// The dashboard: an area's pack (or the national one) for a period, with a switcher.
public enum DashboardPages {
    /// The periods offered by the switcher: the last 12 months, 6 quarters and 3 financial years to `now`.
    public static func periods(now: Date = Date()) -> [(String, String)] {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let c = cal.dateComponents([.year, .month], from: now)
        let (y, m) = (c.year!, c.month!)
        var out: [(String, String)] = []
        for back in 0..<12 {
            let t = y * 12 + (m - 1) - back
            let code = String(format: "%04d-%02d", t / 12, t % 12 + 1)
            if let p = try? PackPeriod(parsing: code) { out.append((p.code, p.label)) }
        }
        var q = (y, (m - 1) / 3 + 1)
        for _ in 0..<6 {
            if let p = try? PackPeriod(parsing: "\(q.0)-Q\(q.1)") { out.append((p.code, p.label)) }
            q = q.1 == 1 ? (q.0 - 1, 4) : (q.0, q.1 - 1)
        }
        var fy = m >= 4 ? y : y - 1
        for _ in 0..<3 {
            let code = String(format: "FY%04d-%02d", fy, (fy + 1) % 100)
            if let p = try? PackPeriod(parsing: code) { out.append((p.code, p.label)) }
            fy -= 1
        }
        return out
    }

    /// - Parameters:
    ///   - scope: the area code shown, or nil for the national view.
    ///   - areas: the areas the viewer may switch to (one for an area manager; all for national users).
    ///   - packHTML: the pack's own rendering (``PackHTML/embedded(_:labels:)``), which escapes its text.
    public static func page(viewer: Viewer, csrf: String, scope: String?, period: String, areas: [(String, String)],
                            packHTML: String, now: Date = Date()) -> Markup {
        var periodOptions = periods(now: now)
        if !periodOptions.contains(where: { $0.0 == period }) { periodOptions.insert((period, period), at: 0) }
        var scopeOptions = areas
        if viewer.role == .national { scopeOptions.insert(("national", "All areas (national)"), at: 0) }
        let scopeField: Markup = scopeOptions.count > 1
            ? Forms.select(name: "area", label: "Area", options: scopeOptions, selected: scope ?? "national")
            : "<input type=\"hidden\" name=\"area\" value=\"\(scope ?? "")\">"
        let body: Markup = """
        <div class="wrap">
        <h1>Dashboard</h1>
        <form method="get" action="/dashboard" class="switcher" aria-label="Choose the pack">
        \(scopeField)
        \(Forms.select(name: "period", label: "Period", options: periodOptions, selected: period))
        <button type="submit">Show</button>
        </form>
        </div>
        <div class="pack-frame">\(Markup(raw: packHTML))</div>
        """
        return Layout.page(title: "Dashboard", viewer: viewer, csrf: csrf, section: .dashboard, body: body,
                           stylesheets: [Layout.packCSSPath])
    }
}
