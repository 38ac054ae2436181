import Foundation
import Hummingbird
import RedactLog
import RedactWeb

/// The breach register in the browser: `GET /breaches` (list and the form to record one),
/// `POST /breaches`, `GET /breaches/{id}` (every version and the update form), `POST
/// /breaches/{id}`. Operators and area managers: their own area; national users: every area.
enum UIBreachRoutes {
    static let roles = "Operators and area managers: their own area (another area's breach: HTML 403); national users: every area."
    static let messages: [String: String] = ["recorded": "Recorded.", "updated": "A new version was recorded."]

    static func register(on table: RouteTable, ui: UIServices) {
        let idParam = RouteParameter("id", in: .path, "The breach id")

        table.add(RouteSpec(.get, "/breaches", id: "breachRegister", summary: "The breach register: list and record",
                            description: roles, tags: ["ui"], access: .open,
                            parameters: [RouteParameter("area", in: .query, "National users: only this area")],
                            responses: [.html("The register")])) { request, context in
            await UIPage.page(request, context) { viewer in
                let filterArea = viewer.role == .national ? request.uri.queryParameters.get("area").map { String($0) } : viewer.area
                let list = try LogProblems.map { try ui.services.store.breaches(BreachFilter(area: filterArea)) }
                let m = request.uri.queryParameters.get("m").flatMap { messages[String($0)] }
                return UIPage.send(BreachPages.list(viewer: viewer, csrf: context.csrfToken ?? "", breaches: list, labels: ui.labels,
                                                    areas: ui.areas, notice: m))
            }
        }

        table.add(RouteSpec(.post, "/breaches", id: "breachRecordForm", summary: "Record a breach or near miss (form)",
                            description: roles + " Free text is redacted before it is stored.", tags: ["ui"], access: .open,
                            responses: [RouteResponse(303, "To the new breach"), .html("The form with what to fix", status: 422)],
                            hidden: true)) { request, context in
            await UIPage.page(request, context) { viewer in
                let form = try await UIPage.form(request, limit: ui.services.configuration.maxFormBytes)
                let area = viewer.role == .national ? (form["area"] ?? "") : (viewer.area ?? "")
                guard viewer.mayUseRegister(of: area) else { return UIPage.error(.forbidden, context) }
                func again(_ message: String) throws -> Response {
                    let list = try LogProblems.map { try ui.services.store.breaches(BreachFilter(area: viewer.role == .national ? nil : viewer.area)) }
                    return UIPage.send(BreachPages.list(viewer: viewer, csrf: context.csrfToken ?? "", breaches: list, labels: ui.labels,
                                                        areas: ui.areas, error: message), status: .unprocessableContent)
                }
                guard ui.reference.contains(area, in: .areas) else { return try again("choose an area") }
                var record: BreachRecord
                do { record = try BreachForm.newRecord(form, area: area, recordedBy: viewer.name, reference: ui.reference) } catch {
                    return try again("\(error)")
                }
                record.toolVersion = ui.services.version
                do { try ui.services.store.recordBreach(record) } catch let e as LogError {
                    return try again(e.kind == .invalidInput || e.kind == .unknownCode
                                     ? "a field was refused by the log (check the codes and times)" : "the log could not be written")
                }
                return Response.redirect(to: "/breaches/\(record.id.uuidString.lowercased())?m=recorded")
            }
        }

        table.add(RouteSpec(.get, "/breaches/{id}", id: "breachPage", summary: "One breach: every version, and the update form",
                            description: roles, tags: ["ui"], access: .open, parameters: [idParam],
                            responses: [.html("The breach"), .html("Another area's breach", status: 403), .html("No such breach", status: 404)])) { request, context in
            await UIPage.page(request, context) { viewer in
                let history = try history(ui, context, viewer)
                let m = request.uri.queryParameters.get("m").flatMap { messages[String($0)] }
                return UIPage.send(BreachPages.show(viewer: viewer, csrf: context.csrfToken ?? "", history: history, labels: ui.labels, notice: m))
            }
        }

        table.add(RouteSpec(.post, "/breaches/{id}", id: "breachUpdateForm", summary: "Record a new version of a breach (form)",
                            description: roles, tags: ["ui"], access: .open, parameters: [idParam],
                            responses: [RouteResponse(303, "Back to the breach")], hidden: true)) { request, context in
            await UIPage.page(request, context) { viewer in
                let old = try history(ui, context, viewer)
                let form = try await UIPage.form(request, limit: ui.services.configuration.maxFormBytes)
                let id = old.last!.id
                do {
                    try ui.services.store.updateBreach(id: id, recordedBy: viewer.name) { r in
                        try BreachForm.update(&r, form, reference: ui.reference)
                    }
                } catch {
                    let message = error is BreachForm.Invalid ? "\(error)" : "a field was refused by the log (check the codes and times)"
                    return UIPage.send(BreachPages.show(viewer: viewer, csrf: context.csrfToken ?? "", history: old, labels: ui.labels, error: message),
                                       status: .unprocessableContent)
                }
                return Response.redirect(to: "/breaches/\(id.uuidString.lowercased())?m=updated")
            }
        }
    }

    /// The breach's versions, if the viewer may see its area (403 otherwise; 404 if none).
    static func history(_ ui: UIServices, _ context: RedactRequestContext, _ viewer: Viewer) throws -> [BreachRecord] {
        guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw ServeProblem(.notFound, "no such breach") }
        let history = try LogProblems.map { try ui.services.store.breachHistory(id: id) }
        guard let last = history.last else { throw ServeProblem(.notFound, "no such breach") }
        guard viewer.mayUseRegister(of: last.area) else { throw ServeProblem(.forbidden, "another area's breach", code: "area") }
        return history
    }
}
