import RedactApply
import RedactCore
import RedactLog
import RedactReport
import RedactReview

/// The review screen of a DOCX, email, zip or PDF: the findings as a table grouped by part
/// (the format's locator), with the same decisions as a text review. The document itself is not
/// shown (its parts are encoded or zipped): a finding shows its matched value only when the
/// format's finder mapped it exactly. No manual redactions. A PDF is scan-only.
extension ReviewPages {
    static func formatName(_ id: String) -> String {
        switch id {
        case "eml": return "email (EML)"
        case "docx": return "DOCX"
        case "zip": return "zip"
        case "pdf": return "PDF"
        default: return id.uppercased()
        }
    }

    static func documentScreen(id: String, doc: ReviewDocument, viewer: Viewer, csrf: String, labels: Labels,
                               notice: String?, error: String?) -> Markup {
        let finished = doc.outcome != nil
        let format = doc.format ?? "text"
        let items = doc.items
        let counts = (redact: items.filter { $0.status == .redact }.count, keep: items.filter { $0.status == .keep }.count,
                      rejected: items.filter { $0.status == .rejected }.count)
        var notices: [Markup] = []
        if let error { notices.append("<div class=\"error-summary\" role=\"alert\"><h2>That step did not work</h2><p>\(error)</p></div>") }
        if let notice, !doc.scanOnly { notices.append("<p class=\"notice\" role=\"status\">\(notice)</p>") }
        if doc.scanOnly {
            notices.append("""
            <div class="notice warn" id="scan-only" role="status"><p><strong>This PDF is shown for its findings only: it cannot be redacted here.</strong></p>
            <p>As with <code>redact apply</code>: \(RedactReview.DocumentReview.pdfRefusal)</p></div>
            """)
        } else {
            notices.append("<p class=\"hint\" id=\"no-manual\">A \(formatName(format)) document is reviewed as a list of findings by part. Manual selections are not available for this format: redact anything the scanner missed in the source document, or review it as text.</p>")
        }
        if doc.holds && !finished && !doc.scanOnly {
            notices.append("<p class=\"notice warn\">The \(doc.profile ?? "") profile holds documents with offence information for a second check: this one will be logged as held, not released.</p>")
        }
        let profile = doc.profile.map { "\($0) (version \(doc.profileVersion ?? "-"))" } ?? "none"
        // Parts in the order their first finding appears.
        var parts: [String?] = []
        for it in items where !parts.contains(where: { $0 == it.locator }) { parts.append(it.locator) }
        let groups: [Markup] = parts.enumerated().map { n, part in
            let inPart = items.filter { $0.locator == part }
            let title: Markup = part.map { "Part <code>\($0)</code>" } ?? "Stored as-is in the file (byte offsets)"
            return """
            <section class="part" aria-labelledby="h-part-\(n + 1)"><h3 id="h-part-\(n + 1)">\(title) <span class="hint">(\(inPart.count) findings)</span></h3>
            <table class="findings-table"><thead><tr><th scope="col">#</th><th scope="col">Category</th><th scope="col">Value</th><th scope="col">Where</th><th scope="col">Rule</th><th scope="col">Why</th><th scope="col">Decision</th>\(finished || doc.scanOnly ? Markup.empty : "<th scope=\"col\">Change</th>" as Markup)</tr></thead>
            <tbody>\(inPart.map { row($0, id: id, doc: doc, csrf: csrf, labels: labels, finished: finished) })</tbody></table>
            </section>
            """
        }
        let body: Markup = """
        <div class="wrap wide">
        <h1>Review: <span class="docname">\(doc.name)</span></h1>
        <dl class="facts">
        <div><dt>Format</dt><dd>\(formatName(format))</dd></div>
        <div><dt>Case</dt><dd>\(doc.caseReference)</dd></div>
        <div><dt>Recipient</dt><dd>\(labels.recipient(doc.recipient))</dd></div>
        <div><dt>Profile</dt><dd>\(profile)</dd></div>
        <div><dt>Style</dt><dd>\(doc.style.rawValue)</dd></div>
        <div><dt>Findings</dt><dd id="counts">\(items.count) in \(parts.count) parts: \(counts.redact) to redact, \(counts.keep) kept, \(counts.rejected) rejected, \(doc.unreviewed) not yet reviewed</dd></div>
        </dl>
        \(notices)
        <section class="findings-pane" aria-labelledby="h-findings">
        <h2 id="h-findings">Findings by part</h2>
        \(legend(items, labels: labels))
        \(items.isEmpty ? "<p class=\"empty\">The scanner found nothing in this document.</p>" as Markup : Markup.empty)
        \(groups)
        </section>
        \(doc.scanOnly ? Markup.empty : finish(id: id, doc: doc, csrf: csrf))
        </div>
        """
        return Layout.page(title: "Review \(doc.name)", viewer: viewer, csrf: csrf, section: .review, body: body)
    }

    static func row(_ it: ReviewItem, id: String, doc: ReviewDocument, csrf: String, labels: Labels, finished: Bool) -> Markup {
        let reviewed: Markup = it.reviewed || finished || doc.scanOnly ? "" : " <span class=\"pending\">not yet reviewed</span>"
        let value: Markup = it.value.map { "<code class=\"value\">\($0)</code>" } ?? "<span class=\"hint\">not shown</span>"
        let field: Markup = it.field.map { ", \($0)" } ?? .empty
        let change: Markup = finished || doc.scanOnly ? Markup.empty : "<td>\(actions(it, id: id, csrf: csrf, labels: labels))</td>"
        return """
        <tr id="item-\(it.id)" class="item s-\(it.status.rawValue)">
        <td>\(it.id)</td>
        <td><span class="badge c\(colour(it.category))">\(labels.category(it.category))</span></td>
        <td>\(value)</td>
        <td>bytes \(it.start)–\(it.end)\(field)</td>
        <td><code>\(it.rule)</code></td>
        <td>\(it.reason)</td>
        <td>\(status(it, labels: labels))\(doc.scanOnly ? " <span class=\"hint\">(proposal only: not redacted here)</span>" as Markup : Markup.empty)\(reviewed)</td>
        \(change)
        </tr>
        """
    }
}
