import Foundation
import Testing
@testable import RedactScan

/// Standard input from a pipeline: the scanner asks for a pipe buffer of a whole chunk.
@Suite struct PipeTests {
    static let getPipeSize: Int32 = 1032  // F_GETPIPE_SZ

    @Test func aPipeIsWidenedToAChunk() throws {
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        defer { close(fds[0]); close(fds[1]) }
        let limit = (try? String(contentsOfFile: "/proc/sys/fs/pipe-max-size", encoding: .utf8))
            .flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 0
        try #require(limit >= 1 << 20, "this machine caps pipes below 1 MiB")
        #expect(fcntl(fds[0], Self.getPipeSize) < 1 << 20)
        StreamScanner.widenPipe(fds[0], to: 1 << 20)
        #expect(fcntl(fds[0], Self.getPipeSize) == 1 << 20)
    }

    @Test func aRegularFileIsLeftAlone() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("redact-pipe-\(UUID().uuidString)")
        try Data("text".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let fd = open(url.path, O_RDONLY)
        try #require(fd >= 0)
        defer { close(fd) }
        StreamScanner.widenPipe(fd, to: 1 << 20)
        #expect(fcntl(fd, Self.getPipeSize) == -1)  // not a pipe: the kernel refuses the query
    }
}
