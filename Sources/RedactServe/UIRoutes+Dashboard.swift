import Foundation
import Hummingbird
import RedactReport
import RedactWeb

/// `GET /dashboard?area=A&period=P`: the area pack on a screen, with a period switcher. Area
/// managers see their own area; national users every area and `national`; operators: 403.
enum UIDashboardRoutes {
    static func register(on table: RouteTable, ui: UIServices) {
        table.add(RouteSpec(.get, "/dashboard", id: "dashboard", summary: "The area pack on a screen, with a period switcher",
                            description: "Area managers: their own area (another area: HTML 403). National users: any area, and `national`. Operators: HTML 403.",
                            tags: ["ui"], access: .open,
                            parameters: [RouteParameter("area", in: .query, "An area code, or `national` (default: your area, or national)"),
                                         RouteParameter("period", in: .query, "A month, quarter or financial year (default: this quarter)")],
                            responses: [.html("The dashboard"), .html("Not your area", status: 403), .html("The period does not parse", status: 422)])) { request, context in
            await UIPage.page(request, context) { viewer in
                guard viewer.mayReadPacks else { return UIPage.error(.forbidden, context) }
                let requested = request.uri.queryParameters.get("area").map { String($0) }.flatMap { $0.isEmpty ? nil : $0 }
                let area = requested ?? viewer.area ?? "national"
                if area == "national" {
                    guard viewer.role == .national else { return UIPage.error(.forbidden, context) }
                } else {
                    guard ui.reference.contains(area, in: .areas) else { return UIPage.error(.notFound, context) }
                    guard viewer.mayReadPack(of: area) else { return UIPage.error(.forbidden, context) }
                }
                let periodCode = request.uri.queryParameters.get("period").map { String($0) } ?? DashboardPages.periods()[12].0
                guard let period = try? PackPeriod(parsing: periodCode) else {
                    return UIPage.error(.unprocessableContent, context,
                                        detail: "A period is a month (2026-04), a quarter (2026-Q1) or a financial year (FY2026-27).")
                }
                let pack: Pack
                do {
                    let source = try ui.services.packSource()
                    pack = try PackBuilder(reference: ui.reference).build(
                        PackRequest(scope: area == "national" ? .national : .area(area), period: period), from: source)
                } catch {
                    return UIPage.error(.serviceUnavailable, context, detail: "The log could not be read.")
                }
                let areas = viewer.role == .national ? ui.areas : ui.areas.filter { $0.0 == viewer.area }
                return UIPage.send(DashboardPages.page(viewer: viewer, csrf: context.csrfToken ?? "",
                                                       scope: area == "national" ? nil : area, period: period.code, areas: areas,
                                                       packHTML: PackHTML.embedded(pack, labels: ui.labels)))
            }
        }
    }
}
