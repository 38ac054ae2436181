import RedactApply
import RedactCore
import RedactLog
import RedactReport
import RedactReview

/// The review screens: the form that opens a review, and the document with its findings.
public enum ReviewPages {
    /// What the start form offers.
    public struct Choices: Sendable {
        public var recipients: [(code: String, label: String)]
        public var profiles: [(id: String, label: String)]
        public var formats: String
        public init(recipients: [(code: String, label: String)], profiles: [(id: String, label: String)], formats: String) {
            self.recipients = recipients
            self.profiles = profiles
            self.formats = formats
        }
    }

    public static let styles: [(String, String)] = [
        ("label", "Label: [NHS NUMBER]"), ("block", "Block: █ per character"), ("mask", "Mask: X per letter or digit"),
    ]

    public static func start(viewer: Viewer, csrf: String, choices: Choices, error: String? = nil) -> Markup {
        let err: Markup = error.map { "<div class=\"error-summary\" role=\"alert\"><h2>The review could not start</h2><p>\($0)</p></div>" } ?? .empty
        let recipients = choices.recipients.map { ($0.code, $0.label) }
        let profiles = [("", "The recipient type's own profile")] + choices.profiles.map { ($0.id, $0.label) }
        let body: Markup = """
        <div class="wrap narrow">
        <h1>Review a document</h1>
        \(err)
        <p>Upload a document or paste its text. The findings are shown for you to accept, reject or keep with a reason; you can add what was missed. The redacted copy is logged as a disclosure by you for \(viewer.area ?? "your area") when you finish.</p>
        <form method="post" action="/review" enctype="multipart/form-data" class="card">
        \(Forms.csrf(csrf))
        <fieldset><legend>The document</legend>
        \(Forms.input(name: "file", label: "Upload a file", type: "file", hint: "Formats: \(choices.formats). Or paste text below."))
        \(Forms.textarea(name: "text", label: "Or paste the text", rows: 8))
        \(Forms.input(name: "name", label: "Document name (for pasted text)", value: "pasted.txt"))
        </fieldset>
        <fieldset><legend>The share</legend>
        \(Forms.input(name: "case", label: "Case reference (URN)", required: true, hint: "Letters, digits, / - . (at most 32)."))
        \(Forms.select(name: "recipient", label: "Recipient", options: recipients, selected: "defence"))
        \(Forms.select(name: "profile", label: "Sharing profile", options: profiles, selected: ""))
        \(Forms.select(name: "style", label: "Redaction style", options: styles, selected: "label"))
        \(Forms.textarea(name: "basis", label: "Basis for the share (only if section 14 does not authorise it)", rows: 2, hint: "A CPS area sharing with another List B body (List B to List B) must say what power the share rests on. Logged after redaction."))
        \(Forms.textarea(name: "parties", label: "Case parties (optional)", rows: 3, hint: "One full name a line, optionally with its role in brackets: Zoë Ünal (witness). Roles: victim, witness, defendant, officer, professional."))
        </fieldset>
        <button type="submit" class="primary">Scan and review</button>
        </form>
        </div>
        """
        return Layout.page(title: "Review a document", viewer: viewer, csrf: csrf, section: .review, body: body)
    }

    /// Eight colours (each also carries its text label, for readers who do not see colour).
    static func colour(_ category: String) -> Int {
        var h: UInt32 = 2166136261
        for b in category.utf8 { h = (h ^ UInt32(b)) &* 16777619 }
        return Int(h % 8)
    }

