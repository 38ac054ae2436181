import Foundation
import PropertyBased
import RedactCore
import Testing
@testable import RedactScan

/// Regular files read through a sliding memory map (`MappedSource`) give exactly what reading
/// them through read(2) gives: the same findings for every block size and map window, the same
/// bytes released to a sink in the same order, segment by segment too.
@Suite struct MappedFileTests {
    /// Small windows make the map move many times within one input.
    @Test func findingsMatchWholeScanForEveryChunkAndWindow() async throws {
        let engine = try MiniPack.engine(.fast)
        await propertyCheck(count: 60, input: Gen.int(in: 0...10_000).array(of: 0...400), Gen.int(in: 1...5000),
                            Gen.int(in: 1...16)) { picks, chunk, pages in
            let text = TextGen.text(picks)
            let mapped = try? scanStreaming(engine, text, chunkSize: chunk, mapWindow: pages * 4096)
            #expect(mapped == scanAll(engine, text))
        }
    }

    /// A text several windows long, against the reference engine, across block sizes.
    @Test func longTextThroughSmallWindows() throws {
        var rng = SplitMix(seed: 11)
        let text = TextGen.text((0..<6000).map { _ in Int(rng.next() % 10_000) })
        #expect(text.count > 8 * 4096)
        let expected = scanAll(try MiniPack.engine(.reference), text)
        #expect(!expected.isEmpty)
        let engine = try MiniPack.engine(.fast)
        for chunk in [1, 61, 4096, 65536] {
            #expect(try scanStreaming(engine, text, chunkSize: chunk, mapWindow: 4096) == expected, "chunk \(chunk)")
        }
    }

    /// Every byte reaches the sink through `release` exactly once and in order (what `apply`
    /// copies), whichever way the file is read.
    @Test func releasedBytesAreTheFileInOrder() throws {
        var rng = SplitMix(seed: 3)
        let text = TextGen.text((0..<3000).map { _ in Int(rng.next() % 10_000) })
        let file = try TemporaryFile(text)
        let engine = try MiniPack.engine(.fast)
        for (map, chunk) in [(false, 1000), (true, 1000), (true, 1), (true, 1 << 20)] {
            let scanner = StreamScanner(engine: engine, chunkSize: chunk, scanBinary: true, mapFiles: map, mapWindow: 4096)
            var sink = CopyingSink()
            let fd = open(file.path, O_RDONLY)
            defer { close(fd) }
            let outcome = try scanner.scan(fd: fd, path: file.path, scratch: engine.makeScratch(), sink: &sink)
            #expect(outcome.bytes == text.count)
            #expect(sink.copy == text, "map \(map) chunk \(chunk)")
        }
    }

    /// Segments scanned from their own maps add up to the whole-file scan.
    @Test func segmentsThroughMapsAddUpToTheWholeScan() throws {
        var rng = SplitMix(seed: 5)
        let text = TextGen.text((0..<4000).map { _ in Int(rng.next() % 10_000) })
        let file = try TemporaryFile(text)
        let engine = try MiniPack.engine(.fast)
        let whole = scanAll(engine, text)
        for map in [false, true] {
            let scanner = StreamScanner(engine: engine, chunkSize: 777, scanBinary: true, mapFiles: map, mapWindow: 4096)
            let fd = open(file.path, O_RDONLY)
            defer { close(fd) }
            let prelude = try scanner.prelude(fd: fd, path: file.path)
            var found: [Found] = []
            let step = text.count / 5 + 1
            for start in stride(from: 0, to: text.count, by: step) {
                _ = try scanner.scanSegment(fd: fd, path: file.path, segment: start..<min(text.count, start + step),
                                            prelude: prelude, scratch: engine.makeScratch()) { f, _, _ in
                    found.append(Found(engine.table[f.rule].id, f.start, f.end))
                }
            }
            #expect(found == whole, "map \(map)")
        }
    }

    /// Files that cannot be mapped usefully are read: an empty file, and a `/proc` file, which
    /// says it holds 0 bytes but does not.
    @Test func emptyAndProcFilesAreRead() throws {
        let engine = try MiniPack.engine(.fast)
        let scanner = StreamScanner(engine: engine, mapFiles: true)
        let empty = try TemporaryFile([])
        for (path, nonEmpty) in [(empty.path, false), ("/proc/self/status", true)] {
            let fd = open(path, O_RDONLY)
            guard fd >= 0 else { continue }  // no /proc on this system
            defer { close(fd) }
            let outcome = try scanner.scan(fd: fd, path: path, scratch: engine.makeScratch()) { _, _, _ in }
            #expect((outcome.bytes > 0) == nonEmpty, "\(path)")
        }
    }
}

extension StreamScanner {
    /// `scanSegment` with a closure, for tests.
    func scanSegment(fd: Int32, path: String, segment: Range<Int>, prelude: Prelude, scratch: ScanScratch,
                     onFinding: @escaping (Finding, UnsafeBufferPointer<UInt8>, Int) -> Void) throws -> Outcome {
        var sink = ClosureSink(onFinding: onFinding)
        return try scanSegment(fd: fd, path: path, segment: segment, prelude: prelude, scratch: scratch, sink: &sink)
    }
}

/// Copies every byte the scanner releases.
struct CopyingSink: ScanSink {
    var copy: [UInt8] = []
    mutating func finding(_ f: Finding, buffer: UnsafeBufferPointer<UInt8>, bufferBase: Int) {}
    mutating func release(upTo: Int, buffer: UnsafeBufferPointer<UInt8>, bufferBase: Int) {
        guard upTo > copy.count else { return }
        copy += buffer[(copy.count - bufferBase)..<(upTo - bufferBase)]
    }
}

/// A file with the given bytes, removed when the value goes.
final class TemporaryFile {
    let path: String
    init(_ bytes: [UInt8]) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("redact-map-\(UUID().uuidString)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}
