import Foundation
import Testing
@testable import RedactLog

/// The log must never become a store of the personal data it protects. Events are built from
/// documents that contain planted values; then what the log stores (the SQLite file with its WAL,
/// or every row of every table of the PostgreSQL database as text), every export and every error
/// message are searched for those values, in the forms a scanner would find them.
@Suite struct PrivacyTests {
    static let document = Array("""
        Statement of \(Planted.name), NHS \(Planted.nhs), of 10 Downing Street \(Planted.postcode), tel \(Planted.phone).
        """.utf8)

    /// Where each planted value sits in the document, as the scanner would report it.
    static func spans() -> [(String, Range<Int>)] {
        let text = String(decoding: document, as: UTF8.self)
        return [("person_name", Planted.name), ("nhs_number", Planted.nhs), ("postcode", Planted.postcode),
                ("phone_number", Planted.phone)].map { cat, value in
            let r = text.range(of: value)!
            return (cat, text.utf8.distance(from: text.startIndex, to: r.lowerBound)..<text.utf8.distance(from: text.startIndex, to: r.upperBound))
        }
    }

    @Test(arguments: Backend.allCases) func noPlantedValueReachesTheLogOrAnyExport(backend: Backend) throws {
        let clock = TestClock(Date())
        let store = try backend.makeLog(clock: clock)
        let hmac = try ValueHMAC(key: Array("a key the log never sees, 32+ bytes long".utf8))
        for k in 0..<20 {
            let redactions = Self.spans().map { cat, r in
                RedactionRecord(category: cat, rule: "\(cat).r1", start: r.lowerBound, end: r.upperBound, style: "black-box",
                                valueHMAC: hmac.hex(of: Self.document[r]))
            }
            try store.recordDisclosure(DisclosureEvent(
                disclosedAt: clock.get(), context: context, documentName: "MG11 \(Planted.name) \(k).txt",
                originalSHA256: LogDigest.sha256Hex(Self.document), redactedSHA256: oneHash, redactions: redactions))
        }
        let b = try store.recordBreach(BreachRecord(
            stage: .breach, type: "failure-to-redact", severity: "severe", area: "cps-wessex",
            becameAwareAt: clock.get().addingTimeInterval(-60), dataCategories: [.init("nhs_number")], dataSubjects: 1,
            facts: "Unredacted NHS number \(Planted.nhs) and phone \(Planted.phone) of \(Planted.name) sent to defence",
            effects: "Victim at \(Planted.postcode) may be contacted", remedialAction: "Recall requested from \(Planted.name)'s solicitor",
            recordedBy: "op.1"))
        try store.updateBreach(id: try store.breaches(.init())[0].id, recordedBy: "op.2") {
            $0.icoReportable = true
            $0.icoDecisionReason = "Risk to \(Planted.name)"
        }
        try store.recordGateFinding(GateFinding(
            context: GateContext(area: "cps-wessex", operatorID: "gate", sourceOrganisation: "kent-police",
                                 packVersion: "uk-1", toolVersion: "0.1"),
            documentName: "\(Planted.name) \(Planted.postcode).pdf", documentSHA256: zeroHash, counts: ["nhs_number": 1],
            detectedAt: clock.get()))
        _ = b

        // Errors carrying planted values in their input.
        var bad = event()
        bad.context.caseReference = Planted.postcode
        var messages: [String] = []
        do { try store.recordDisclosure(bad) } catch { messages.append("\(error)") }
        bad = event(); bad.context.area = Planted.name
        do { try store.recordDisclosure(bad) } catch { messages.append("\(error)") }
        #expect(messages.count == 2)

        // Exports, a national copy, and everything both logs store.
        var blobs: [(String, [UInt8])] = []
        for format in ExportFormat.allCases {
            let out = MemoryOutput()
            try store.export(format: format, filter: .init(), to: out)
            blobs.append(("export.\(format)", Array(out.text.utf8)))
        }
        let national = try backend.makeLog()
        try national.importExport(StringInput(String(decoding: blobs[0].1, as: UTF8.self)))
        #expect(try national.verify(against: nil).isValid)
        blobs += try Self.stored(store) + Self.stored(national)
        blobs += messages.map { ("error", Array($0.utf8)) }

        for (where_, bytes) in blobs {
            for value in Self.forms(of: Planted.all) {
                #expect(!Self.contains(bytes, Array(value.utf8)), "\(where_) holds a planted value")
            }
        }
        // The redaction rows are there, as categories, offsets and keyed hashes.
        #expect(try store.count("redaction") == 80)
        let stored = try store.column("SELECT DISTINCT value_hmac FROM redaction").compactMap(\.text)
        #expect(Set(stored) == Set(Self.spans().map { hmac.hex(of: Self.document[$0.1]) }))
    }

    /// What a log keeps: the bytes of every file of an SQLite log (its WAL among them), or every
    /// row of every table of a PostgreSQL log, as the server prints it.
    static func stored(_ log: TestLog) throws -> [(String, [UInt8])] {
        switch log.storage {
        case .file(let dir):
            let files = try FileManager.default.contentsOfDirectory(atPath: dir.url.path)
            #expect(files.contains { $0.hasSuffix("-wal") })
            return try files.map { ($0, [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir.path($0))))) }
        case .database:
            let tables = try log.column("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
                .compactMap(\.text)
            #expect(tables.contains("redaction") && tables.contains("breach_version"))
            return try tables.map { t in
                (t, Array(try log.column("SELECT CAST(t AS TEXT) FROM \(t) t").compactMap(\.text).joined(separator: "\n").utf8))
            }
        }
    }

    /// The value as written and the compact forms a scanner also finds (no spaces, upper/lower case).
    static func forms(of values: [String]) -> [String] {
        values.flatMap { v in
            let compact = v.replacingOccurrences(of: " ", with: "")
            return [v, compact, v.lowercased(), v.uppercased(), compact.lowercased()]
        } + ["Quibbleworth", "Perpetua"]
    }

    static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, hay.count >= needle.count else { return false }
        let first = needle[0]
        var i = 0
        while i <= hay.count - needle.count {
            if hay[i] == first && Array(hay[i..<i + needle.count]) == needle { return true }
            i += 1
        }
        return false
    }
}