    /// The review screen of one document.
    public static func screen(id: String, doc: ReviewDocument, viewer: Viewer, csrf: String, labels: Labels,
                              notice: String? = nil, error: String? = nil) -> Markup {
        if doc.format != nil {
            return documentScreen(id: id, doc: doc, viewer: viewer, csrf: csrf, labels: labels, notice: notice, error: error)
        }
        let finished = doc.outcome != nil
        let items = doc.items.sorted { $0.start < $1.start }
        let counts = (redact: items.filter { $0.status == .redact }.count, keep: items.filter { $0.status == .keep }.count,
                      rejected: items.filter { $0.status == .rejected }.count)
        var notices: [Markup] = []
        if let error { notices.append("<div class=\"error-summary\" role=\"alert\"><h2>That step did not work</h2><p>\(error)</p></div>") }
        if let notice { notices.append("<p class=\"notice\" role=\"status\">\(notice)</p>") }
        if doc.holds && !finished {
            notices.append("<p class=\"notice warn\">The \(doc.profile ?? "") profile holds documents with offence information for a second check: this one will be logged as held, not released.</p>")
        }
        let profile = doc.profile.map { "\($0) (version \(doc.profileVersion ?? "-"))" } ?? "none"
        let body: Markup = """
        <div class="wrap wide">
        <h1>Review: <span class="docname">\(doc.name)</span></h1>
        <dl class="facts">
        <div><dt>Case</dt><dd>\(doc.caseReference)</dd></div>
        <div><dt>Recipient</dt><dd>\(labels.recipient(doc.recipient))</dd></div>
        <div><dt>Profile</dt><dd>\(profile)</dd></div>
        <div><dt>Style</dt><dd>\(doc.style.rawValue)</dd></div>
        <div><dt>Findings</dt><dd id="counts">\(items.count): \(counts.redact) to redact, \(counts.keep) kept, \(counts.rejected) rejected, \(doc.unreviewed) not yet reviewed</dd></div>
        </dl>
        \(notices)
        <div class="review-grid">
        <section class="doc-pane" aria-labelledby="h-doc">
        <h2 id="h-doc">Document</h2>
        \(legend(items, labels: labels))
        <div id="doc" class="doc" tabindex="0" role="region" aria-label="Document text, findings highlighted" data-review="\(id)">\(segments(doc, labels: labels))</div>
        \(finished ? .empty : manualForm(id: id, doc: doc, csrf: csrf, labels: labels))
        </section>
        <section class="findings-pane" aria-labelledby="h-findings">
        <h2 id="h-findings">Findings</h2>
        \(items.isEmpty ? "<p class=\"empty\">The scanner found nothing. Add anything it missed by selecting it in the document.</p>" : .empty)
        <ol class="findings">\(items.map { item($0, id: id, doc: doc, csrf: csrf, labels: labels, finished: finished) })</ol>
        </section>
        </div>
        \(finish(id: id, doc: doc, csrf: csrf))
        </div>
        """
        return Layout.page(title: "Review \(doc.name)", viewer: viewer, csrf: csrf, section: .review, body: body,
                           scripts: [Layout.reviewJSPath])
    }

    static func legend(_ items: [ReviewItem], labels: Labels) -> Markup {
        let cats = Array(Set(items.map(\.category))).sorted()
        guard !cats.isEmpty else { return .empty }
        let entries = cats.map { c -> Markup in "<li><span class=\"swatch c\(colour(c))\" aria-hidden=\"true\"></span>\(labels.category(c))</li>" }
        return """
        <div class="legend"><h3 class="visually-hidden">Key</h3><ul>\(entries)</ul>
        <p class="hint">Each finding is highlighted in its category's colour and labelled in words. Solid outline: redacted; dashed: kept; dotted and struck through: not personal data.</p></div>
        """
    }

    /// The document as elements that each hold one text node and carry its first byte (`data-b`).
    static func segments(_ doc: ReviewDocument, labels: Labels) -> Markup {
        var out = ""
        var at = 0
        let bytes = doc.bytes
        func plain(_ r: Range<Int>) {
            guard !r.isEmpty else { return }
            out += "<span data-b=\"\(r.lowerBound)\">\(DisplayText.html(bytes, r))</span>"
        }
        for it in doc.items.sorted(by: { $0.start < $1.start }) where it.start >= at {
            plain(at..<it.start)
            let label = Markup.escape(labels.category(it.category) + (it.status == .keep ? " (kept)" : it.status == .rejected ? " (not personal data)" : ""))
            out += "<mark id=\"m-\(it.id)\" class=\"f c\(colour(it.category)) s-\(it.status.rawValue)\" data-b=\"\(it.start)\" data-label=\"\(label)\">\(DisplayText.html(bytes, it.start..<it.end))</mark>"
            at = it.end
        }
        plain(at..<bytes.count)
        return Markup(raw: out)
    }

    static func line(of offset: Int, in bytes: [UInt8]) -> Int {
        var n = 1
        for i in 0..<min(offset, bytes.count) where bytes[i] == 0x0A { n += 1 }
        return n
    }

    static func keepOptions(_ labels: Labels) -> [(String, String)] {
        labels.reference.entries(.justifications).filter { $0.attributes.first == "keep" }.map { ($0.code, $0.label) }
    }

    static func redactOptions(_ labels: Labels) -> [(String, String)] {
        labels.reference.entries(.justifications).filter { $0.attributes.first != "keep" }.map { ($0.code, $0.label) }
    }

    static func item(_ it: ReviewItem, id: String, doc: ReviewDocument, csrf: String, labels: Labels, finished: Bool) -> Markup {
        let reviewed: Markup = it.reviewed || finished ? "" : " <span class=\"pending\">not yet reviewed</span>"
        let title = labels.category(it.category)
        let actions: Markup = finished ? .empty : self.actions(it, id: id, csrf: csrf, labels: labels)
        return """
        <li id="item-\(it.id)" class="item s-\(it.status.rawValue)">
        <h3><span class="badge c\(colour(it.category))">\(title)</span> <a href="#m-\(it.id)">line \(line(of: it.start, in: doc.bytes)), bytes \(it.start)–\(it.end)</a>\(reviewed)</h3>
        <dl class="why"><div><dt>Rule</dt><dd><code>\(it.rule)</code></dd></div><div><dt>Why</dt><dd>\(it.reason)</dd></div><div><dt>Decision</dt><dd>\(status(it, labels: labels))</dd></div></dl>
        \(actions)
        </li>
        """
    }

