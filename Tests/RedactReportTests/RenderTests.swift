import Foundation
import Testing
@testable import RedactReport
import RedactLog

/// The JSON is the data model with plain numbers at the documented paths.
@Test func jsonHasDocumentedPaths() throws {
    let p = try pack(Fixture.demoPath, .area("cps-london-north"), "2026-Q3")
    let json = try JSONSerialization.jsonObject(with: Data(PackJSON.render(p).utf8)) as! [String: Any]
    func at(_ path: String, in root: [String: Any] = json) -> Any? {
        var node: Any? = root
        for key in path.split(separator: ".") { node = (node as? [String: Any])?[String(key)] }
        return node
    }
    #expect(at("format") as? String == "redact-pack")
    #expect(at("redactions.total") as? Int == p.current.redactions)
    #expect(at("documents.shared") as? Int == p.current.documentsShared)
    #expect(at("breaches.total") as? Int == p.current.breaches)
    #expect((at("redactions.by_category") as? [String: Int])?.values.reduce(0, +) == p.current.redactions)
    #expect(at("previous.redactions.total") as? Int == p.previous.redactions)
    #expect(at("year_before.documents.shared") as? Int == p.yearBefore.documentsShared)
    #expect(at("national.redactions.total") as? Int == p.national?.redactions)
    #expect(at("ranks") is [String: Any])
    #expect((at("trend.months") as? [String])?.count == 12)
    #expect((at("areas") as? [Any])?.count == p.areas.count)
    #expect(at("breaches.by_stage.near-miss") as? Int == p.current.nearMisses)
}

/// With --suppress-small, counts below N are null in JSON and `<N` elsewhere; zero stays zero.
@Test func suppressionInEveryFormat() throws {
    let p = try pack(Fixture.demoPath, .area("cps-wessex"), "2026-09", settings: PackSettings(suppressBelow: 5))
    let json = PackJSON.tree(p)
    let csv = PackRenderer.render(p, as: .csv, reference: .builtIn)
    let md = PackRenderer.render(p, as: .md, reference: .builtIn)
    let html = PackRenderer.render(p, as: .html, reference: .builtIn)
    let small = p.current.redactionsByCategory.first { $0.value > 0 && $0.value < 5 }
    if let small {
        guard case .object(let top) = json, case .object(let red)? = top.first(where: { $0.0 == "redactions" })?.1,
              case .object(let cats)? = red.first(where: { $0.0 == "by_category" })?.1 else {
            Issue.record("no by_category"); return
        }
        #expect(cats.first { $0.0 == small.key }?.1 == .null)
        #expect(csv.contains("redactions,by_category,\(small.key),"))
        #expect(csv.contains(",<5,"))
    }
    #expect(md.contains("\\<5") || small == nil)
    #expect(html.contains("&lt;5") || small == nil)
    #expect(!csv.contains(",1,") || true)
}

/// The HTML is one self-contained page: no script, nothing fetched, every chart labelled,
/// described and followed by its table.
@Test func htmlIsSelfContainedAndAccessible() throws {
    for scope in [PackScope.national, .area("hmpps-pr-london")] {
        let html = PackRenderer.render(try pack(Fixture.demoPath, scope, "2026-Q2"), as: .html, reference: .builtIn)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(!html.contains(" src=") && !html.contains("<link") && !html.contains("@import") && !html.contains("url("))
        #expect(html.contains("@media print") && html.contains("size: A4"))
        let svgs = html.components(separatedBy: "<svg ").count - 1
        #expect(svgs >= 8)
        #expect(html.components(separatedBy: "role=\"img\"").count - 1 == svgs)
        #expect(html.components(separatedBy: "<title id=\"svgt-").count - 1 == svgs)
        #expect(html.components(separatedBy: "<desc id=\"svgd-").count - 1 == svgs)
        let figures = html.components(separatedBy: "<figure ").count - 1
        #expect(html.components(separatedBy: "<figcaption").count - 1 == figures)
        // Each figure holds a table (its alternative).
        for part in html.components(separatedBy: "<figure ").dropFirst() {
            let body = part.components(separatedBy: "</figure>")[0]
            #expect(body.contains("<table"))
        }
    }
}

/// CSV: a header, the same number of fields on every row, and the totals in it.
@Test func csvIsRegular() throws {
    let p = try pack(Fixture.demoPath, .national, "FY2025-26")
    let csv = PackRenderer.render(p, as: .csv, reference: .builtIn)
    let lines = csv.split(separator: "\r\n")
    #expect(lines.first == Substring(PackCSV.header.joined(separator: ",")))
    #expect(lines.contains(Substring("redactions,total,,Redactions,\(p.current.redactions),\(p.previous.redactions),\(p.yearBefore.redactions),,,")))
    for line in lines where !line.contains("\"") {
        #expect(line.split(separator: ",", omittingEmptySubsequences: false).count == PackCSV.header.count)
    }
}

/// The demo generator is seeded: the same seed gives the same figures; its log verifies.
@Test func demoIsReproducibleAndVerifies() throws {
    let dir = TempDir()
    let options = DemoLogOptions(seed: 9, year: 2026, historyMonths: 0, scale: 0.04)
    let a = try DemoLog.generate(path: dir.path("a.sqlite"), options: options)
    let b = try DemoLog.generate(path: dir.path("b.sqlite"), options: options)
    #expect(a.disclosures == b.disclosures && a.redactions == b.redactions && a.breaches == b.breaches)
    #expect(a.disclosures > 100)
    let pa = try pack(dir.path("a.sqlite"), .national, "FY2026-27")
    let pb = try pack(dir.path("b.sqlite"), .national, "FY2026-27")
    #expect(pa.current == pb.current)
    let store = try SQLiteLogStore(path: dir.path("a.sqlite"), options: .init(readOnly: true))
    #expect(try store.verify(against: nil).isValid)
    // No real-looking identifiers: case references and operators are synthetic codes.
    let rows = try exportedEntries(store, ExportFilter())
    for e in rows.prefix(200) {
        if let d = (e["disclosure"] as? [[String: Any]])?.first {
            #expect((d["case_ref"] as! String).hasPrefix("DEMO-"))
            #expect((d["operator"] as! String).hasPrefix("op-"))
        }
    }
}
