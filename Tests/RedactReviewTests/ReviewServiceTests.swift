import Foundation
import RedactApply
import RedactLog
import Testing
@testable import RedactReview

/// A review with the real bundled pack and profiles, finished into a real log.
@Suite struct ReviewServiceTests {
    static let service: ReviewService = try! ReviewService(reference: .builtIn, toolVersion: "test")
    let text = "Statement of Zoë Ünal 😀. NHS number 943 476 5919. Call 07700 900123.\n"

    @Test func opensWithReasonsAndProfileJustifications() throws {
        let doc = try Self.service.open(.init(name: "mg11.txt", bytes: Array(text.utf8), recipient: "defence",
                                              caseReference: "01YE1234524", parties: "Zoë Ünal (witness)\n"),
                                        owner: "op-1", area: "cps-wessex")
        let nhs = try #require(doc.items.first { $0.category == "nhs_number" })
        #expect(String(decoding: doc.bytes[nhs.start..<nhs.end], as: UTF8.self) == "943 476 5919")
        #expect(nhs.reason.contains("nhs_mod11"))
        let name = try #require(doc.items.first { $0.category == "person_name" })
        #expect(name.role == "witness" && name.reason.contains("parties"))
        #expect(doc.profile == "defence")
        #expect(!nhs.justification.isEmpty)
    }

    @Test func finishLogsTheDisclosure() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("review-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = try SQLiteLogStore(path: dir.appendingPathComponent("log.sqlite").path,
                                     redactor: ClosureRedactor(identifier: "test") { ($0, 0) })
        var doc = try Self.service.open(.init(name: "mg11.txt", bytes: Array(text.utf8), recipient: "defence",
                                              caseReference: "01YE1234524"), owner: "op-1", area: "cps-wessex")
        // A manual redaction of "Zoë Ünal 😀" from a browser selection: UTF-16 offsets in the one
        // segment that starts at byte 0 (13 units before "Zoë", 10 units for "Zoë Ünal 😀").
        let start = try #require(DisplayText.byteOffset(in: doc.bytes, segmentStart: 0, limit: doc.bytes.count, utf16: 13, roundUp: false))
        let end = try #require(DisplayText.byteOffset(in: doc.bytes, segmentStart: 0, limit: doc.bytes.count, utf16: 24, roundUp: true))
        try doc.addManual(start: start, end: end, category: "person_name", justification: "third-party-data", operatorID: "op-1")
        let done = try Self.service.finish(doc, log: log, operatorID: "op-1")
        let out = try #require(done.outcome)
        #expect(String(decoding: out.redacted, as: UTF8.self).hasPrefix("Statement of [PERSON NAME]. NHS number [NHS NUMBER]."))
        #expect(out.entryID != nil)
        #expect(try log.checkpoint().count == 1)
        #expect(throws: ReviewError.self) { try Self.service.finish(done, log: log, operatorID: "op-1") }
    }
}

@Suite struct Section14Tests {
    @Test func listBToListBNeedsABasis() throws {
        let bytes = Array("NHS number 943 476 5919.\n".utf8)
        // A CPS area (List B) sharing with the police (List B): refused without a basis.
        #expect(throws: ReviewError.self) {
            try ReviewServiceTests.service.open(.init(name: "a.txt", bytes: bytes, recipient: "police", caseReference: "URN1"),
                                                owner: "op-1", area: "cps-wessex")
        }
        let doc = try ReviewServiceTests.service.open(.init(name: "a.txt", bytes: bytes, recipient: "police", caseReference: "URN1",
                                                            basis: "Common law disclosure for a live investigation"),
                                                      owner: "op-1", area: "cps-wessex")
        #expect(doc.section14 == "needs-other-basis" && doc.basis != nil)
    }
}

@Suite struct HoldTests {
    @Test func offenceInformationIsHeldAndLoggedAsHeld() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hold-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = try SQLiteLogStore(path: dir.appendingPathComponent("log.sqlite").path,
                                     redactor: ClosureRedactor(identifier: "test") { ($0, 0) })
        let bytes = Array("Attached is the PNC print-out for the defendant.\n".utf8)
        let doc = try ReviewServiceTests.service.open(.init(name: "a.txt", bytes: bytes, recipient: "victim", caseReference: "URN1"),
                                                      owner: "op-1", area: "cps-wessex")
        #expect(doc.holds)
        #expect(doc.items.contains { $0.category == "offence_information" })
        let done = try ReviewServiceTests.service.finish(doc, log: log, operatorID: "op-1")
        #expect(done.outcome?.held == true)
        let out = MemoryOutput()
        _ = try log.export(format: .jsonl, filter: ExportFilter(), to: out)
        #expect(out.text.contains("\"hold\""))
    }
}
