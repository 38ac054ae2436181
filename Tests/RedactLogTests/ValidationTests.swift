import Foundation
import Testing
@testable import RedactLog

/// Malformed input is refused with a clear message, and nothing is written.
@Suite struct ValidationTests {
    static let cases: [(String, @Sendable (inout DisclosureEvent) -> Void, LogError.Kind)] = [
        ("unknown area", { $0.context.area = "cps-atlantis" }, .unknownCode),
        ("unknown recipient", { $0.context.recipient = "the-press" }, .unknownCode),
        ("unknown justification", { $0.redactions[0].justification = "because" }, .unknownCode),
        ("future date", { $0.disclosedAt = Date().addingTimeInterval(86_400) }, .invalidInput),
        ("date before 1970", { $0.disclosedAt = Date(timeIntervalSince1970: -86_400) }, .invalidInput),
        ("negative offset", { $0.redactions[0].start = -5 }, .invalidInput),
        ("end before start", { $0.redactions[0].end = $0.redactions[0].start - 1 }, .invalidInput),
        ("over-long case reference", { $0.context.caseReference = String(repeating: "1", count: 33) }, .invalidInput),
        ("case reference with spaces", { $0.context.caseReference = Planted.nhs }, .invalidInput),
        ("over-long document name", { $0.documentName = String(repeating: "a", count: 256) + ".txt" }, .invalidInput),
        ("empty document name", { $0.documentName = "" }, .invalidInput),
        ("control characters", { $0.documentName = "a\u{0}b" }, .invalidInput),
        ("bad digest", { $0.originalSHA256 = "abc" }, .invalidInput),
        ("upper-case digest", { $0.redactedSHA256 = String(repeating: "A", count: 64) }, .invalidInput),
        ("bad HMAC", { $0.redactions[0].valueHMAC = Planted.phone }, .invalidInput),
        ("bad category", { $0.redactions[0].category = "NHS Number" }, .invalidInput),
        ("bad rule", { $0.redactions[0].rule = "rule with spaces" }, .invalidInput),
        ("bad style", { $0.redactions[0].style = "Black Box" }, .invalidInput),
        ("bad operator", { $0.context.operatorID = Planted.name }, .invalidInput),
        ("bad unit", { $0.context.unit = "Unit 1" }, .invalidInput),
        ("over-long version", { $0.context.packVersion = String(repeating: "1", count: 65) }, .invalidInput),
    ]

    /// Every case against one log per backend: a refused event writes nothing, so the log is still
    /// empty after each (a case that wrote would be named by the count check that follows it).
    @Test(arguments: Backend.allCases)
    func malformedDisclosuresAreRefused(backend: Backend) throws {
        let store = try backend.makeLog()
        for (name, change, kind) in Self.cases {
            var e = event()
            change(&e)
            let error = #expect(throws: LogError.self, "\(name)") { try store.recordDisclosure(e) }
            #expect(error?.kind == kind, "\(name)")
            // The message names the field, never the value.
            for p in Planted.all { #expect(error?.description.contains(p) == false, "\(name)") }
            #expect(try store.checkpoint().count == 0, "\(name)")
            #expect(try store.count("redaction") == 0, "\(name)")
        }
        // And the same log takes a well-formed event.
        #expect(try store.recordDisclosure(event()).seq == 1)
    }

    @Test(arguments: Backend.allCases) func documentNamesWithoutARedactorAreRefused(backend: Backend) throws {
        let store = try backend.makeLog(redactor: nil)
        #expect((#expect(throws: LogError.self) { try store.recordDisclosure(event()) })?.kind == .redactorRequired)
        #expect(try store.checkpoint().count == 0)
    }

    @Test(arguments: Backend.allCases) func aRedactorThatReturnsTooMuchIsCaught(backend: Backend) throws {
        let log = try backend.makeLog()
        let bloat = ClosureRedactor(identifier: "bloat") { _ in (String(repeating: "x", count: 300), 0) }
        #expect(throws: LogError.self) { try log.reopen(redactor: bloat).recordDisclosure(event()) }
        let negative = ClosureRedactor(identifier: "neg") { ($0, -1) }
        #expect(throws: LogError.self) { try log.reopen(redactor: negative).recordDisclosure(event()) }
        #expect(try log.checkpoint().count == 0)
    }
}