    static func status(_ it: ReviewItem, labels: Labels) -> Markup {
        switch it.status {
        case .redact: return "<strong>Redact</strong> (\(labels.justification(it.justification)))"
        case .keep: return "<strong>Keep</strong> (\(labels.justification(it.justification))): \(it.keepReason ?? "")"
        case .rejected: return "<strong>Not personal data</strong>: left as it is"
        }
    }

    /// Redact, not personal data, or keep with a reason: one finding's forms.
    static func actions(_ it: ReviewItem, id: String, csrf: String, labels: Labels) -> Markup {
        let title = labels.category(it.category)
        let actions: Markup
        do {
            let rejectLabel = it.origin == .manual ? "Remove" : "Not personal data"
            actions = """
            <form method="post" action="/review/\(id)/items/\(it.id)" class="actions">\(Forms.csrf(csrf))
            <input type="hidden" name="justification" value="\(it.status == .redact ? it.justification : labels.reference.defaultJustification(for: it.category))">
            <button type="submit" name="action" value="accept" aria-label="Redact finding \(it.id), \(title)">Redact</button>
            <button type="submit" name="action" value="reject" aria-label="\(rejectLabel): finding \(it.id), \(title)">\(rejectLabel)</button>
            </form>
            <details class="keep"><summary>Keep with a reason</summary>
            <form method="post" action="/review/\(id)/items/\(it.id)">\(Forms.csrf(csrf))
            \(Forms.select(name: "justification", label: "Why it is kept", options: keepOptions(labels), selected: "required-for-case", id: "kj-\(it.id)"))
            <div class="field"><label for="kr-\(it.id)">Reason (logged after redaction)</label><textarea id="kr-\(it.id)" name="reason" rows="2" required></textarea></div>
            <button type="submit" name="action" value="keep">Keep finding \(it.id)</button>
            </form></details>
            """
        }
        return actions
    }

    static func manualForm(id: String, doc: ReviewDocument, csrf: String, labels: Labels) -> Markup {
        let cats = Category.taxonomy.map { ($0.rawValue, labels.category($0.rawValue)) }
        return """
        <form id="manual-form" method="post" action="/review/\(id)/manual" class="card manual">
        <h3>Add a redaction the scanner missed</h3>
        \(Forms.csrf(csrf))
        <input type="hidden" name="sb" id="sel-sb" value=""><input type="hidden" name="so" id="sel-so" value="">
        <input type="hidden" name="eb" id="sel-eb" value=""><input type="hidden" name="eo" id="sel-eo" value="">
        <p id="sel-status" class="hint" aria-live="polite">Select text in the document, then choose its category and press “Redact selection”.</p>
        \(Forms.input(name: "match", label: "Or type the exact text to redact (every occurrence)", hint: "For keyboard use: the text is matched exactly and is not logged."))
        \(Forms.select(name: "category", label: "Category", options: cats, selected: "person_name"))
        \(Forms.select(name: "justification", label: "Justification", options: redactOptions(labels), selected: "privacy"))
        <button type="submit" id="sel-button" class="primary">Redact selection</button>
        </form>
        """
    }

    static func finish(id: String, doc: ReviewDocument, csrf: String) -> Markup {
        if let outcome = doc.outcome {
            let what: Markup = outcome.held
                ? "<p>The disclosure is logged as <strong>held</strong> for a second check: the copy is not released from this screen.</p>"
                : """
                <ul class="downloads">
                <li><a class="button primary" href="/review/\(id)/download/redacted" download>Download the redacted copy</a></li>
                <li><a class="button" href="/review/\(id)/download/manifest" download>Download the manifest (JSON)</a></li>
                <li><a class="button" href="/review/\(id)/download/schedule" download>Download the redaction schedule (CSV)</a></li>
                </ul>
                """
            let entry = outcome.entryID.map { $0.uuidString.lowercased() } ?? "-"
            return """
            <section class="finish done" aria-labelledby="h-finish"><h2 id="h-finish">Finished</h2>
            <p role="status">Logged as disclosure entry <code>\(entry)</code>: \(outcome.manifest.redactions.filter { $0.style != keepStyle }.count) redactions, \(outcome.manifest.redactions.filter { $0.style == keepStyle }.count) kept.</p>
            \(what)
            <p><a href="/review">Review another document</a></p>
            </section>
            """
        }
        let pending: Markup = doc.unreviewed > 0 ? "<p class=\"hint\">\(doc.unreviewed) findings are not yet reviewed: they go as proposed.</p>" : .empty
        return """
        <section class="finish" aria-labelledby="h-finish"><h2 id="h-finish">Finish</h2>
        \(pending)
        <form method="post" action="/review/\(id)/finish">\(Forms.csrf(csrf))
        <button type="submit" class="primary">Log the disclosure and make the redacted copy</button>
        </form>
        </section>
        """
    }
}
