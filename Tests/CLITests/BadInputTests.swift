import Foundation
import Testing

/// Bad input gets a clear error and loses nothing; no personal data in error messages.
@Suite struct BadInputTests {
    @Test func emptyFileIsClean() throws {
        let dir = try CLI.tempDir()
        let f = dir.appendingPathComponent("empty.txt")
        try Data().write(to: f)
        #expect(try CLI.run(["check", f.path]).status == 0)
        let apply = try CLI.run(["apply", f.path, "--out", dir.appendingPathComponent("out").path])
        #expect(apply.status == 0)
        #expect(try Data(contentsOf: dir.appendingPathComponent("out/empty.txt")).isEmpty)
    }

    @Test func invalidUTF8NeitherCrashesNorShiftsOffsets() throws {
        var bytes: [UInt8] = [0xFF, 0xFE, 0xC3, 0x28, 0xED, 0xA0, 0x80, 0x20]
        let start = bytes.count
        bytes += Array("943 476 5919".utf8)
        bytes += [0x80, 0x0A]
        let r = try CLI.run(["scan", "--format", "jsonl", "-"], stdin: Data(bytes))
        #expect(r.status == 0)
        #expect(r.stdout.contains("\"start\":\(start),\"end\":\(start + 12)"))
    }

    @Test func hugeSingleLineIsScannedWithSmallChunks() throws {
        // 8 MiB with no newline at all, a planted value near the end and one across a chunk edge.
        var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 8 << 20)
        for (i, b) in " 943 476 5919 ".utf8.enumerated() { bytes[(8 << 20) - 100 + i] = b }
        for (i, b) in " AB 12 34 56 C ".utf8.enumerated() { bytes[65536 - 5 + i] = b }
        let r = try CLI.run(["scan", "--format", "jsonl", "--chunk-size", "65536", "-"], stdin: Data(bytes))
        #expect(r.status == 0)
        #expect(r.stdout.split(separator: "\n").count == 2)
    }

    @Test func errorsNeverQuoteTheInput() throws {
        let dir = try CLI.tempDir()
        let f = dir.appendingPathComponent("statement.txt")
        try Data(Fixture.text.utf8).write(to: f)
        // An output that already exists: apply refuses, and says so without content.
        let out = dir.appendingPathComponent("out")
        #expect(try CLI.run(["apply", f.path, "--out", out.path]).status == 0)
        let again = try CLI.run(["apply", f.path, "--out", out.path])
        #expect(again.status == 2)
        #expect(again.stderr.contains("exists"))
        for value in Fixture.planted { #expect(!again.stderr.contains(value)) }
        let names = dir.appendingPathComponent("names.txt")
        try Data("Ayodele Okafor\tnot-a-role\n".utf8).write(to: names)
        let badNames = try CLI.run(["scan", "--names", names.path, f.path])
        #expect(badNames.status == 2)
        #expect(badNames.stderr.contains("line 1"))
        #expect(!badNames.stderr.contains("Okafor"))
    }

    #if os(Linux)
    /// Files are read through memory maps; a file that another process cuts short while it is
    /// mapped raises SIGBUS. That is an error with a message (exit 2), not a bare crash, and
    /// `--no-mmap` reads the same file through read(2).
    @Test func aFileThatShrinksWhileMappedIsAnErrorNotACrash() throws {
        let dir = try CLI.tempDir()
        let file = dir.appendingPathComponent("shrinking.txt")
        let line = Array("Officer's notebook, page 4: nothing personal on this line at all.\n".utf8)
        var bytes: [UInt8] = []
        while bytes.count < 4 << 20 { bytes += line }
        try Data(bytes).write(to: file)
        // One-byte blocks make the scan take far longer than the truncation below needs.
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = ["scan", "--chunk-size", "1", "--jobs", "1", file.path]
        var environment = ProcessInfo.processInfo.environment
        environment["REDACT_PATTERNS"] = CLI.root.appendingPathComponent("patterns/uk").path
        p.environment = environment
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        // Cut the file once the process has it mapped (it appears in the process's maps).
        let maps = "/proc/\(p.processIdentifier)/maps"
        let deadline = Date().addingTimeInterval(120)
        while p.isRunning, Date() < deadline,
              !((try? String(contentsOfFile: maps, encoding: .utf8))?.contains(file.lastPathComponent) ?? false) {
            usleep(1000)
        }
        #expect(truncate(file.path, 0) == 0)
        p.waitUntilExit()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(p.terminationReason == .exit)
        #expect(p.terminationStatus == 2)
        #expect(stderr.contains("shrank while it was being read"))
        #expect(stderr.contains("--no-mmap"))

        try Data(bytes).write(to: file)
        let read = try CLI.run(["scan", "--summary", "--no-mmap", file.path])
        #expect(read.status == 0)
    }
    #endif
}
