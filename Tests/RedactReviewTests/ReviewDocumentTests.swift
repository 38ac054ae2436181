import RedactApply
import Testing
@testable import RedactReview

@Suite struct ReviewDocumentTests {
    func doc(_ text: String, items: [ReviewItem]) -> ReviewDocument {
        ReviewDocument(owner: "op-1", area: "cps-wessex", name: "mg11.txt", bytes: Array(text.utf8), recipient: "defence",
                       profile: nil, profileVersion: nil, style: .label, caseReference: "01YE1234524", items: items,
                       holds: false, packName: "uk", packVersion: "1")
    }

    func finding(_ id: Int, _ start: Int, _ end: Int, _ category: String) -> ReviewItem {
        ReviewItem(id: id, start: start, end: end, category: category, rule: "\(category).x", origin: .scanner,
                   reason: "Pattern match", justification: "privacy", status: .redact)
    }

    @Test func decisionsShapeTheCopyManifestAndRecords() throws {
        // "NHS 943 476 5919, tel 07700 900123, Zoë Ünal."
        let text = "NHS 943 476 5919, tel 07700 900123, Zoë Ünal."
        var d = doc(text, items: [finding(1, 4, 16, "nhs_number"), finding(2, 22, 34, "phone_number")])
        try d.keep(2, justification: "required-for-case", reason: "Defence needs the number")
        let zoe = Array(text.utf8).firstIndex(of: UInt8(ascii: "Z"))!
        let manual = try d.addManual(start: zoe, end: Array(text.utf8).count - 1, category: "person_name",
                                     justification: "third-party-data", operatorID: "op-1")
        let out = ReviewRedactor(replacer: Replacer(style: .label), toolVersion: "t").render(d)
        #expect(String(decoding: out.redacted, as: UTF8.self) == "NHS [NHS NUMBER], tel 07700 900123, [PERSON NAME].")
        #expect(out.manifest.redactions.map(\.style) == ["label", "keep", "label"])
        #expect(out.manifest.redactions[2].rule == "manual")
        #expect(out.records[1].reason == "Defence needs the number")
        #expect(out.manifest.counts == ["nhs_number": 1, "person_name": 1])
        #expect(out.scheduleCSV == "item,line,column,byte_start,byte_end,category,justification\n"
            + "1,1,5,4,16,nhs_number,privacy\n2,1,37,36,49,person_name,third-party-data\n")
        #expect(d.items.first { $0.id == manual }?.reviewed == true)
    }

    @Test func rejectLeavesTheSpanAndTheManifest() throws {
        var d = doc("ref 943 476 5919", items: [finding(1, 4, 16, "nhs_number")])
        try d.reject(1)
        let out = ReviewRedactor(replacer: Replacer(style: .label), toolVersion: "t").render(d)
        #expect(out.redacted == Array("ref 943 476 5919".utf8))
        #expect(out.manifest.redactions.isEmpty && out.records.isEmpty)
    }

    @Test func manualSpanFoldsOverlapsAndWholeCharacters() throws {
        let text = "Zoë 943 476 5919 end"
        var d = doc(text, items: [finding(1, 5, 17, "nhs_number")])
        // Starts inside "ë" (byte 3 is its second byte) and ends inside the finding.
        try d.addManual(start: 3, end: 8, category: "person_name", justification: "privacy", operatorID: "op-1")
        #expect(d.items.count == 1)
        #expect(d.items[0].start == 2 && d.items[0].end == 17 && d.items[0].origin == .manual)
        #expect(throws: ReviewError.self) { try d.addManual(start: 10, end: 99, category: "x", justification: "privacy", operatorID: "o") }
    }

    @Test func keepNeedsAReasonAndFinishedIsFinal() throws {
        var d = doc("943 476 5919", items: [finding(1, 0, 12, "nhs_number")])
        #expect(throws: ReviewError.self) { try d.keep(1, justification: "consent", reason: "  ") }
        d.outcome = ReviewRedactor(replacer: Replacer(style: .mask), toolVersion: "t").render(d)
        #expect(String(decoding: d.outcome!.redacted, as: UTF8.self) == "XXX XXX XXXX")
        #expect(throws: ReviewError.self) { try d.accept(1, justification: "privacy") }
    }
}
