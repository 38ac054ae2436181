import Foundation
import Hummingbird
import RedactApply
import RedactContainers
import RedactCore
import RedactFormats
import RedactReview
import RedactWeb

/// The review screen (operators only: the disclosure is theirs, logged to their area).
///
/// `GET /review` the start form; `POST /review` opens a review (multipart upload or pasted
/// text) and redirects to `GET /review/{id}`; the decisions post to `/review/{id}/items/{item}`,
/// `/review/{id}/manual` and `/review/{id}/finish`, each redirecting back; the files come from
/// `/review/{id}/download/{file}`. A review belongs to whoever opened it: anyone else gets 404.
enum UIReviewRoutes {
    static let roles = "Operators (the disclosure is logged with them as operator, in their area). Others: an HTML 403 page; without a session: a redirect to /signin (GET) or an HTML 401 page."

    /// Fixed sentences for the `m` query parameter after a redirect (never user text).
    static let messages: [String: String] = [
        "opened": "The document was scanned. Review each finding, add anything missed, then finish.",
        "accepted": "The finding will be redacted.", "rejected": "Marked as not personal data: it stays as it is.",
        "kept": "Kept, with your reason.", "removed": "The manual redaction was removed.",
        "manual": "Your redaction was added.", "finished": "The disclosure is logged.",
    ]

