import Foundation
import RedactApply
import RedactLog
import RedactReport
import RedactReview
import Testing
@testable import RedactWeb

@Suite struct PageTests {
    let viewer = Viewer(name: "op-<b>1</b>", role: .operator, area: "cps-wessex")
    let labels = Labels(reference: .builtIn)

    func doc(name: String, text: String) -> ReviewDocument {
        let bytes = Array(text.utf8)
        let start = bytes.firstIndex(of: UInt8(ascii: "9"))!
        return ReviewDocument(owner: "op-1", area: "cps-wessex", name: name, bytes: bytes, recipient: "defence", profile: "defence",
                              profileVersion: "1", style: .label, caseReference: "01YE1234524",
                              items: [ReviewItem(id: 1, start: start, end: start + 12, category: "nhs_number", rule: "nhs_number.spaced",
                                                 origin: .scanner, reason: "validator nhs_mod11 passed", justification: "medical", status: .redact)],
                              holds: false, packName: "uk", packVersion: "1")
    }

    /// Every `<script` in a page is the served review script: nothing from a document becomes markup.
    func onlyServedScripts(_ html: String) -> Bool {
        html.components(separatedBy: "<script").dropFirst().allSatisfy { $0.hasPrefix(" src=\"/static/review.js\" defer></script>") }
    }

    @Test func plantedScriptInNameAndTextNeverRendersAsMarkup() {
        let d = doc(name: "<script>alert(1)</script>.txt", text: "<script>alert(2)</script> Zoë 😀 NHS 943 476 5919\r\n<img src=x onerror=alert(3)>")
        let html = ReviewPages.screen(id: "abc", doc: d, viewer: viewer, csrf: "tok\"en", labels: labels).html
        #expect(onlyServedScripts(html))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;.txt"))
        #expect(html.contains("op-&lt;b&gt;1&lt;/b&gt;"))
        #expect(html.contains("value=\"tok&quot;en\""))
        // No inline style; the planted handler is text, not an attribute.
        #expect(!html.contains("style=") && !html.contains("<style"))
        #expect(html.contains("&lt;img src=x onerror=alert(3)&gt;"))
    }

    @Test func segmentsCarryTheirFirstByte() {
        let text = "Zoë 😀 NHS 943 476 5919\r\nend"
        let d = doc(name: "a.txt", text: text)
        let html = ReviewPages.segments(d, labels: labels).html
        let start = Array(text.utf8).firstIndex(of: UInt8(ascii: "9"))!
        #expect(html.hasPrefix("<span data-b=\"0\">Zoë 😀 NHS </span><mark id=\"m-1\" class=\"f c"))
        #expect(html.contains("data-b=\"\(start)\" data-label=\"NHS number\">943 476 5919</mark><span data-b=\"\(start + 12)\">&#13;\nend</span>"))
    }

    @Test func signInAndErrorPagesCarryNoPersonalData() {
        let signIn = StatusPages.signIn(csrf: nil, error: "x", next: "/review\"><script>").html
        #expect(signIn.contains("action=\"/signin\"") && signIn.contains("type=\"password\""))
        #expect(signIn.contains("value=\"/review&quot;&gt;&lt;script&gt;\""))
        for status in [401, 403, 404, 400, 500] {
            let page = StatusPages.error(status: status, viewer: nil, csrf: nil).html
            #expect(page.contains("Error \(status)"))
            #expect(onlyServedScripts(page) && !page.contains("style="))
        }
    }

    @Test func dashboardEmbedsThePackWithoutInlineStyle() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("log.sqlite").path
        _ = try SQLiteLogStore(path: path)
        let pack = try PackBuilder(reference: .builtIn).build(
            PackRequest(scope: .area("cps-wessex"), period: PackPeriod(parsing: "2026-Q3")), from: SQLitePackSource(path: path))
        let html = DashboardPages.page(viewer: Viewer(name: "m", role: .areaManager, area: "cps-wessex"), csrf: "t", scope: "cps-wessex",
                                       period: "2026-Q3", areas: [("cps-wessex", "CPS Wessex")],
                                       packHTML: PackHTML.embedded(pack, labels: labels)).html
        #expect(html.contains("<link rel=\"stylesheet\" href=\"/static/pack.css\">"))
        #expect(!html.contains("<style") && !html.contains("style="))
        #expect(html.contains("Summary"))
        #expect(DashboardPages.periods(now: Date(timeIntervalSince1970: 1_790_000_000)).contains { $0.0 == "FY2026-27" })
    }
}
