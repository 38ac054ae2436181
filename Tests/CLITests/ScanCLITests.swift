import Foundation
import Testing

@Suite struct ScanCLITests {
    @Test func jsonlFollowsTheContract() throws {
        let dir = try CLI.tempDir()
        let doc = dir.appendingPathComponent("mg11.txt")
        try Data(Fixture.text.utf8).write(to: doc)
        try Data(Fixture.parties.utf8).write(to: dir.appendingPathComponent("mg11.parties.txt"))
        let r = try CLI.run(["scan", "--format", "jsonl", "--names", "mg11.parties.txt", "mg11.txt"], cwd: dir)
        #expect(r.status == 0)
        let bytes = [UInt8](Fixture.text.utf8)
        var seen: [String] = []
        var lastStart = -1
        for line in r.stdout.split(separator: "\n") {
            let obj = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(Set(obj.keys) == ["path", "start", "end", "category", "rule"])
            #expect(obj["path"] as? String == "mg11.txt")
            let start = try #require(obj["start"] as? Int), end = try #require(obj["end"] as? Int)
            #expect(start >= lastStart)
            lastStart = start
            seen.append(String(decoding: bytes[start..<end], as: UTF8.self))
        }
        for value in Fixture.planted { #expect(seen.contains(value), "missing \(value)") }
        #expect(!seen.contains("QQ 12 34 56 C"))
        // The matched text itself is never printed without --show-text.
        for value in Fixture.planted { #expect(!r.stdout.contains(value)) }
    }

    @Test func showTextAddsTheText() throws {
        let r = try CLI.run(["scan", "--format", "jsonl", "--show-text", "-"], stdin: Data("NHS 943 476 5919\n".utf8))
        #expect(r.status == 0)
        #expect(r.stdout.contains("\"path\":\"-\""))
        #expect(r.stdout.contains("\"text\":\"943 476 5919\""))
    }

    @Test func humanFormatGivesLineAndColumn() throws {
        let r = try CLI.run(["scan", "-"], stdin: Data("first line\nsecond NHS 943 476 5919\n".utf8))
        #expect(r.stdout == "-:2:12 nhs_number nhs_number.spaced\n")
    }

    @Test func summaryCountsByCategory() throws {
        let r = try CLI.run(["scan", "--summary", "-"], stdin: Data("943 476 5919 and 401 023 2137, AB 12 34 56 C\n".utf8))
        #expect(r.stdout.contains("nhs_number\t2"))
        #expect(r.stdout.contains("nino\t1"))
    }

    @Test func directoriesAreWalkedSkippingHiddenAndBinary() throws {
        let dir = try CLI.tempDir()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data("NHS 943 476 5919".utf8).write(to: dir.appendingPathComponent("sub/a.txt"))
        try Data("NHS 943 476 5919".utf8).write(to: dir.appendingPathComponent(".hidden.txt"))
        try Data([0x00, 0x01] + Array("NHS 943 476 5919".utf8)).write(to: dir.appendingPathComponent("b.bin"))
        let r = try CLI.run(["scan", "--format", "jsonl", dir.path])
        #expect(r.status == 0)
        #expect(r.stdout.split(separator: "\n").count == 1)
        #expect(r.stdout.contains("sub/a.txt"))
        #expect(r.stderr.contains("b.bin: skipped (binary"))
        let withBinary = try CLI.run(["scan", "--format", "jsonl", "--binary", dir.path])
        #expect(withBinary.stdout.split(separator: "\n").count == 2)
    }

    @Test func categoriesFilterWhatCounts() throws {
        let input = Data("943 476 5919 and AB 12 34 56 C\n".utf8)
        let only = try CLI.run(["scan", "--format", "jsonl", "--categories", "nino", "-"], stdin: input)
        #expect(only.stdout.contains("\"nino\"") && !only.stdout.contains("nhs_number"))
        let except = try CLI.run(["scan", "--format", "jsonl", "--exclude-categories", "nino", "-"], stdin: input)
        #expect(!except.stdout.contains("\"nino\"") && except.stdout.contains("nhs_number"))
        let unknown = try CLI.run(["scan", "--categories", "shoe_size", "-"], stdin: input)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown category shoe_size"))
    }

    /// The same findings for every chunk size, from the command line, with the real UK pack.
    @Test func chunkSizeDoesNotChangeFindings() throws {
        let text = Data((Fixture.text + Fixture.text).utf8)
        let dir = try CLI.tempDir()
        try Data(Fixture.parties.utf8).write(to: dir.appendingPathComponent("p.txt"))
        let names = dir.appendingPathComponent("p.txt").path
        let reference = try CLI.run(["scan", "--format", "jsonl", "--names", names, "-"], stdin: text).stdout
        #expect(!reference.isEmpty)
        for chunk in ["1", "2", "13", "100", "4096"] {
            let r = try CLI.run(["scan", "--format", "jsonl", "--names", names, "--chunk-size", chunk, "-"], stdin: text)
            #expect(r.stdout == reference, "chunk \(chunk)")
        }
    }

    /// `--names-beside`: each document uses the party list under its own stem, and the lists
    /// themselves are not scanned.
    @Test func namesBesideUsesEachDocumentsOwnList() throws {
        let dir = try CLI.tempDir()
        try Data("Statement of Ayodele Okafor and Brynmor Tatlow.".utf8).write(to: dir.appendingPathComponent("s1.txt"))
        try Data("Ayodele Okafor\twitness\n".utf8).write(to: dir.appendingPathComponent("s1.parties.txt"))
        try Data("Statement of Ayodele Okafor and Brynmor Tatlow.".utf8).write(to: dir.appendingPathComponent("s2.txt"))
        try Data("Brynmor Tatlow\tvictim\n".utf8).write(to: dir.appendingPathComponent("s2.parties.txt"))
        let r = try CLI.run(["scan", "--format", "jsonl", "--names-beside", dir.path])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(lines)")
        #expect(lines[0].contains("s1.txt") && lines[0].contains("\"start\":13"))
        #expect(lines[1].contains("s2.txt") && lines[1].contains("\"start\":32"))
        #expect(!r.stdout.contains("parties.txt"))
    }

    /// In a table export, the header row is the context: a `DOB` column's dates are dates of
    /// birth, other dates are not; the header row itself is never a finding.
    @Test func csvHeaderGivesBirthContext() throws {
        let dir = try CLI.tempDir()
        // Rows far enough below the header that its words are outside any byte window.
        let filler = (0..<6).map { "\($0),,,,no personal data in this row at all\r\n" }.joined()
        let csv = "id,incident_date,DOB,vehicle,notes\r\n" + filler + "7,12/03/2024,05/07/1964,s482 kbo,\r\n8,01/01/2023,,,\r\n"
        try Data(csv.utf8).write(to: dir.appendingPathComponent("export.csv"))
        try Data(csv.utf8).write(to: dir.appendingPathComponent("export.txt"))
        let r = try CLI.run(["scan", "--format", "jsonl", "--show-text", dir.appendingPathComponent("export.csv").path])
        #expect(r.stdout.contains("\"text\":\"05/07/1964\"") && r.stdout.contains("date_of_birth"))
        #expect(r.stdout.contains("\"text\":\"s482 kbo\""))
        #expect(!r.stdout.contains("12/03/2024") && !r.stdout.contains("01/01/2023"))
        // The same bytes as plain text have no header row, so no birth context.
        let plain = try CLI.run(["scan", "--format", "jsonl", dir.appendingPathComponent("export.txt").path])
        #expect(!plain.stdout.contains("date_of_birth"))
        for chunk in ["1", "7"] {
            let c = try CLI.run(["scan", "--format", "jsonl", "--show-text", "--chunk-size", chunk, dir.appendingPathComponent("export.csv").path])
            #expect(c.stdout == r.stdout)
        }
    }

    /// A large file scanned in parallel segments gives exactly the sequential result, line and
    /// column numbers included.
    @Test func parallelSegmentsMatchSequential() throws {
        let dir = try CLI.tempDir()
        var text = ""
        var i = 0
        while text.utf8.count < 18 << 20 {
            text += "Line \(i) of the notebook, nothing personal here at all; the officer wrote more. "
            if i % 97 == 0 { text += "NHS 943 476 5919 and NI AB 12 34 56 C\n" }
            if i % 5 == 0 { text += "\r\n" }
            i += 1
        }
        let file = dir.appendingPathComponent("big.txt")
        try Data(text.utf8).write(to: file)
        let one = try CLI.run(["scan", "--jobs", "1", file.path])
        let two = try CLI.run(["scan", "--jobs", "2", file.path])
        #expect(one.status == 0 && two.status == 0)
        #expect(one.stdout.split(separator: "\n").count > 1000)
        #expect(one.stdout == two.stdout)
        // The file is larger than a map window: read(2) must give the same, both ways.
        for jobs in ["1", "2"] {
            let read = try CLI.run(["scan", "--no-mmap", "--jobs", jobs, file.path])
            #expect(read.stdout == one.stdout, "--no-mmap --jobs \(jobs)")
        }
    }
}