    static func register(on table: RouteTable, ui: UIServices) {
        let idParam = RouteParameter("id", in: .path, "The review's id (from POST /review)")

        table.add(RouteSpec(.get, "/review", id: "reviewStart", summary: "The review screen: upload or paste a document",
                            description: roles, tags: ["ui"], access: .open, responses: [.html("The start form")])) { request, context in
            await UIPage.page(request, context) { viewer in
                guard viewer.mayReview else { return UIPage.error(.forbidden, context) }
                return UIPage.send(ReviewPages.start(viewer: viewer, csrf: context.csrfToken ?? "", choices: choices(ui)))
            }
        }

        table.add(RouteSpec(.post, "/review", id: "reviewOpen", summary: "Open a review (multipart upload or pasted text)",
                            description: roles, tags: ["ui"], access: .open,
                            responses: [RouteResponse(303, "To the review screen"), .html("The start form with what to fix", status: 422)],
                            hidden: true)) { request, context in
            await UIPage.page(request, context) { viewer in
                guard viewer.mayReview, let area = viewer.area else { return UIPage.error(.forbidden, context) }
                guard let service = ui.review else { return UIPage.error(.serviceUnavailable, context) }
                let form = try await UIPage.form(request, limit: ui.services.configuration.maxBodyBytes + (64 << 10))
                func again(_ message: String) -> Response {
                    UIPage.send(ReviewPages.start(viewer: viewer, csrf: context.csrfToken ?? "", choices: choices(ui), error: message),
                                status: .unprocessableContent)
                }
                var name = (form["name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                var bytes: [UInt8] = []
                if let file = form.files["file"], !file.bytes.isEmpty {
                    bytes = file.bytes
                    name = (file.filename as NSString).lastPathComponent
                } else if let text = form["text"], !text.isEmpty {
                    // Browsers send a textarea's line ends as CR LF; the pasted text is the document.
                    bytes = Array(text.utf8)
                }
                guard !bytes.isEmpty else { return again("Upload a file or paste some text.") }
                guard bytes.count <= ui.services.configuration.maxBodyBytes else { return again("The document is larger than this server accepts.") }
                if name.isEmpty { name = "pasted.txt" }
                // Plain text, and CSV, TSV, JSON and JSON Lines, are shown as text and their bytes
                // redacted. DOCX, email and zip are reviewed as a findings table by part and
                // redacted by their format; a PDF's findings are shown, but it is not redacted here.
                let format = DocumentReview.detect(name: name, bytes: bytes)
                if let format, !textLike.contains(format.id), !DocumentReview.formats.contains(format.id) {
                    return again("This screen cannot review a \(format.id.uppercased()) file: it goes through redact apply (the command line).")
                }
                if format.map({ !DocumentReview.formats.contains($0.id) }) ?? true, bytes.prefix(8 << 10).contains(0) {
                    return again("This looks like a binary file that is not DOCX, email, zip or PDF: this screen cannot review it.")
                }
                let caseRef = (form["case"] ?? "").trimmingCharacters(in: .whitespaces)
                guard validCase(caseRef) else { return again("Give the case reference: letters, digits, / - . (at most 32).") }
                guard let style = RedactionStyle(rawValue: form["style"] ?? "label"), style != .pseudonym else {
                    return again("Choose label, block or mask.")
                }
                let req = ReviewService.Request(name: name, bytes: bytes, recipient: form["recipient"] ?? "", profile: form["profile"],
                                                style: style, caseReference: caseRef, parties: form["parties"], basis: form["basis"])
                let doc: ReviewDocument
                do { doc = try service.open(req, owner: viewer.name, area: area) } catch { return again(error.message) }
                let id = await service.store.add(doc)
                return Response.redirect(to: "/review/\(id)?m=opened")
            }
        }

        table.add(RouteSpec(.get, "/review/{id}", id: "reviewScreen", summary: "A document under review, its findings highlighted",
                            description: roles, tags: ["ui"], access: .open,
                            parameters: [idParam, RouteParameter("m", in: .query, "A message code after a step")],
                            responses: [.html("The review screen"), .html("No such review of yours", status: 404)])) { request, context in
            await UIPage.page(request, context) { viewer in
                let (_, id, doc) = try await load(ui, context, viewer)
                let m = request.uri.queryParameters.get("m").flatMap { messages[String($0)] }
                return UIPage.send(ReviewPages.screen(id: id, doc: doc, viewer: viewer, csrf: context.csrfToken ?? "",
                                                      labels: ui.labels, notice: m))
            }
        }

        table.add(RouteSpec(.post, "/review/{id}/items/{item}", id: "reviewDecide", summary: "Redact, reject or keep a finding",
                            description: roles, tags: ["ui"], access: .open,
                            parameters: [idParam, RouteParameter("item", in: .path, "The finding's number")],
                            responses: [RouteResponse(303, "Back to the review screen")], hidden: true)) { request, context in
            await UIPage.page(request, context) { viewer in
                let (service, id, doc) = try await load(ui, context, viewer)
                let form = try await UIPage.form(request, limit: ui.services.configuration.maxFormBytes)
                guard let item = context.parameters.get("item").flatMap({ Int($0) }) else { return UIPage.error(.notFound, context) }
                var d = doc
                let message: String
                do {
                    switch form["action"] ?? "" {
                    case "accept":
                        let j = form["justification"] ?? ""
                        try d.accept(item, justification: isRedactCode(j, ui) ? j : ui.reference.defaultJustification(for: try d.item(item).category))
                        message = "accepted"
                    case "reject":
                        message = (try d.item(item)).origin == .manual ? "removed" : "rejected"
                        try d.reject(item)
                    case "keep":
                        let j = form["justification"] ?? ""
                        guard ui.reference.isKeepDecision(j) else { throw ReviewError(.badCode, "choose why it is kept") }
                        try d.keep(item, justification: j, reason: form["reason"] ?? "")
                        message = "kept"
                    default:
                        throw ReviewError(.badCode, "choose redact, not personal data, or keep")
                    }
                } catch {
                    return UIPage.send(ReviewPages.screen(id: id, doc: doc, viewer: viewer, csrf: context.csrfToken ?? "",
                                                          labels: ui.labels, error: error.message), status: .unprocessableContent)
                }
                await service.store.put(id, d)
                return Response.redirect(to: "/review/\(id)?m=\(message)#item-\(item)")
            }
        }

        table.add(RouteSpec(.post, "/review/{id}/manual", id: "reviewManual", summary: "Add a manual redaction (a selection or exact text)",
                            description: roles + " Fields: sb/so/eb/eo (each end's segment byte and UTF-16 offset, from review.js) or match (exact text), category, justification.",
                            tags: ["ui"], access: .open, parameters: [idParam],
                            responses: [RouteResponse(303, "Back to the review screen")], hidden: true)) { request, context in
            await UIPage.page(request, context) { viewer in
                let (service, id, doc) = try await load(ui, context, viewer)
                let form = try await UIPage.form(request, limit: ui.services.configuration.maxFormBytes)
                var d = doc
                do {
                    if let format = d.format {
                        throw ReviewError(.unsupported, "manual redactions are not available for a \(format.uppercased()) document: only its findings can be decided here")
                    }
                    let category = form["category"] ?? ""
                    guard Category.taxonomy.contains(where: { $0.rawValue == category }) else { throw ReviewError(.badCode, "choose a category") }
                    let j = form["justification"] ?? ""
                    let justification = isRedactCode(j, ui) ? j : ui.reference.defaultJustification(for: category)
                    var spans: [Range<Int>] = []
                    if let sb = form["sb"].flatMap({ Int($0) }), let so = form["so"].flatMap({ Int($0) }),
                       let eb = form["eb"].flatMap({ Int($0) }), let eo = form["eo"].flatMap({ Int($0) }) {
                        spans = [try d.selection(startSegment: sb, startUTF16: so, endSegment: eb, endUTF16: eo)]
                    } else if let text = form["match"], !text.isEmpty {
                        spans = d.occurrences(of: text)
                        guard !spans.isEmpty else { throw ReviewError(.badSpan, "that text does not occur in the document (it must match exactly)") }
                    } else {
                        throw ReviewError(.badSpan, "select text in the document, or type the exact text to redact")
                    }
                    for s in spans.reversed() {
                        try d.addManual(start: s.lowerBound, end: s.upperBound, category: category, justification: justification,
                                        operatorID: viewer.name)
                    }
                } catch {
                    return UIPage.send(ReviewPages.screen(id: id, doc: doc, viewer: viewer, csrf: context.csrfToken ?? "",
                                                          labels: ui.labels, error: error.message), status: .unprocessableContent)
                }
                await service.store.put(id, d)
                return Response.redirect(to: "/review/\(id)?m=manual")
            }
        }

        table.add(RouteSpec(.post, "/review/{id}/finish", id: "reviewFinish", summary: "Make the redacted copy and log the disclosure",
                            description: roles, tags: ["ui"], access: .open, parameters: [idParam],
                            responses: [RouteResponse(303, "Back to the review screen, with the downloads")], hidden: true)) { request, context in
            await UIPage.page(request, context) { viewer in
                let (service, id, doc) = try await load(ui, context, viewer)
                guard doc.outcome == nil else { return Response.redirect(to: "/review/\(id)#h-finish") }
                let done: ReviewDocument
                do {
                    done = try service.finish(doc, log: ui.services.store, operatorID: viewer.name)
                } catch let e as ReviewError {
                    return UIPage.send(ReviewPages.screen(id: id, doc: doc, viewer: viewer, csrf: context.csrfToken ?? "",
                                                          labels: ui.labels, error: e.message), status: .unprocessableContent)
                } catch {
                    // The log refused or failed: nothing is released without its log entry.
                    return UIPage.send(ReviewPages.screen(id: id, doc: doc, viewer: viewer, csrf: context.csrfToken ?? "", labels: ui.labels,
                                                          error: "The disclosure could not be logged, so no copy was made. Try again, or ask your administrator."),
                                       status: .serviceUnavailable)
                }
                await service.store.put(id, done)
                return Response.redirect(to: "/review/\(id)?m=finished#h-finish")
            }
        }

        table.add(RouteSpec(.get, "/review/{id}/download/{file}", id: "reviewDownload", summary: "The redacted copy, its manifest or its schedule",
                            description: roles + " Only after finishing, and not for a copy held for a second check.",
                            tags: ["ui"], access: .open,
                            parameters: [idParam, RouteParameter("file", in: .path, "redacted, manifest or schedule")],
                            responses: [RouteResponse(200, "The file", content: ["application/octet-stream": ["type": "string"]]),
                                        .html("Not finished, held, or no such review", status: 404)])) { request, context in
            await UIPage.page(request, context) { viewer in
                let (_, _, doc) = try await load(ui, context, viewer)
                guard let out = doc.outcome, !out.held else { return UIPage.error(.notFound, context) }
                switch context.parameters.get("file") ?? "" {
                case "redacted": return UIPage.download(out.redacted, type: "application/octet-stream", filename: doc.name)
                case "manifest": return UIPage.download(out.manifestJSON, type: "application/json", filename: doc.name + ".manifest.json")
                case "schedule": return UIPage.download(Array(out.scheduleCSV.utf8), type: "text/csv; charset=utf-8", filename: doc.name + ".schedule.csv")
                default: return UIPage.error(.notFound, context)
                }
            }
        }
    }

    /// The review named in the path, if it is this viewer's (else 404: a review's existence is
    /// not disclosed to anyone else).
    static func load(_ ui: UIServices, _ context: RedactRequestContext, _ viewer: Viewer) async throws -> (ReviewService, String, ReviewDocument) {
        guard viewer.mayReview else { throw ServeProblem(.forbidden, "only operators review documents", code: "role") }
        guard let service = ui.review else { throw ServeProblem(.serviceUnavailable, "the review screen is unavailable") }
        guard let id = context.parameters.get("id"), let doc = await service.store.get(id),
              doc.owner == viewer.name, doc.area == viewer.area
        else { throw ServeProblem(.notFound, "no such review") }
        return (service, id, doc)
    }

    /// The formats reviewed as text (the others of `DocumentReview.formats` as a findings table).
    static let textLike: Set<String> = ["text", "csv", "tsv", "json", "jsonl"]

    static func choices(_ ui: UIServices) -> ReviewPages.Choices {
        ReviewPages.Choices(recipients: ui.reference.entries(.recipients).map { ($0.code, $0.label) },
                            profiles: ui.review?.profiles.profiles.map { ($0.id, "\($0.id): \($0.label)") } ?? [],
                            formats: "plain text, CSV, TSV, JSON and JSON Lines (UTF-8), shown as text; DOCX, email (EML) and zip, shown as findings by part; PDF, findings only (not redacted here)")
    }

    static func isRedactCode(_ code: String, _ ui: UIServices) -> Bool {
        ui.reference.contains(code, in: .justifications) && !ui.reference.isKeepDecision(code)
    }

    /// The log's rule for a case URN: letters, digits, `/`, `-`, `.`; at most 32.
    static func validCase(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 32 && s.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "/-.".unicodeScalars.contains($0)) }
    }
}

extension Error {
    /// A message for the page: a ``ReviewError``'s own (no document text), else a fixed one.
    var message: String { (self as? ReviewError)?.message ?? "That step could not be done." }
}
