import Foundation
import Testing

/// Exit codes are public API for pipelines: 0 clean, 1 personal data found, 2 error.
@Suite struct ExitCodeTests {
    @Test func checkCleanIsZero() throws {
        let r = try CLI.run(["check", "-"], stdin: Data("Nothing personal here, section 18 applies.\n".utf8))
        #expect(r.status == 0)
        #expect(r.stdout.contains("-: clean"))
    }

    @Test func checkFoundIsOne() throws {
        let r = try CLI.run(["check", "-"], stdin: Data("NI number AB 12 34 56 C\n".utf8))
        #expect(r.status == 1)
        #expect(r.stdout.contains("-: FOUND 1 (nino 1)"))
    }

    @Test func checkJSONL() throws {
        let dir = try CLI.tempDir()
        try Data("clean text".utf8).write(to: dir.appendingPathComponent("a.txt"))
        try Data("NHS 943 476 5919".utf8).write(to: dir.appendingPathComponent("b.txt"))
        let r = try CLI.run(["check", "--format", "jsonl", dir.path])
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].contains("\"status\":\"clean\""))
        #expect(lines[1].contains("\"status\":\"found\"") && lines[1].contains("\"nhs_number\":1"))
        #expect(lines[2].contains("\"total\":true") && lines[2].contains("\"exit\":1"))
    }

    @Test func missingPathIsTwoAndNamesThePath() throws {
        let r = try CLI.run(["check", "/nonexistent/case/file.txt"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("/nonexistent/case/file.txt"))
    }

    @Test func errorBeatsFound() throws {
        let dir = try CLI.tempDir()
        try Data("NHS 943 476 5919".utf8).write(to: dir.appendingPathComponent("b.txt"))
        let r = try CLI.run(["check", dir.appendingPathComponent("b.txt").path, "/nonexistent"])
        #expect(r.status == 2)
    }

    @Test func unreadablePathIsTwo() throws {
        let dir = try CLI.tempDir()
        let file = dir.appendingPathComponent("f.txt")
        try Data("x".utf8).write(to: file)
        // A path through a regular file cannot be opened, even by root.
        let r = try CLI.run(["scan", file.path + "/inside.txt"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("inside.txt"))
    }

    @Test func usageErrorIsTwo() throws {
        #expect(try CLI.run(["check", "--no-such-option", "-"]).status == 2)
        #expect(try CLI.run(["scan", "--chunk-size", "0", "-"]).status == 2)
        #expect(try CLI.run(["apply", "-"]).status == 2)  // --out is required
    }

    @Test func malformedPackIsRefusedNamingFileLineAndRule() throws {
        let dir = try CLI.tempDir()
        try Data("name = bad\nversion = 1\n".utf8).write(to: dir.appendingPathComponent("pack.conf"))
        try Data("[rule bad.one]\ncategory = nino\npattern = (unclosed\ntrigger = digit\nmax_length = 10\n".utf8)
            .write(to: dir.appendingPathComponent("bad.rules"))
        for command in ["scan", "check", "apply"] {
            var args = [command, "--patterns", dir.path, "-"]
            if command == "apply" { args += ["--out", dir.appendingPathComponent("out").path] }
            let r = try CLI.run(args, stdin: Data("x".utf8))
            #expect(r.status == 2, "\(command)")
            #expect(r.stderr.contains("bad.rules:3"), "\(command): \(r.stderr)")
            #expect(r.stderr.contains("bad.one"), "\(command)")
        }
        let check = try CLI.run(["patterns", "check", "--patterns", dir.path])
        #expect(check.status == 2)
    }

    @Test func bundledPackPassesItsOwnExamples() throws {
        let r = try CLI.run(["patterns", "check"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains(" 0 failed"))
    }

    @Test func aUserPackIsAddedWithoutRecompiling() throws {
        let dir = try CLI.tempDir()
        try Data("name = local\nversion = 1\n".utf8).write(to: dir.appendingPathComponent("pack.conf"))
        try Data("""
        [rule local.custody_ref]
        category = crn
        pattern = (?<![A-Za-z0-9])CUST-\\d{6}(?![A-Za-z0-9])
        trigger = digit
        max_length = 11
        example = ref «CUST-123456» logged
        counter = CUST-12345 is short

        """.utf8).write(to: dir.appendingPathComponent("local.rules"))
        let r = try CLI.run(["scan", "--format", "jsonl", "--patterns", dir.path, "-"], stdin: Data("custody CUST-654321 today\n".utf8))
        #expect(r.status == 0)
        #expect(r.stdout.contains("\"rule\":\"local.custody_ref\""))
        #expect(try CLI.run(["patterns", "check", "--patterns", dir.path]).status == 0)
    }
}
