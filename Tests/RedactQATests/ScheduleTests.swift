import Foundation
import Testing
@testable import RedactApply

/// The redaction schedule written beside each copy.
@Suite struct ScheduleTests {
    func schedule(_ r: Redacted) throws -> [[String]] {
        let text = try String(contentsOfFile: r.copy + ScheduleWriter.suffix, encoding: .utf8)
        for value in Doc.planted { #expect(!text.contains(value), "the schedule holds no content: \(value)") }
        return text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test(arguments: [RedactionStyle.label, .block, .mask, .pseudonym])
    func locatesEveryMarkInTheCopy(style: RedactionStyle) throws {
        let r = try QA.redact(style)
        let rows = try schedule(r)
        #expect(rows.first?.joined(separator: ",") == ScheduleWriter.header)
        let manifest = try r.manifest
        #expect(rows.count == manifest.redactions.count + 1)
        // Each row's line and column point at its mark, found independently by splitting lines.
        let copy = try r.bytes()
        var lineStarts = [0]
        for (i, b) in copy.enumerated() where b == 0x0A { lineStarts.append(i + 1) }
        for (row, e) in zip(rows.dropFirst(), manifest.redactions) {
            let start = Int(row[3])!, end = Int(row[4])!
            #expect(start == e.output.start && end == e.output.end)
            let line = Int(row[1])!, column = Int(row[2])!
            #expect(lineStarts[line - 1] + column - 1 == start)
            #expect(row[5] == e.category)
        }
        // Categories take their reference default here (no profile): contact details, medical, ...
        #expect(rows.dropFirst().map { $0[6] } == Array(repeating: "-", count: manifest.redactions.count),
                "the plain writer knows no defaults")
    }

    @Test func justificationsComeFromTheManifestOrTheCategoryDefault() throws {
        let r = try QA.redact(.label)
        var m = try r.manifest
        m.redactions[0].justification = "victim-witness-contact"
        #expect(m.redactions.map(\.category).prefix(3) == ["person_name", "nhs_number", "nino"])
        m.redactions[2].style = MarkCheck.keepStyle  // a decision not to redact: not in the schedule
        let writer = ScheduleWriter { $0 == "nhs_number" ? "medical" : nil }
        let rows = try writer.rows(m, redactedPath: r.copy)
        #expect(rows.count == m.redactions.count - 1)
        #expect(!rows.contains { $0.category == "nino" })
        #expect(rows.map(\.item) == Array(1...rows.count))
        #expect(rows[0].justification == "victim-witness-contact")
        #expect(rows[1].category == "nhs_number" && rows[1].justification == "medical")
        #expect(rows.dropFirst(2).allSatisfy { $0.justification == "-" })
    }

    @Test func lineColumnsAcrossBlockBoundaries() throws {
        let dir = TempDir()
        let path = dir.path("f.txt")
        let text = "ab\ncd\r\n\nefgh\n" + String(repeating: "x", count: 3_000_000) + "\nz"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let offsets = [0, 2, 3, 7, 8, 10, 13, 13 + 2_000_000, 13 + 3_000_000 + 1]
        let got = try ScheduleWriter.lineColumns(of: offsets, in: path)
        #expect(got.map(\.line) == [1, 1, 2, 3, 4, 4, 5, 5, 6])
        #expect(got.map(\.column) == [1, 3, 1, 1, 1, 3, 1, 2_000_001, 1])
    }

    @Test func withdrawingACopyRemovesItsSchedule() throws {
        let r = try QA.redact(.label)
        #expect(FileManager.default.fileExists(atPath: r.copy + ScheduleWriter.suffix))
        Applier.withdraw(outputPath: r.copy)
        for suffix in ["", ".manifest.json", ScheduleWriter.suffix] {
            #expect(!FileManager.default.fileExists(atPath: r.copy + suffix), "\(suffix)")
        }
    }
}
